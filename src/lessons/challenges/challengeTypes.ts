// A "predict the meter" challenge: a stick brought to a known state, a few things that happen to it, and
// the overlay gauge the learner must predict afterwards. The model itself answers (predictMeter.ts).

import type { SandboxChoices } from '../../model/session/sandboxPlan';
import type { OverlayUsage } from '../../model/stick/usageSummary';

/** Where a file goes, as the Files view names the places. */
export type Place = 'system' | 'home' | 'ram';

export type ChallengeAction =
  | { kind: 'save'; place: Place; name: string; sizeMb: number }
  | { kind: 'delete'; place: Place; name: string; sizeMb: number }
  | { kind: 'reboot' };

export interface Challenge {
  level: number;
  seed: number;
  stick: SandboxChoices;
  /** What is on the stick before: saved in this order, then the gauge is read. */
  before: ChallengeAction[];
  /** What the learner is told happens next. */
  actions: ChallengeAction[];
}

export interface MeterAnswer {
  /** The gauge before the actions and after them, in whole percent as the gauge shows it. */
  startPercent: number;
  endPercent: number;
  /** The challenge's own overlay before the actions and after them, for its gauge to show. */
  before: OverlayUsage;
  after: OverlayUsage;
}
