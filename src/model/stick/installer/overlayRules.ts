// Today's --reset-overlay: keep the stick's existing overlay file (renamed to the current label and
// UUID) and zero its first 64 KiB, so the kernel starts a fresh snapshot store in it at the next
// boot. Without an overlay on the stick the script says so and goes on without resetting; asking
// for a new overlay as well is refused.

import type { ScriptNotice } from './InstallPlan';
import { resetAndNewOverlayText, resetOverlayNotFoundText } from './scriptMessages';
import { mibToBytes } from './sizes';

export type ResetOverlayOutcome =
  | { allowed: true; keptOverlayBytes: number; notices: ScriptNotice[] }
  | { allowed: false; scriptText: string; message: string };

/** existingOverlayMib: the overlay on the stick, unless --format wipes it. */
export function planOverlayReset(
  resetOverlay: boolean,
  overlaySizeGiven: boolean,
  existingOverlayMib: number | undefined,
): ResetOverlayOutcome {
  if (!resetOverlay) return { allowed: true, keptOverlayBytes: 0, notices: [] };
  if (existingOverlayMib === undefined || existingOverlayMib <= 0) {
    return {
      allowed: true,
      keptOverlayBytes: 0,
      notices: [
        {
          code: 'reset-overlay-not-found',
          scriptText: resetOverlayNotFoundText(),
          message: 'There is no overlay on the stick to reset, so --reset-overlay does nothing.',
        },
      ],
    };
  }
  if (overlaySizeGiven) {
    return {
      allowed: false,
      scriptText: resetAndNewOverlayText(),
      message:
        '--reset-overlay keeps the old overlay file and --overlay-size-mb makes a new one; choose one of them.',
    };
  }
  return { allowed: true, keptOverlayBytes: mibToBytes(existingOverlayMib), notices: [] };
}
