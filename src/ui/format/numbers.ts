// Numbers in the language spoken now: "2.9" in English, "2,9" in Spanish and French.

import { currentLocale } from '../localization';

const formats = new Map<string, Intl.NumberFormat>();

/** `value` with exactly `digits` decimals, as the current language writes it. */
export function formatNumber(value: number, digits = 0): string {
  const key = `${currentLocale()}/${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(currentLocale(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    formats.set(key, format);
  }
  return format.format(value);
}
