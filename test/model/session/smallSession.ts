// A session on a small stick of today (512 MiB, a 32 MiB overlay, a 64 MiB home.img), quick to make.

import { Session } from '../../../src/model/session/Session';
import type { StickPlan } from '../../../src/model/stick/stickPlan';

export const MIB = 1024 * 1024;
export const SMALL_STICK: StickPlan = {
  era: 'fedora-today',
  capacityBytes: 512 * MIB,
  overlayMib: 32,
  homeMib: 64,
};

export function newSession(plan: Partial<StickPlan> = {}): Session {
  const made = Session.create({ ...SMALL_STICK, ...plan });
  if (!made.ok) throw new Error(made.message);
  return made.session;
}
