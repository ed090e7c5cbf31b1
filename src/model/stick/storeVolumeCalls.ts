// What a Volume does the same way over either simple store (a tmpfs, the stick's vfat): touch, read and
// stat, put in the Volume's terms.

import type { FileStat, StoreOutcome, StoreResult } from '../store/storeTypes';
import { done, failed, type VolumeOutcome, type VolumeResult } from './stickOutcome';
import type { VolumeStat } from './Volume';

interface SimpleStore {
  stat(path: string): StoreResult<FileStat>;
  createFile(path: string, sizeBytes: number): StoreOutcome;
}

/** touch(1): an existing entry is left alone; a missing file is created empty, unless the mount is read-only. */
export function touchInStore(store: SimpleStore, path: string, readOnly: boolean): VolumeOutcome {
  const found = store.stat(path);
  if (found.ok) return done;
  if (found.error !== 'ENOENT') return found;
  if (readOnly) return failed('EROFS');
  return store.createFile(path, 0);
}

/** Reading a path: a file reads, a folder is EISDIR, a missing one ENOENT. */
export function readInStore(store: SimpleStore, path: string): VolumeOutcome {
  const found = store.stat(path);
  if (!found.ok) return found;
  return found.value.kind === 'dir' ? failed('EISDIR') : done;
}

/** The kind and size; a folder's size is given as 0. */
export function statInStore(store: SimpleStore, path: string): VolumeResult<VolumeStat> {
  const found = store.stat(path);
  if (!found.ok) return found;
  const { kind, sizeBytes } = found.value;
  return { ok: true, value: { kind, sizeBytes: kind === 'file' ? sizeBytes : 0 } };
}
