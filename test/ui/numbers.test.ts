import { describe, expect, it } from 'vitest';
import { DECIMAL_SIGN, formatNumber } from '../../src/ui/format/numbers';

describe('formatNumber', () => {
  it('writes each language’s decimal sign as Intl does', () => {
    for (const [locale, sign] of Object.entries(DECIMAL_SIGN)) {
      const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
      expect(parts.find((part) => part.type === 'decimal')?.value, locale).toBe(sign);
    }
  });

  it('rounds to the digits asked, without grouping thousands', () => {
    expect(formatNumber(2.94, 1)).toBe('2.9');
    expect(formatNumber(12345.678, 2)).toBe('12345.68');
    expect(formatNumber(0.5)).toBe('1');
    expect(formatNumber(42)).toBe('42');
  });
});
