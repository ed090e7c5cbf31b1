// Simulated time as the plot's axis prints it: in the largest unit that fits. (Sizes and percentages
// come from ../format/sizes, as the gauge and the stick picture print them.)

import { msg, str } from '@lit/localize';

export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 120) return msg(str`${Math.round(seconds)} s`);
  const minutes = seconds / 60;
  if (minutes < 120) return msg(str`${Math.round(minutes)} min`);
  const hours = minutes / 60;
  if (hours < 48) return msg(str`${Math.round(hours)} h`);
  return msg(str`${Math.round(hours / 24)} days`);
}
