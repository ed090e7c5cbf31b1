// A ByteSource that reads ahead along a stride. The overlay reader asks for the metadata areas one after the
// other, each (epa + 1) chunks past the last and only once the last is parsed: over a File, 4,081 areas of a
// full 4 GiB overlay would be 4,081 disk round trips in a row. Once two reads of the same length show the
// stride, the next few areas are asked for at once, so several slices are in flight while one is parsed.

import type { ByteSource } from '../model/dm/overlayFile';

export interface ReadAheadOptions {
  /** Reads kept in flight ahead of the reader. */
  depth?: number;
  /** The most bytes read ahead at once: a file with huge chunks is read one area at a time. */
  maxAheadBytes?: number;
}

export function readAheadSource(
  source: ByteSource,
  { depth = 64, maxAheadBytes = 4 << 20 }: ReadAheadOptions = {},
): ByteSource {
  let last: { offsetBytes: number; lengthBytes: number } | null = null;
  /** Reads started ahead, by offset; all of `aheadLength` bytes. */
  const ahead = new Map<number, Promise<Uint8Array>>();
  let aheadLength = 0;

  const start = (offsetBytes: number, lengthBytes: number) => {
    const read = Promise.resolve().then(() => source.read(offsetBytes, lengthBytes));
    // A read ahead that nobody ends up asking for must not fail as an unhandled rejection.
    read.catch(() => undefined);
    ahead.set(offsetBytes, read);
  };

  return {
    sizeBytes: source.sizeBytes,
    read(offsetBytes, lengthBytes) {
      const started = lengthBytes === aheadLength ? ahead.get(offsetBytes) : undefined;
      ahead.delete(offsetBytes);
      const stride = last && last.lengthBytes === lengthBytes ? offsetBytes - last.offsetBytes : 0;
      last = { offsetBytes, lengthBytes };
      if (stride <= 0 || lengthBytes !== aheadLength) ahead.clear();
      // Reads left behind (the reader jumped) are dropped: only what lies ahead is kept.
      for (const at of ahead.keys()) if (at < offsetBytes) ahead.delete(at);
      if (stride > 0) {
        aheadLength = lengthBytes;
        const count = Math.min(depth, Math.floor(maxAheadBytes / lengthBytes));
        for (let k = 1; k <= count; k++) {
          const at = offsetBytes + k * stride;
          if (at + lengthBytes > source.sizeBytes) break;
          if (!ahead.has(at)) start(at, lengthBytes);
        }
      }
      return started ?? source.read(offsetBytes, lengthBytes);
    },
  };
}
