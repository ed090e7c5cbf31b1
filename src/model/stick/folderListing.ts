// What `ls` shows in a folder of the running system: the entries of the filesystem that owns the path,
// plus the mount points just below it (a mount point shows as a folder even where its filesystem has
// no entry for it). Read-only: listing costs nothing.

import type { DirEntry } from '../store/storeTypes';
import { DeviceVolume } from './DeviceVolume';
import { ExtVolume } from './ExtVolume';
import { failed, type VolumeResult } from './stickOutcome';
import { normalizePath, parentOf } from './stickPaths';
import type { StickState } from './stickState';
import { TmpfsVolume } from './TmpfsVolume';
import type { Volume } from './Volume';

export interface FolderEntry {
  name: string;
  kind: 'file' | 'dir';
  /** A file's length (folders: 0). */
  sizeBytes: number;
}

/** A folder's entries in name order; ENODEV while the stick is off, ENOENT/ENOTDIR as the kernel says. */
export function listFolder(state: StickState, path: string): VolumeResult<FolderEntry[]> {
  const normal = normalizePath(path);
  if (!normal.ok) return normal;
  if (!state.system) return failed('ENODEV');
  const folder = normal.value;
  const place = state.system.mounts.place(folder);
  const mount = state.system.mounts.owner(folder);
  if (!place || !mount) return failed('EIO');
  const listed = entriesOf(mount.volume, place.pathInMount);
  if (!listed.ok) return listed;
  const byName = new Map(listed.value.map((e) => [e.name, e]));
  for (const below of state.system.mounts.mountsBelow(folder)) {
    if (parentOf(below.mountPoint) !== folder) continue;
    const name = below.mountPoint.slice(below.mountPoint.lastIndexOf('/') + 1);
    byName.set(name, { name, kind: 'dir', sizeBytes: 0 });
  }
  return { ok: true, value: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

function entriesOf(volume: Volume, path: string): VolumeResult<FolderEntry[]> {
  if (volume instanceof ExtVolume) {
    const entries = volume.fs.readdir(path);
    if (entries) return { ok: true, value: entries };
    return failed(volume.fs.stat(path) ? 'ENOTDIR' : 'ENOENT');
  }
  const store =
    volume instanceof TmpfsVolume ? volume.tmpfs : volume instanceof DeviceVolume ? volume.device : null;
  if (!store) return failed('EIO');
  const listed = store.list(path);
  return listed.ok ? { ok: true, value: listed.value.map(plainEntry) } : listed;
}

function plainEntry({ name, kind, sizeBytes }: DirEntry): FolderEntry {
  return { name, kind, sizeBytes };
}
