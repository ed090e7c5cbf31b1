// A ByteSource that reads ahead along a stride. The overlay reader asks for the metadata areas one after the
// other, each (epa + 1) chunks past the last and only once the last is parsed: over a File, 4,081 areas of a
// full 4 GiB overlay would be 4,081 disk round trips in a row. Once two reads of the same length show the
// stride, the next areas are asked for at once, and asked for again in a batch whenever half of them have
// been handed out: a source that reads many slices in one request (`readMany`) gets them in one.

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

  const keep = (offsetBytes: number, read: Promise<Uint8Array>) => {
    // A read ahead that nobody ends up asking for must not fail as an unhandled rejection.
    read.catch(() => undefined);
    ahead.set(offsetBytes, read);
  };
  const start = (offsets: number[], lengthBytes: number) => {
    if (source.readMany && offsets.length > 1) {
      const batch = source.readMany(offsets.map((offsetBytes) => ({ offsetBytes, lengthBytes })));
      offsets.forEach((at, i) =>
        keep(
          at,
          batch.then((slices) => slices[i]!),
        ),
      );
      return;
    }
    for (const at of offsets)
      keep(
        at,
        Promise.resolve().then(() => source.read(at, lengthBytes)),
      );
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
      const count = Math.min(depth, Math.floor(maxAheadBytes / lengthBytes));
      if (stride > 0 && ahead.size <= count / 2) {
        aheadLength = lengthBytes;
        const wanted: number[] = [];
        for (let k = 1; k <= count; k++) {
          const at = offsetBytes + k * stride;
          if (at + lengthBytes > source.sizeBytes) break;
          if (!ahead.has(at)) wanted.push(at);
        }
        start(wanted, lengthBytes);
      }
      return started ?? source.read(offsetBytes, lengthBytes);
    },
  };
}
