// Sizes as a learner reads them: binary units as Linux tools print them (KiB, MiB, GiB), one decimal
// below 10, whole numbers above, with the language's decimal sign; and a percentage that never shows
// 100 % before the store is full.

import { msg } from '@lit/localize';
import { formatNumber } from './numbers';

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

export function formatBytes(bytes: number): string {
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${bytes < 0 ? '−' : ''}${formatNumber(value, digits)} ${unit === 0 ? msg('bytes') : UNITS[unit - 1]}`;
}

/** Whole percent, rounded down so a nearly full store reads 99 %, not 100 %. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.floor((part / whole) * 100));
}
