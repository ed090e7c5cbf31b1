// Small sticks for the stick tests: a 64 MiB root with a few hundred KiB of files (built in milliseconds),
// a 32 MiB overlay, a 64 MiB home.img, 1 GiB of RAM, on a 512 MiB stick, unless a test asks otherwise.

import { Stick } from '../../../src/model/stick/Stick';
import type { StickPlan } from '../../../src/model/stick/stickPlan';

export const KIB = 1024;
export const MIB = 1024 * KIB;

export function makeStick(plan: Partial<StickPlan> = {}): Stick {
  const made = Stick.create({
    era: 'soas-2012',
    capacityBytes: 512 * MIB,
    overlayMib: 32,
    homeMib: 64,
    ...plan,
  });
  if (!made.ok) throw new Error(`the test stick cannot be made: ${made.message}`);
  return made.stick;
}

/** A stick, booted; throws when the boot fails (tests that expect a failed boot call boot themselves). */
export function bootedStick(plan: Partial<StickPlan> = {}): Stick {
  const stick = makeStick(plan);
  const booted = stick.boot();
  if (!booted.ok) throw new Error(`the test stick did not boot: ${booted.error}`);
  return stick;
}

/** live-rw's allocated chunks now (Valid, Invalid or overflowed alike). */
export function overlayChunks(stick: Stick): number {
  const overlay = stick.usage().overlay;
  return overlay.allocatedSectors / overlay.chunkSectors;
}
