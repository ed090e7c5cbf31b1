// A ByteSource over a file on disk: the overlay is read by slices, never loaded whole.

import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource } from '../model/dm/overlayFile';

export async function openFileSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    sizeBytes: size,
    async read(offsetBytes, lengthBytes) {
      const buffer = new Uint8Array(lengthBytes);
      const { bytesRead } = await handle.read(buffer, 0, lengthBytes, offsetBytes);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

/** The message Node's file errors deserve, in plain words. */
export function describeFileError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EISDIR') return `${path}: is a folder, not a file`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied (try sudo)`;
  return `${path}: ${(error as Error).message}`;
}
