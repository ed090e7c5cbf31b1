// ByteSource over a Blob, read by slices: a multi-GiB overlay chosen in the browser is never loaded whole.

import type { ByteSource } from '../model/dm/overlayFile';

export function blobSource(blob: Blob): ByteSource {
  return {
    sizeBytes: blob.size,
    async read(offsetBytes, lengthBytes) {
      return new Uint8Array(await blob.slice(offsetBytes, offsetBytes + lengthBytes).arrayBuffer());
    },
  };
}
