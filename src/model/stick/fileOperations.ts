// The stick's file operations: each goes to the filesystem that owns its path (the root on the overlay,
// home.img, a RAM folder, the stick's own filesystem), with the kernel's refusals for mount points
// (EBUSY, EISDIR) and for a rename between two mounts (EXDEV).

import { isWholeNumber } from '../units';
import { ExtVolume } from './ExtVolume';
import type { LiveSystem } from './LiveSystem';
import type { Mount } from './MountTable';
import { operate, resolve, type Access, type SyncOption } from './stickOperation';
import {
  done,
  failed,
  NO_COSTS,
  type StickOutcome,
  type VolumeOutcome,
  type VolumeResult,
} from './stickOutcome';
import { normalizePath } from './stickPaths';
import type { StickState } from './stickState';
import type { Volume, VolumeStat, WriteMode } from './Volume';

export interface WriteOptions extends SyncOption {
  /** The writer keeps the file open afterwards (a daemon's log), until `closeFile`. */
  keepOpen?: boolean;
}

export type DeleteOptions = SyncOption & { recursive?: boolean };

export type MkdirOptions = SyncOption & { parents?: boolean };

/** writeFile, appendFile and overwriteFile: `bytes` written to a file as `mode` says. */
export function write(
  state: StickState,
  name: string,
  path: string,
  bytes: number,
  mode: WriteMode,
  options: WriteOptions,
): StickOutcome {
  if (!isWholeNumber(bytes)) return { ...failed('EINVAL'), costs: { ...NO_COSTS } };
  return operate(state, name, path, options, (system, normal) => {
    if (system.mounts.at(normal)) return { result: failed('EISDIR') };
    return onOwner(system, normal, 'write', (volume, inner) =>
      volume.write(inner, bytes, mode, options.keepOpen),
    );
  });
}

export function deleteFile(state: StickState, path: string, options: DeleteOptions): StickOutcome {
  return operate(state, 'deleteFile', path, options, (system, normal) => {
    if (system.mounts.at(normal) || (options.recursive && system.mounts.mountsBelow(normal).length > 0)) {
      return { result: failed('EBUSY') };
    }
    return onOwner(system, normal, 'write', (volume, inner) =>
      volume.remove(inner, options.recursive ?? false),
    );
  });
}

export function mkdir(state: StickState, path: string, options: MkdirOptions): StickOutcome {
  return operate(state, 'mkdir', path, options, (system, normal) => {
    if (system.mounts.at(normal)) return { result: options.parents ? done : failed('EEXIST') };
    return onOwner(system, normal, 'write', (volume, inner) => volume.mkdir(inner, options.parents ?? false));
  });
}

export function rename(
  state: StickState,
  fromPath: string,
  toPath: string,
  options: SyncOption,
): StickOutcome {
  const to = normalizePath(toPath);
  if (!to.ok) return { ...to, costs: { ...NO_COSTS } };
  return operate(state, 'rename', fromPath, options, (system, from) => {
    if (system.mounts.at(from) || system.mounts.at(to.value) || system.mounts.mountsBelow(from).length > 0) {
      return { result: failed('EBUSY') };
    }
    const source = resolve(system, from, 'write');
    if (!source.ok) return { result: source };
    const target = resolve(system, to.value, 'write');
    if (!target.ok) return { result: target };
    if (source.mount !== target.mount) return { result: failed('EXDEV') };
    return { result: source.mount.volume.rename(source.inner, target.inner), mount: source.mount };
  });
}

export function touch(state: StickState, path: string, options: SyncOption): StickOutcome {
  return operate(state, 'touch', path, options, (system, normal) => {
    if (system.mounts.at(normal)) return { result: done };
    return onOwner(system, normal, 'write', (volume, inner) => volume.touch(inner));
  });
}

export function closeFile(state: StickState, path: string, options: SyncOption): StickOutcome {
  return operate(state, 'closeFile', path, options, (system, normal) => {
    if (system.mounts.at(normal)) return { result: failed('EISDIR') };
    return onOwner(system, normal, 'read', (volume, inner) => volume.close?.(inner) ?? done);
  });
}

export function readFile(state: StickState, path: string, options: SyncOption): StickOutcome {
  return operate(state, 'readFile', path, options, (system, normal) => {
    if (system.mounts.at(normal)) return { result: failed('EISDIR') };
    const where = resolve(system, normal, 'read');
    if (!where.ok) return { result: where };
    if (where.mount.readOnly && where.mount.volume instanceof ExtVolume) {
      // A read-only ext4 updates no access time.
      const found = where.mount.volume.stat(where.inner);
      return { result: !found.ok ? found : found.value.kind === 'dir' ? failed('EISDIR') : done };
    }
    return { result: where.mount.volume.read(where.inner), mount: where.mount };
  });
}

/** Runs `act` on the filesystem owning a path, or answers why that filesystem cannot be reached. */
function onOwner(
  system: LiveSystem,
  path: string,
  access: Access,
  act: (volume: Volume, inner: string) => VolumeOutcome,
): { result: VolumeOutcome; mount?: Mount } {
  const where = resolve(system, path, access);
  if (!where.ok) return { result: where };
  return { result: act(where.mount.volume, where.inner), mount: where.mount };
}

export function stat(state: StickState, path: string): VolumeResult<VolumeStat> {
  const normal = normalizePath(path);
  if (!normal.ok) return normal;
  if (!state.system) return failed('ENODEV');
  if (state.system.mounts.at(normal.value)) return { ok: true, value: { kind: 'dir', sizeBytes: 0 } };
  const where = resolve(state.system, normal.value, 'read');
  return where.ok ? where.mount.volume.stat(where.inner) : where;
}
