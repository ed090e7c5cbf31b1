// ext4_mb_normalize_request's window for a file's data (Linux 6.1): where an inode preallocation starts
// and how long it is, predicted from the file's size. Small files get a window of the next size up to
// 1 MiB from their start; larger ones a 2, 4 or 8 MiB window aligned to its own size.

const KIB = 1024;
const MIB = 1024 * KIB;

export interface Window {
  /** First logical block. */
  start: number;
  /** Blocks. */
  length: number;
}

/**
 * The window for a request of `length` blocks at `logical`, in a file of `fileBlocks`, before it is trimmed
 * to the file's neighbours and preallocations. `maxChunk` is mballoc's `2 << bsbits` in bytes.
 */
export function sizeWindow(logical: number, length: number, fileBlocks: number, blockBits: number): Window {
  const size = Math.max(logical + length, fileBlocks) * 2 ** blockBits;
  const max = 2 * 2 ** blockBits;
  const aligned = (bytes: number, bits: number): Window => ({
    start: Math.floor((logical * 2 ** blockBits) / 2 ** bits) * 2 ** (bits - blockBits),
    length: bytes / 2 ** blockBits,
  });
  for (const step of [16 * KIB, 32 * KIB, 64 * KIB, 128 * KIB, 256 * KIB, 512 * KIB, MIB]) {
    if (size <= step) return { start: 0, length: step / 2 ** blockBits };
  }
  // NRL_CHECK_SIZE(req, size, max, chunk): req <= size || max <= chunk.
  if (size <= 4 * MIB || max <= 2 * KIB) return aligned(2 * MIB, 21);
  if (size <= 8 * MIB || max <= 4 * KIB) return aligned(4 * MIB, 22);
  if (length * 2 ** blockBits <= 8 * MIB || max <= 8 * KIB) return aligned(8 * MIB, 23);
  return { start: logical, length };
}
