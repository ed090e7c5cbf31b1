// How one operation on the running stick is run and reported: the path checked, every store measured
// before and after (costs are what really happened, never estimates), a sync when asked, a root or
// home.img write that failed on the way noticed, and one `operation` event for the views.

import type { LiveSystem } from './LiveSystem';
import type { Mount } from './MountTable';
import {
  failed,
  NO_COSTS,
  type MaintenanceOutcome,
  type StickCosts,
  type StickErrorCode,
  type StickOutcome,
  type VolumeOutcome,
} from './stickOutcome';
import { normalizePath, pathInside } from './stickPaths';
import type { StickState } from './stickState';

export interface SyncOption {
  /** End the operation with `sync` (default true). */
  sync?: boolean;
}

export type Access = 'read' | 'write';

/**
 * Runs one operation: checks the path, measures every store before and after, syncs when asked, and
 * notices a root write that failed on the way (the overlay ran out).
 */
export function operate(
  state: StickState,
  name: string,
  path: string,
  options: SyncOption,
  run: (system: LiveSystem, normal: string) => { result: VolumeOutcome; mount?: Mount },
): StickOutcome {
  const normal = normalizePath(path);
  if (!normal.ok) return finish(state, name, path, { ...normal, costs: { ...NO_COSTS } });
  const system = state.system;
  if (!system) return finish(state, name, path, { ...failed('ENODEV'), costs: { ...NO_COSTS } });
  const before = meter(state);
  const { result, mount } = run(system, normal.value);
  if (options.sync ?? true) {
    if (system.root && system.rootState === 'rw') system.root.sync();
    system.home?.sync();
  }
  let outcome: VolumeOutcome = result;
  if (system.rootSink.takeFailure() && system.noteRootFailure()) {
    state.events.emit('root-state-changed', { state: system.rootState });
    if (outcome.ok && mount?.mountPoint === '/') outcome = failed('EIO');
  }
  // home.img's write failed on a full stick: ext4 gives up on it as on the root.
  if (system.noteSpaceFailures(state.media) && outcome.ok && mount?.mountPoint === '/home') {
    outcome = failed('EIO');
  }
  const after = meter(state);
  const costs: StickCosts = {
    overlayChunks: after.overlayChunks - before.overlayChunks,
    homeBytes: after.homeBytes - before.homeBytes,
    ramBytes: after.ramBytes - before.ramBytes,
    deviceBytes: after.deviceBytes - before.deviceBytes,
  };
  return finish(state, name, normal.value, { ...outcome, costs });
}

/** Tells the views an operation finished (only when one listens: the payload costs nothing otherwise). */
export function finish(state: StickState, name: string, path: string, outcome: StickOutcome): StickOutcome {
  if (state.events.wants('operation')) state.events.emit('operation', { name, path, outcome });
  return outcome;
}

/** How a change that answers a sentence is refused before anything is done: nothing spent, the event sent. */
export function refuser(
  state: StickState,
  name: string,
  path: string,
): (error: StickErrorCode, message: string) => MaintenanceOutcome {
  return (error, message) => {
    const outcome = { ok: false, error, message, costs: { ...NO_COSTS } };
    finish(state, name, path, outcome);
    return outcome;
  };
}

/** The mount owning a path, with the path inside it, gated by the root's health and read-only mounts. */
export function resolve(
  system: LiveSystem,
  path: string,
  access: Access,
): { ok: true; mount: Mount; inner: string } | { ok: false; error: StickErrorCode } {
  const mount = system.mounts.owner(path);
  if (!mount) return failed('EIO');
  // An Invalid snapshot fails every read; a root remounted read-only after an error refuses writes.
  if (mount.mountPoint === '/' && system.rootState === 'io-errors' && access === 'read') return failed('EIO');
  if (mount.readOnly && access === 'write') return failed('EROFS');
  return { ok: true, mount, inner: pathInside(path, mount.mountPoint) };
}

/** What every store holds now; an operation's costs are the difference across it. */
export function meter(state: StickState): StickCosts {
  return {
    overlayChunks: overlayChunks(state.system),
    homeBytes: state.media.home?.volume.usedBytes() ?? 0,
    ramBytes: ramUsed(state.system),
    deviceBytes: state.media.device.usedBytes,
  };
}

export function overlayChunks(system: LiveSystem | null): number {
  const liveRw = system?.liveRw;
  const usage = system?.overlayUsage();
  return liveRw && usage ? usage.sectorsAllocated / liveRw.chunkSectors : 0;
}

export function ramUsed(system: LiveSystem | null): number {
  return (system?.tmpfs ?? []).reduce((sum, t) => sum + t.usedBytes, 0);
}
