// ByteSource over a Blob, read by slices: a multi-GiB overlay chosen in the browser is never loaded whole.
// Chromium pays 0.3–1.5 ms per slice read from a File, whatever its size, so many slices are read
// as one Blob made of them and cut apart again.

import type { ByteSource } from '../model/dm/overlayFile';

export function blobSource(blob: Blob): ByteSource {
  return {
    sizeBytes: blob.size,
    async read(offsetBytes, lengthBytes) {
      return new Uint8Array(await blob.slice(offsetBytes, offsetBytes + lengthBytes).arrayBuffer());
    },
    async readMany(ranges) {
      const slices = ranges.map(({ offsetBytes, lengthBytes }) =>
        blob.slice(offsetBytes, offsetBytes + lengthBytes),
      );
      const whole = new Uint8Array(await new Blob(slices).arrayBuffer());
      let at = 0;
      return slices.map((slice) => whole.subarray(at, (at += slice.size)));
    },
  };
}
