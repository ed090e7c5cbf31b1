// The model's own answer to a challenge: the actions carried out on the challenge's own stick, and the
// overlay gauge read before and after, as the gauge shows it (whole percent, rounded down). The stick is
// driven directly, not through a Session: nobody undoes a challenge, and saving an undo step before
// each action was most of the time a challenge took to make.

import { runCommand, type StickCommand } from '../../model/session/runCommand';
import { sandboxPlan } from '../../model/session/sandboxPlan';
import { Stick } from '../../model/stick/Stick';
import type { StickUsage } from '../../model/stick/usageSummary';
import { overlayPercent } from '../conditions';
import type { Challenge, ChallengeAction, MeterAnswer, Place } from './challengeTypes';

const MB = 1_000_000;

const FOLDERS: Record<Place, string> = {
  system: '/root',
  home: '/home/liveuser',
  ram: '/tmp',
};

function commandFor(action: ChallengeAction): StickCommand {
  if (action.kind === 'reboot') return { type: 'reboot' };
  const path = `${FOLDERS[action.place]}/${action.name}`;
  return action.kind === 'save'
    ? { type: 'write-file', path, sizeBytes: action.sizeMb * MB }
    : { type: 'delete', path };
}

/** The gauge's figure: whole percent, rounded down. */
function gauge(usage: StickUsage): number {
  return Math.floor(overlayPercent(usage));
}

/** Null when the challenge cannot be played on its stick (a generator's mistake, caught by the tests). */
export function predictMeter(challenge: Challenge): MeterAnswer | null {
  const planned = sandboxPlan(challenge.stick);
  if (!planned.ok) return null;
  const made = Stick.create(planned.plan);
  if (!made.ok) return null;
  const stick = made.stick;
  stick.boot();
  const run = (actions: ChallengeAction[]) =>
    actions.every((action) => runCommand(stick, commandFor(action)).ok);
  if (!run(challenge.before)) return null;
  const before = stick.usage();
  if (!run(challenge.actions)) return null;
  const after = stick.usage();
  return {
    startPercent: gauge(before),
    endPercent: gauge(after),
    before: before.overlay,
    after: after.overlay,
  };
}
