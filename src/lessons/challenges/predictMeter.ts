// The model's own answer to a challenge: the actions carried out on a session of the challenge's stick,
// and the overlay gauge read before and after, as the gauge shows it (whole percent, rounded down).

import { Session } from '../../model/session/Session';
import { sandboxPlan } from '../../model/session/sandboxPlan';
import type { SessionCommand } from '../../model/session/sessionCommands';
import type { StickUsage } from '../../model/stick/usageSummary';
import { overlayPercent } from '../conditions';
import type { Challenge, ChallengeAction, MeterAnswer, Place } from './challengeTypes';

const MB = 1_000_000;

const FOLDERS: Record<Place, string> = {
  system: '/root',
  home: '/home/liveuser',
  ram: '/tmp',
};

function commandFor(action: ChallengeAction): SessionCommand {
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
  const made = Session.create(planned.plan);
  if (!made.ok) return null;
  const session = made.session;
  const run = (actions: ChallengeAction[]) => actions.every((action) => session.apply(commandFor(action)).ok);
  if (!run(challenge.before)) return null;
  const startPercent = gauge(session.stick.usage());
  if (!run(challenge.actions)) return null;
  return { startPercent, endPercent: gauge(session.stick.usage()) };
}
