// Why the installer refuses the form's sizes, in the learner's language. The planner answers in English
// with the script's own numbers (for the terminal); the numbers it gives with its refusal are worded here.

import { msg, str } from '@lit/localize';
import type { SandboxPlanResult } from '../../model/session/sandboxPlan';
import { spaceShortfall } from '../../model/stick/installer';

export function refusalText(planned: Extract<SandboxPlanResult, { ok: false }>): string {
  const refusal = planned.refusal;
  if (refusal === null) return msg('Sizes are whole numbers of MiB, 0 or more.');
  if (refusal.fatLimit) {
    const { file, largestMib } = refusal.fatLimit;
    return file === 'home'
      ? msg(str`No file on this stick can reach 4 GiB: home.img can be at most ${largestMib} MiB here.`)
      : msg(str`No file on this stick can reach 4 GiB: the overlay can be at most ${largestMib} MiB here.`);
  }
  if (refusal.code === 'no-space' && refusal.spaceCheck) {
    const { requiredMib, availableMib, shortMib } = spaceShortfall(refusal.spaceCheck);
    return msg(
      str`Everything needs about ${requiredMib} MiB, but the stick has ${availableMib} MiB: ${shortMib} MiB too little. Choose a smaller overlay or home.img, or a bigger stick.`,
    );
  }
  if (refusal.code === 'no-space-during-copy') {
    return msg(
      'The installer’s check says it fits, but the copy would run out of room. Choose a little less.',
    );
  }
  return msg('The installer cannot make this stick. Try other sizes.');
}
