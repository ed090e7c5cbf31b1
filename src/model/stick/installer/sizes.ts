// Byte and MiB arithmetic the way the script's tools do it: du and df round up to whole MiB
// (gnulib human_ceiling is their default), today's script rounds to the nearest MiB for printing.

export const MIB_BYTES = 1024 * 1024;

/** The largest file FAT can hold: 4 GiB − 1 byte (a 32-bit size field). */
export const FAT_MAX_FILE_BYTES = 4 * 1024 * MIB_BYTES - 1;

/** The largest size an option may ask for, in MiB (keeps every byte count a safe integer). */
export const MAX_OPTION_MIB = 2 ** 32;

export function mibToBytes(mib: number): number {
  return Math.round(mib * MIB_BYTES);
}

/** `du -B 1M` / `df -B 1M`: whole MiB, rounded up. */
export function ceilMib(bytes: number): number {
  return Math.ceil(bytes / MIB_BYTES);
}

/** Today's `MiB()`: ((bytes + 2^19) >> 20), the nearest MiB (halves up, negatives toward −∞). */
export function nearestMib(bytes: number): number {
  return Math.floor((bytes + MIB_BYTES / 2) / MIB_BYTES);
}

/** bash printf's %Ns: right-aligned in N columns, never cut. */
export function padLeft(value: number | string, width: number): string {
  return String(value).padStart(width, ' ');
}
