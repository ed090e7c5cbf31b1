// The installer planner: what livecd-iso-to-disk would make of a stick, for the era's version of the
// script — the stick's files and boot line afterwards, or the script's refusal in its own words.
// Pure: it only reads the request.

import type { InstallPlan, InstallRefusal } from './InstallPlan';
import type { InstallRequest } from './InstallRequest';
import { checkOptions } from './checkOptions';
import { plan2012 } from './plan2012';
import { Planning } from './Planning';
import { planToday } from './planToday';
import { validateRequest } from './validateRequest';

/**
 * Plans `request`. Returns a refusal for anything the script refuses (or would fail at); throws a
 * ModelError only when the stick or image described cannot exist.
 */
export function planInstall(request: InstallRequest): InstallPlan | InstallRefusal {
  validateRequest(request);
  const planning = new Planning(request);
  const problem = checkOptions(request.era, request.command.options);
  if (problem) return planning.refuse(problem.code, problem.scriptText, problem.message);
  return request.era === 'soas-2012' ? plan2012(planning) : planToday(planning);
}
