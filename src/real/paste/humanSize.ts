// Sizes as `ls -h` prints them ("1.0G", "512M", "4,0K" in a comma locale): powers of 1024, rounded up to
// one decimal, so the bytes read back are near the real size, not equal to it.

const POWERS: Record<string, number> = { K: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };
const HUMAN = /^(\d+(?:[.,]\d+)?)([KMGTPE])i?B?$/i;

/** Bytes, exact for a plain number, approximate for a suffixed one; null when it is neither. */
export function readSize(text: string): { bytes: number; approximate: boolean } | null {
  if (/^\d+$/.test(text)) {
    const bytes = Number(text);
    return Number.isSafeInteger(bytes) ? { bytes, approximate: false } : null;
  }
  const match = HUMAN.exec(text);
  if (!match) return null;
  const bytes = Math.round(Number(match[1]!.replace(',', '.')) * 1024 ** POWERS[match[2]!.toUpperCase()]!);
  return Number.isSafeInteger(bytes) ? { bytes, approximate: true } : null;
}
