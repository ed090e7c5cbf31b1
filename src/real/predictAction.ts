// "Predict, then measure": the actions a learner can do on their real stick, each with what they type or
// do there and what the model does for it; the model's prediction of its overlay cost, made on a copy of
// the mirrored stick (the learner's session is never touched); and the real change between two readings.

import { runCommand, type StickCommand } from '../model/session/runCommand';
import { Session } from '../model/session/Session';
import { Stick } from '../model/stick/Stick';
import type { StickErrorCode } from '../model/stick/stickOutcome';
import type { OverlayUsage } from '../model/stick/usageSummary';
import type { RealStick } from './realStick';

export type RealActionId =
  | 'copy-into-root'
  | 'copy-into-home'
  | 'install-activity'
  | 'save-journal-entry'
  | 'delete-copied-file'
  | 'reboot'
  | 'leave-running-hour';

export interface RealAction {
  id: RealActionId;
  /** What the learner types in the stick's Terminal Activity; null when it is done in Sugar (the view says how). */
  terminal: string | null;
  /** What the model does for it: a stick's own command, or time passing. */
  command: StickCommand | { type: 'advance'; ms: number };
  /** A file the action works on: made first on the copy when the model does not have it yet. */
  needs: { path: string; sizeBytes: number } | null;
}

/** 10 MB as a file manager counts it. */
const TEN_MB = 10_000_000;
const ROOT_FILE = '/cellar-test-10MB';
const HOME_FILE = '/home/liveuser/cellar-test-10MB';
const HOUR_MS = 60 * 60 * 1000;

export const REAL_ACTIONS: readonly RealAction[] = [
  {
    id: 'copy-into-root',
    // conv=fsync: the data reaches the overlay before dd returns, so the next reading shows it all.
    terminal: `sudo dd if=/dev/urandom of=${ROOT_FILE} bs=1000000 count=10 conv=fsync`,
    command: { type: 'write-file', path: ROOT_FILE, sizeBytes: TEN_MB },
    needs: null,
  },
  {
    id: 'copy-into-home',
    terminal: `dd if=/dev/urandom of=${HOME_FILE} bs=1000000 count=10 conv=fsync`,
    command: { type: 'write-file', path: HOME_FILE, sizeBytes: TEN_MB },
    needs: null,
  },
  {
    id: 'install-activity',
    terminal: null,
    command: { type: 'install-activity', name: 'Maze' },
    needs: null,
  },
  {
    id: 'save-journal-entry',
    terminal: null,
    command: { type: 'save-journal-entry', title: 'Cellar test' },
    needs: null,
  },
  {
    id: 'delete-copied-file',
    terminal: `sudo rm ${ROOT_FILE} && sync`,
    command: { type: 'delete', path: ROOT_FILE },
    needs: { path: ROOT_FILE, sizeBytes: TEN_MB },
  },
  {
    id: 'reboot',
    terminal: 'sudo reboot',
    command: { type: 'reboot' },
    needs: null,
  },
  {
    id: 'leave-running-hour',
    terminal: null,
    command: { type: 'advance', ms: HOUR_MS },
    needs: null,
  },
];

export interface Prediction {
  /** live-rw's allocated sectors before and after the action, on the model. */
  beforeSectors: number;
  afterSectors: number;
  deltaSectors: number;
  /** The overlay's state after it: Valid, or Invalid / Overflow when the action filled it. */
  state: NonNullable<OverlayUsage['state']>;
  /** The kernel's code when the action failed on the model (ENOSPC, EIO, EROFS…), else null. */
  error: StickErrorCode | null;
}

/**
 * The model's prediction of one action's overlay cost, made on a copy of the stick (a session's current
 * stick, or a stick): the learner's session and its undo history stay as they are. Null for an unknown
 * action, or a stick with no running overlay to measure (off, or stopped in dracut's emergency shell).
 */
export function predictOnMirror(source: Session | Stick, actionId: RealActionId): Prediction | null {
  const action = REAL_ACTIONS.find((a) => a.id === actionId);
  const stick = source instanceof Session ? source.stick : source;
  if (!action || !stick.liveOverlay()) return null;
  const copied = Stick.restore(stick.save());
  // Only a document the model itself saved comes here: a refusal would be a bug in the model.
  if (!copied.ok) throw new Error(`Cellar could not copy its own stick: ${copied.message}`);
  const copy = copied.stick;
  if (action.needs && !copy.stat(action.needs.path).ok) {
    runCommand(copy, { type: 'write-file', ...action.needs });
  }
  const before = copy.usage().overlay;
  const error = run(copy, action.command);
  const after = copy.usage().overlay;
  return {
    beforeSectors: before.allocatedSectors,
    afterSectors: after.allocatedSectors,
    deltaSectors: after.allocatedSectors - before.allocatedSectors,
    state: after.state ?? 'Valid',
    error,
  };
}

/** One action's command on the copy: the kernel's code when it failed, else null. */
function run(stick: Stick, command: RealAction['command']): StickErrorCode | null {
  if (command.type !== 'advance') return runCommand(stick, command).error ?? null;
  // Time passing is the session's: its background writers, on a fresh schedule (the learner's stays put).
  const change = Session.resume(stick, 'real').apply(command);
  // `advance` answers kernel codes only (never `refused` or `nothing-to-undo`).
  return change.ok ? null : (change.error as StickErrorCode);
}

/**
 * The real change of live-rw's allocated sectors between two readings of the same stick; null when either
 * has no figures (not read, Invalid, Overflow) or the overlay is not the same one any more: another size,
 * another root image, or fewer sectors than before (a persistent store never frees a chunk, so a new
 * store was made: a reset, a temporary overlay after a reboot).
 */
export function measureChange(before: RealStick, after: RealStick): number | null {
  const a = before.snapshot;
  const b = after.snapshot;
  if (a?.status?.state !== 'Valid' || b?.status?.state !== 'Valid') return null;
  if (a.status.totalSectors !== b.status.totalSectors || a.originSectors !== b.originSectors) return null;
  const delta = b.status.sectorsAllocated - a.status.sectorsAllocated;
  return delta < 0 ? null : delta;
}
