// Sizes and the arithmetic between sectors, bytes and chunks. Everything in the model is counted in
// 512-byte sectors, as the kernel's block layer and `dmsetup` count them.

/** Bytes in one sector: the unit of every size the kernel prints. */
export const SECTOR_BYTES = 512;

/** Exact for every safe integer (`n & (n - 1)` would see only the low 32 bits, and call 3·2³² one). */
export function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

export function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** The chunk that holds a sector. */
export function chunkOfSector(sector: number, chunkSectors: number): number {
  return Math.floor(sector / chunkSectors);
}
