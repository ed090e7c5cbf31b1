// Builds an overlay file's bytes from a recorded header and exception table, independently of the model's
// own encoder (plain DataView writes), so that reading it back tests the model's reader, not its writer.

import type { GoldenStep, Run } from './golden';

export function buildCowFile(
  headerHex16: string,
  runs: Run[],
  chunkSectors: number,
  sizeBytes: number,
): Uint8Array {
  const bytes = new Uint8Array(sizeBytes);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(headerHex16.slice(2 * i, 2 * i + 2), 16);
  const chunkBytes = chunkSectors * 512;
  const perArea = chunkBytes / 16;
  const view = new DataView(bytes.buffer);
  let index = 0;
  for (const [oldFirst, newFirst, count] of runs) {
    for (let i = 0; i < count; i++, index++) {
      const area = Math.floor(index / perArea);
      const at = (1 + area * (perArea + 1)) * chunkBytes + (index % perArea) * 16;
      view.setBigUint64(at, BigInt(oldFirst + i), true);
      view.setBigUint64(at + 8, BigInt(newFirst + i), true);
    }
  }
  return bytes;
}

/** The overlay file as it was after a recorded step, given the table at that step. */
export function cowFileOfStep(step: GoldenStep, runs: Run[]): Uint8Array {
  return buildCowFile(step.cow_header_hex16, runs, step.chunk_sectors, step.cow_file_bytes);
}
