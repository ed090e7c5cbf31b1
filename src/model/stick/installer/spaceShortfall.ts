// How far a refused install is from fitting, in whole MiB as each era's script prints them: the numbers a
// learner needs ("needs about X, the stick has Y: Z short"), whichever era's check refused.

import type { SpaceCheck } from './InstallPlan';
import { nearestMib } from './sizes';

export interface SpaceShortfall {
  requiredMib: number;
  availableMib: number;
  shortMib: number;
}

export function spaceShortfall(check: SpaceCheck): SpaceShortfall {
  if (check.era === 'soas-2012') {
    return {
      requiredMib: check.totalRequestedMib,
      availableMib: check.spaceAvailableMib,
      shortMib: check.spaceNeededMib,
    };
  }
  return {
    requiredMib: nearestMib(check.totalRequiredBytes),
    availableMib: nearestMib(check.spaceBytes),
    shortMib: nearestMib(-check.availableAfterBytes),
  };
}
