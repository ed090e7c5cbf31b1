// Sizes as coreutils prints them with -h (df, du, ls): powers of 1024, rounded up, one decimal below 10
// ("3.9M", "12K", "1.0G"), plain bytes below 1 KiB.

const SUFFIXES = ['K', 'M', 'G', 'T', 'P'];

export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < SUFFIXES.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${SUFFIXES[unit]}`;
    value = tenths;
  }
  const whole = Math.ceil(value - 1e-9);
  if (whole >= 1024 && unit < SUFFIXES.length - 1) return `1.0${SUFFIXES[unit + 1]}`;
  return `${whole}${SUFFIXES[unit]}`;
}
