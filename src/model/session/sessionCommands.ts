// What a learner can ask the session to do, as data: the views send these (inside `cellar-command`
// events) and the session carries them out on its stick. Sizes are in bytes, times in ms of simulated time.

import type { StickPlan } from '../stick/stickPlan';

export type SessionCommand =
  | { type: 'write-file'; path: string; sizeBytes: number }
  | { type: 'delete'; path: string }
  | { type: 'mkdir'; path: string }
  | { type: 'move'; fromPath: string; toPath: string }
  | { type: 'install-activity'; name: string; sizeBytes?: number }
  | { type: 'remove-activity'; name: string }
  | { type: 'save-journal-entry'; title?: string; dataBytes?: number }
  | { type: 'reboot' }
  /** editliveos-like: the overlay folded into a new squashfs.img, a fresh overlay (the stick off, then on). */
  | { type: 'refresh-stick' }
  /** livecd-iso-to-disk `--reset-overlay`: the overlay's changes forgotten (the stick off, then on). */
  | { type: 'reset-overlay' }
  /** Lets simulated time pass: the background programs (audit, NetworkManager…) write as they would. */
  | { type: 'advance'; ms: number }
  | { type: 'move-to-ram'; folder: string }
  | { type: 'new-stick'; plan: StickPlan }
  /**
   * A new stick that mirrors the learner's real one (src/real/mirror.ts makes the plan): booted, its overlay
   * filled to the real allocated sectors (or until it is Invalid or has overflowed, as the real one has).
   * One undo step takes it back.
   */
  | {
      type: 'mirror-stick';
      plan: StickPlan;
      usedSectors: number | null;
      state: 'Valid' | 'Invalid' | 'Overflow';
    };

export type SessionCommandType = SessionCommand['type'];

export const SESSION_MODES = ['lessons', 'sandbox', 'real'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export function isSessionMode(value: unknown): value is SessionMode {
  return (SESSION_MODES as readonly unknown[]).includes(value);
}
