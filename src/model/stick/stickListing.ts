// `ls` on the running stick: a folder's entries from the filesystem that owns it (the root on live-rw,
// home.img, a tmpfs, the stick's own), with the mount points right below it shown as folders, as the
// kernel shows a mount over a folder. Reading a folder costs nothing here (atime on folders is not kept).

import { DeviceVolume } from './DeviceVolume';
import { ExtVolume } from './ExtVolume';
import { failed, type VolumeResult } from './stickOutcome';
import { isWithin, normalizePath, parentOf } from './stickPaths';
import type { StickState } from './stickState';
import { TmpfsVolume } from './TmpfsVolume';
import type { Volume } from './Volume';

export interface FolderEntry {
  name: string;
  kind: 'file' | 'dir';
  sizeBytes: number;
}

export function listFolder(state: StickState, path: string): VolumeResult<FolderEntry[]> {
  const normal = normalizePath(path);
  if (!normal.ok) return normal;
  const system = state.system;
  if (!system) return failed('ENODEV');
  if (system.rootState === 'io-errors' && system.mounts.owner(normal.value)?.mountPoint === '/') {
    return failed('EIO');
  }
  const place = system.mounts.place(normal.value);
  const mount = system.mounts.owner(normal.value);
  if (!place || !mount) return failed('EIO');
  const listed = listVolume(mount.volume, place.pathInMount);
  if (!listed.ok) return listed;
  const entries = new Map(listed.value.map((e) => [e.name, e]));
  for (const below of system.mounts.list()) {
    if (
      below.mountPoint !== '/' &&
      parentOf(below.mountPoint) === normal.value &&
      isWithin(below.mountPoint, normal.value)
    ) {
      const name = below.mountPoint.slice(below.mountPoint.lastIndexOf('/') + 1);
      entries.set(name, { name, kind: 'dir', sizeBytes: 0 });
    }
  }
  return {
    ok: true,
    value: [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

function listVolume(volume: Volume, path: string): VolumeResult<FolderEntry[]> {
  if (volume instanceof ExtVolume) {
    const entries = volume.fs.readdir(path);
    if (entries) return { ok: true, value: entries };
    return failed(volume.fs.stat(path) ? 'ENOTDIR' : 'ENOENT');
  }
  const store =
    volume instanceof TmpfsVolume ? volume.tmpfs : volume instanceof DeviceVolume ? volume.device : null;
  if (!store) return failed('EINVAL');
  const listed = store.list(path);
  return listed.ok
    ? { ok: true, value: listed.value.map((e) => ({ name: e.name, kind: e.kind, sizeBytes: e.sizeBytes })) }
    : listed;
}
