// Numbers as the plot prints them: sizes in binary units, simulated time in the largest unit that fits.

import { msg, str } from '@lit/localize';
import { formatNumber } from '../format/numbers';

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${formatNumber(shown, Number.isInteger(shown) ? 0 : 1)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 120) return msg(str`${Math.round(seconds)} s`);
  const minutes = seconds / 60;
  if (minutes < 120) return msg(str`${Math.round(minutes)} min`);
  const hours = minutes / 60;
  if (hours < 48) return msg(str`${Math.round(hours)} h`);
  return msg(str`${Math.round(hours / 24)} days`);
}
