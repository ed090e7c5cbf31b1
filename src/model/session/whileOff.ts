// A change to the stick itself (refresh, reset) can only be made with the stick off: the model answers
// EBUSY while it runs. The session shuts it down, makes the change and boots it again, as a learner would
// by shutting down and running the tool. A refused change still costs that reboot (RAM folders emptied),
// and the answer is the change's refusal first, then a boot that failed.

import type { Stick } from '../stick/Stick';
import { addCosts, type MaintenanceOutcome, type StickOutcome } from '../stick/stickOutcome';

export function whileOff(stick: Stick, change: () => MaintenanceOutcome): StickOutcome {
  stick.shutdown();
  const changed = change();
  const booted = stick.boot();
  const costs = addCosts(changed.costs, booted.costs);
  if (!changed.ok) return { ok: false, error: changed.error, costs };
  if (!booted.ok) return { ok: false, error: booted.error, costs };
  return { ok: true, costs };
}
