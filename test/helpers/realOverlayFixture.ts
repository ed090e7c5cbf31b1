// The overlay file the real-mode browser test loads: the kernel-lab's d_full overlay (P 8, 2,464 sectors)
// after its 302nd exception, rebuilt from the recorded table with its data chunks as zeros. `dmsetup status`
// printed "0 131072 snapshot 2440/2464 24" for it. scripts/make-real-overlay-fixture.ts writes it.

import { join } from 'node:path';
import { cowFileOfStep } from './cowBuilder';
import { cumulativeRuns, loadGolden } from './golden';

export const REAL_OVERLAY_FIXTURE = join(
  import.meta.dirname,
  '../fixtures/real/overlay-d_full-P_2464_minus3.bin',
);

export function realOverlayFixtureBytes(): Uint8Array {
  const golden = loadGolden('d_full');
  const step = golden.steps.find((s) => s.name === 'P_2464_minus3')!;
  return cowFileOfStep(step, cumulativeRuns(golden).get(step.index)!);
}
