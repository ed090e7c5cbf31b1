// A learner for lesson tests: a real session on the sandbox's stick, files saved through the session's
// commands and lines typed through the app's own path (Session.terminal running the Shell).

import { Session } from '../../src/model/session/Session';
import { DEFAULT_SANDBOX, sandboxPlan } from '../../src/model/session/sandboxPlan';
import { Shell } from '../../src/shell/Shell';

export function sandboxSession(): Session {
  const planned = sandboxPlan(DEFAULT_SANDBOX);
  if (!planned.ok) throw new Error(planned.message);
  const made = Session.create(planned.plan);
  if (!made.ok) throw new Error(made.message);
  return made.session;
}

/** Types a line as the terminal view does: one shell per stick, the session around each line. */
export function typeInto(session: Session, line: string): number {
  const shell = shells.get(session.stick) ?? new Shell(session.stick);
  shells.set(session.stick, shell);
  return session.terminal(line, shell.cwd, () => shell.run(line)).exitCode;
}

const shells = new WeakMap<object, Shell>();
