// The vocabulary the simple stores share: the outcomes a learner can cause (a full tmpfs, a file too large
// for FAT), what stat and list answer, the usage numbers the views draw, and the change events.

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

export function fail(error: StoreErrorCode): StoreFailure {
  return { ok: false, error };
}
