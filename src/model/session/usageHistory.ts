// The usage plot's history: the session's samples, kept bounded and saved with the activity so a resumed
// session (a reload, the Journal) draws on from where it stopped. Past the cap every other sample is
// dropped, the first and the newest kept: the plot keeps its whole span at half the detail, and each
// sample keeps its own time and step, so nothing is renumbered.

import { isWholeNumber } from '../units';
import { sampleOf, type UsageSample } from '../stick/usageSample';
import type { StickUsage } from '../stick/usageSummary';

/** More points than the plot is wide (600 px) would draw nothing more. */
export const MAX_USAGE_SAMPLES = 600;

const BYTE_FIELDS = [
  'overlayUsedBytes',
  'overlayTotalBytes',
  'homeUsedBytes',
  'homeTotalBytes',
  'ramUsedBytes',
  'ramTotalBytes',
  'deviceUsedBytes',
  'deviceTotalBytes',
] as const satisfies readonly (keyof UsageSample)[];

/** The history with one more sample of `usage` at `timeMs` (a new array: views compare by identity). */
export function withSample(
  history: readonly UsageSample[],
  usage: StickUsage,
  timeMs: number,
): UsageSample[] {
  const last = history.at(-1);
  const grown = [...history, sampleOf(usage, timeMs, last ? last.step + 1 : 0)];
  return grown.length <= MAX_USAGE_SAMPLES
    ? grown
    : grown.filter((_, i) => i % 2 === 0 || i === grown.length - 1);
}

/**
 * A saved history continued on the stick it was saved with: its samples, then the stick's usage now unless
 * the last sample already shows it. A history that is damaged, too long or ahead of the stick's clock (not
 * this stick's) is dropped: the plot starts again rather than drawing something false.
 */
export function resumedHistory(saved: unknown, usage: StickUsage, clockMs: number): UsageSample[] {
  const history = readUsageHistory(saved, clockMs);
  const last = history.at(-1);
  const now = sampleOf(usage, clockMs, last ? last.step + 1 : 0);
  return last && sameFigures(last, now) ? history : withSample(history, usage, clockMs);
}

function readUsageHistory(saved: unknown, clockMs: number): UsageSample[] {
  if (!Array.isArray(saved) || saved.length > MAX_USAGE_SAMPLES) return [];
  const samples = saved.filter(isSample);
  const ordered = samples.every(
    (s, i) => i === 0 || (s.step > samples[i - 1]!.step && s.timeMs >= samples[i - 1]!.timeMs),
  );
  const fits = samples.length === saved.length && ordered && (samples.at(-1)?.timeMs ?? 0) <= clockMs;
  return fits ? samples.map(copySample) : [];
}

function isSample(value: unknown): value is UsageSample {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['timeMs', 'step', ...BYTE_FIELDS].every((name) => isWholeNumber(fields[name]));
}

/** Only the sample's own fields, whatever else the saved object carried. */
function copySample(s: UsageSample): UsageSample {
  const copy = { timeMs: s.timeMs, step: s.step } as UsageSample;
  for (const name of BYTE_FIELDS) copy[name] = s[name];
  return copy;
}

function sameFigures(a: UsageSample, b: UsageSample): boolean {
  return a.timeMs === b.timeMs && BYTE_FIELDS.every((name) => a[name] === b[name]);
}
