// Small sticks for the browser tests of saving (the model's own test helper lives with the vitest tests).
import { Stick } from '../../src/model/stick/Stick';
import type { ActivityState } from '../../src/sugar/activityDocument';

const MIB = 1024 * 1024;

/** A running 512 MiB stick with one file the learner wrote, in the given mode. */
export function stickState(mode = 'free', fileBytes = 8192): ActivityState {
  const made = Stick.create({ era: 'soas-2012', capacityBytes: 512 * MIB, overlayMib: 32, homeMib: 64 });
  if (!made.ok) throw new Error(made.message);
  made.stick.boot();
  made.stick.writeFile('/home/liveuser/drawing.png', fileBytes);
  return { mode, stick: made.stick };
}
