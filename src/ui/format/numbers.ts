// Numbers in the language spoken now: "2.9" in English, "2,9" in Spanish and French. Written by hand rather
// than with Intl.NumberFormat: the first Intl formatter costs a slow XO about a tenth of a second at start.

import { currentLocale, type Locale } from '../localization';

/** Each language's decimal sign (test/ui/numbers.test.ts checks them against Intl). */
export const DECIMAL_SIGN: Record<Locale, string> = { en: '.', es: ',', fr: ',' };

/** `value` with exactly `digits` decimals, as the current language writes it; no grouping of thousands. */
export function formatNumber(value: number, digits = 0): string {
  return value.toFixed(digits).replace('.', DECIMAL_SIGN[currentLocale()]);
}
