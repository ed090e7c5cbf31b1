// Folders moved to RAM, as the Fedora wiki advises for /var/log/audit and /var/spool/abrt: a tmpfs mounted
// over the folder (and again at every boot, from the media's list), and taken off again.

import { finish, operate, refuser, resolve } from './stickOperation';
import { done, failed, NO_COSTS, type MaintenanceOutcome, type StickOutcome } from './stickOutcome';
import { normalizePath } from './stickPaths';
import { whereIs } from './stickQueries';
import type { StickState } from './stickState';

export function moveToRam(state: StickState, folder: string): StickOutcome {
  return operate(state, 'moveToRam', folder, { sync: false }, (system, normal) => {
    if (normal === '/' || system.mounts.at(normal)) return { result: failed('EBUSY') };
    const where = resolve(system, normal, 'read');
    if (!where.ok) return { result: where };
    const found = where.mount.volume.stat(where.inner);
    if (!found.ok) return { result: found };
    if (found.value.kind !== 'dir') return { result: failed('ENOTDIR') };
    system.mountTmpfs('tmpfs', normal, '', state.media.plan.ramBytes, true);
    state.media.ramFolders.push(normal);
    return { result: done };
  });
}

export function moveOutOfRam(state: StickState, folder: string): MaintenanceOutcome {
  const refuse = refuser(state, 'moveOutOfRam', folder);
  const normal = normalizePath(folder);
  if (!normal.ok) return refuse(normal.error, `${folder} is not a folder's path.`);
  const path = normal.value;
  const index = state.media.ramFolders.indexOf(path);
  const system = state.system;
  if (index < 0) {
    const livesys = system?.mounts.at(path)?.fsType === 'tmpfs';
    return refuse(
      'EINVAL',
      livesys
        ? `${path} is one of livesys's own RAM folders; only a folder moved to RAM can be moved back.`
        : `${path} was not moved to RAM.`,
    );
  }
  if (system && system.mounts.mountsBelow(path).length > 0) {
    return refuse('EBUSY', `Something else is mounted below ${path}: move that back first.`);
  }
  if (!system) {
    state.media.ramFolders.splice(index, 1);
    const outcome = {
      ok: true,
      costs: { ...NO_COSTS },
      message: `${path} will no longer be in RAM at boot.`,
    };
    finish(state, 'moveOutOfRam', path, outcome);
    return outcome;
  }
  const outcome = operate(state, 'moveOutOfRam', path, { sync: false }, (running) => {
    running.unmountTmpfs(path);
    state.media.ramFolders.splice(index, 1);
    return { result: done };
  });
  const place = whereIs(state, path);
  const store = place.ok ? place.store : 'its filesystem';
  return {
    ...outcome,
    message:
      `${path} is no longer in RAM: what was written there since it moved is gone, its own files show ` +
      `again, and writing there costs ${store} space again.`,
  };
}
