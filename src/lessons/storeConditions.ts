// Conditions about the places data can live (overlay, home.img, RAM folders, the stick's own space): where
// a file the learner saved or deleted lives, and how much each place moved in that one change. A change's
// own before/after is read, not the step's start, so the clock's background writes do not count.

import type { SessionChange } from '../model/session/Session';
import type { StoreKind } from '../model/stick/MountTable';
import type { Stick } from '../model/stick/Stick';
import { SECTOR_BYTES } from '../model/units';
import { did, typed } from './conditions';
import { removedPath } from './removedPath';
import type { StepFacts } from './lessonTypes';

/** The place a file saved in this change went to (null when the change was not a save the stick did). */
export function savedIn(facts: StepFacts, stick: Stick): StoreKind | null {
  const write = did(facts, 'write-file');
  return write ? storeOf(stick, write.path) : null;
}

/**
 * The place a file deleted in this change lived in, by Files' Delete or by `rm` in the terminal (null when
 * the change was neither).
 */
export function deletedFrom(facts: StepFacts, stick: Stick): StoreKind | null {
  const path = did(facts, 'delete')?.path ?? removedPath(facts);
  return path ? storeOf(stick, path) : null;
}

/** The stick was started again, by the Reboot button or by `reboot` in the terminal (its operands, as in
 * `reboot now`, change nothing: the shell reboots all the same). */
export function rebooted(facts: StepFacts): boolean {
  return did(facts, 'reboot') !== null || typed(facts, /^reboot(?:\s|$)/);
}

function storeOf(stick: Stick, path: string): StoreKind | null {
  const place = stick.whereIs(path);
  return place.ok ? place.store : null;
}

/** Bytes the overlay handed out in this change (negative only when a temporary overlay started afresh). */
export function overlayBytesOf(change: SessionChange): number {
  return (change.after.overlay.allocatedSectors - change.before.overlay.allocatedSectors) * SECTOR_BYTES;
}

/** Bytes used in home.img after this change less before it (negative when space came back). */
export function homeBytesOf(change: SessionChange): number {
  return (change.after.home?.usedBytes ?? 0) - (change.before.home?.usedBytes ?? 0);
}

/** Bytes the RAM folders (tmpfs) use after this change less before it. */
export function ramBytesOf(change: SessionChange): number {
  return change.after.ram.tmpfsUsedBytes - change.before.ram.tmpfsUsedBytes;
}

/** Bytes used on the stick's own filesystem after this change less before it. */
export function deviceBytesOf(change: SessionChange): number {
  return change.after.device.usedBytes - change.before.device.usedBytes;
}

/** The size of the file this change saved (0 when it saved none). */
export function savedBytes(facts: StepFacts): number {
  return did(facts, 'write-file')?.sizeBytes ?? 0;
}
