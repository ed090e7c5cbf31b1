// The conditions lessons are made of, read from a step's facts: what the learner did (a command, a line
// typed in the terminal) and how the stick's usage moved since the step began. Each is pure.

import type { SessionCommand } from '../model/session/sessionCommands';
import type { StickPlan } from '../model/stick/stickPlan';
import type { StickUsage } from '../model/stick/usageSummary';
import type { StepFacts } from './lessonTypes';

const SECTOR_BYTES = 512;

/** A line typed in the terminal that matches `pattern`, with the exit code wanted (0 unless said). */
export function typed(facts: StepFacts, pattern: RegExp, exitCode = 0): boolean {
  const { action } = facts.change;
  return action.type === 'terminal' && pattern.test(action.line.trim()) && action.exitCode === exitCode;
}

/** A command of this type that the stick carried out. */
export function did<T extends SessionCommand['type']>(
  facts: StepFacts,
  type: T,
): Extract<SessionCommand, { type: T }> | null {
  const { action } = facts.change;
  return facts.change.ok && action.type === type ? (action as Extract<SessionCommand, { type: T }>) : null;
}

/** The plan of a new stick the session made in this change (from the New stick window or the era menu). */
export function madeStick(facts: StepFacts): StickPlan | null {
  return did(facts, 'new-stick')?.plan ?? null;
}

/** Bytes the overlay's allocation (data, metadata and header chunks) grew by since the step began. */
export function overlayGrowthBytes(facts: StepFacts): number {
  const { start, change } = facts;
  return (change.after.overlay.allocatedSectors - start.overlay.allocatedSectors) * SECTOR_BYTES;
}

/** Bytes used in home.img now less when the step began (negative when space came back). */
export function homeGrowthBytes(facts: StepFacts): number {
  return homeUsedBytes(facts.change.after) - homeUsedBytes(facts.start);
}

function homeUsedBytes(usage: StickUsage): number {
  return usage.home?.usedBytes ?? 0;
}

/** The overlay's share in use, 0–100, as the gauge shows it. */
export function overlayPercent(usage: Pick<StickUsage, 'overlay'>): number {
  const { allocatedSectors, totalSectors } = usage.overlay;
  return totalSectors === 0 ? 0 : (100 * allocatedSectors) / totalSectors;
}
