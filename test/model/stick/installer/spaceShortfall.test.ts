// The learner's three numbers from either era's space check: what the install needs, what the stick has,
// and what is missing, as each script rounds them.
import { describe, expect, it } from 'vitest';
import type { SpaceCheck2012, SpaceCheckToday } from '../../../../src/model/stick/installer';
import { MIB_BYTES, spaceShortfall } from '../../../../src/model/stick/installer';

describe('spaceShortfall', () => {
  it('2012: the script’s whole-MiB figures as it printed them', () => {
    const check = {
      era: 'soas-2012',
      totalRequestedMib: 1150,
      spaceAvailableMib: 950,
      spaceNeededMib: 200,
    } as SpaceCheck2012;
    expect(spaceShortfall(check)).toEqual({ requiredMib: 1150, availableMib: 950, shortMib: 200 });
  });

  it('today: bytes rounded to the nearest MiB, the shortfall from what would be left', () => {
    const check = {
      era: 'fedora-today',
      totalRequiredBytes: 2100.4 * MIB_BYTES,
      spaceBytes: 1900.6 * MIB_BYTES,
      availableAfterBytes: -199.8 * MIB_BYTES,
    } as SpaceCheckToday;
    expect(spaceShortfall(check)).toEqual({ requiredMib: 2100, availableMib: 1901, shortMib: 200 });
  });
});
