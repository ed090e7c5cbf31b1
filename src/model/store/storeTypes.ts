// The vocabulary the simple stores share: the outcomes a learner can cause (a full tmpfs, a file too large
// for FAT), what stat and list answer, the usage numbers the views draw, and the change events.

import { ModelError } from '../errors';
import type { Emitter } from '../events';
import { isWholeNumber } from '../units';

/**
 * Kernel error names for what a request can run into. They are outcomes, never exceptions: the shell turns
 * each into the real tool's message (ENOSPC → "No space left on device", EFBIG → "File too large").
 */
export type StoreErrorCode =
  | 'ENOSPC'
  | 'EFBIG'
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EROFS'
  | 'EINVAL'
  | 'ENAMETOOLONG';

export interface StoreFailure {
  ok: false;
  error: StoreErrorCode;
}

/** What a change answers: done, or the error the kernel would give; a failed change changes nothing. */
export type StoreOutcome = { ok: true } | StoreFailure;

/** What a question answers: the value, or the error the kernel would give. */
export type StoreResult<T> = { ok: true; value: T } | StoreFailure;

export type EntryKind = 'file' | 'dir';

export interface FileStat {
  /** The path as the store spells it (vfat keeps the case a name was created with). */
  path: string;
  kind: EntryKind;
  /** `st_size`: a file's length; a folder's size as the filesystem reports it. */
  sizeBytes: number;
  /** What the entry takes from the store: pages on tmpfs, clusters on vfat. */
  usedBytes: number;
}

export interface DirEntry {
  name: string;
  kind: EntryKind;
  sizeBytes: number;
  usedBytes: number;
}

/** The two numbers a gauge needs. */
export interface StoreUsage {
  usedBytes: number;
  capacityBytes: number;
}

export type ClearReason = 'reboot' | 'clear' | 'format';

/**
 * Change events, emitted after the change; each carries the store's `usedBytes` afterwards. A store builds
 * a payload only when someone listens (`Emitter.wants`).
 */
export interface StoreEvents {
  /** A file was created, grown, shrunk or overwritten; `deltaUsedBytes` may be negative (a truncate). */
  'file-written': {
    path: string;
    sizeBytes: number;
    fileUsedBytes: number;
    deltaUsedBytes: number;
    usedBytes: number;
  };
  /** A file or folder (with everything in it) was removed, or replaced by a rename. */
  freed: { path: string; freedBytes: number; usedBytes: number };
  'folder-made': { path: string; deltaUsedBytes: number; usedBytes: number };
  renamed: { fromPath: string; toPath: string; deltaUsedBytes: number; usedBytes: number };
  /** Everything went: tmpfs at a reboot, or a new filesystem made over the old one. */
  cleared: { reason: ClearReason; freedBytes: number; usedBytes: number };
}

export const ok: { ok: true } = Object.freeze({ ok: true });

/** A size or offset that is not a whole number of bytes is a programming error, never a learner's. */
export function requireWhole(value: number, what: string): void {
  if (!isWholeNumber(value)) throw new ModelError('EINVAL', `${what} must be a whole number of bytes`);
}

/** Emits a change event only when someone listens, building its payload only then. */
export function emitHeard<K extends keyof StoreEvents>(
  events: Emitter<StoreEvents>,
  type: K,
  payload: () => StoreEvents[K],
): void {
  if (events.wants(type)) events.emit(type, payload());
}

/**
 * A rename's events, in bytes: what the replaced target freed (`replacedFreedBytes`, null when nothing was
 * there), then the move itself.
 */
export function emitRename(
  events: Emitter<StoreEvents>,
  fromPath: string,
  toPath: string,
  deltaUsedBytes: number,
  usedBytes: number,
  replacedFreedBytes: number | null,
): void {
  if (replacedFreedBytes !== null) {
    emitHeard(events, 'freed', () => ({ path: toPath, freedBytes: replacedFreedBytes, usedBytes }));
  }
  emitHeard(events, 'renamed', () => ({ fromPath, toPath, deltaUsedBytes, usedBytes }));
}

export function fail(error: StoreErrorCode): StoreFailure {
  return { ok: false, error };
}
