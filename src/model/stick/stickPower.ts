// Power and time: booting as dracut boots (dracutBoot.ts), shutting down (a persistent overlay keeps its
// usage for the views while nothing is mapped), sync, and the clock that lets ext4 commit and write back.

import { isWholeNumber } from '../units';
import type { BootLogLine } from './bootTexts';
import { bootLiveSystem, type BootOptions } from './dracutBoot';
import type { OverlayKind } from './LiveSystem';
import type { HomeState } from './luksHome';
import { operate, overlayChunks, ramUsed } from './stickOperation';
import { done, failed, NO_COSTS, type StickErrorCode, type StickOutcome } from './stickOutcome';
import { bootLog } from './stickQueries';
import type { StickState } from './stickState';

export interface BootOutcome extends StickOutcome {
  overlay: OverlayKind | null;
  /** home.img after livesys: mounted, locked (encrypted, no passphrase opened it) or none. */
  home: HomeState;
  /** What dracut, livesys and the kernel printed during this boot. */
  log: BootLogLine[];
  /** live-rw's status line right after `dmsetup create`, before anything was mounted. */
  statusAtCreate: string | null;
}

export interface ShutdownOutcome {
  ok: boolean;
  error?: StickErrorCode;
  /** live-rw's status line just before `dmsetup remove`. */
  statusAtShutdown: string | null;
}

export function boot(state: StickState, options: BootOptions): BootOutcome {
  const { media } = state;
  if (state.system) {
    return {
      ok: false,
      error: 'EBUSY',
      costs: { ...NO_COSTS },
      overlay: null,
      home: state.system.homeState,
      log: [],
      statusAtCreate: null,
    };
  }
  const homeBefore = media.home?.volume.usedBytes() ?? 0;
  const deviceBefore = media.device.usedBytes;
  const system = bootLiveSystem(media, options);
  state.system = system;
  const chunks = system.liveRw ? overlayChunks(system) - system.chunksAtCreate : 0;
  const outcome: BootOutcome = {
    ok: system.state === 'running',
    ...(system.state === 'running' ? {} : { error: 'EIO' as const }),
    costs: {
      overlayChunks: chunks,
      homeBytes: (media.home?.volume.usedBytes() ?? 0) - homeBefore,
      ramBytes: ramUsed(system),
      deviceBytes: media.device.usedBytes - deviceBefore,
    },
    overlay: system.liveRw ? system.overlayKind : null,
    home: system.homeState,
    log: bootLog(state),
    statusAtCreate: system.statusAtCreate,
  };
  if (system.rootState !== 'rw') state.events.emit('root-state-changed', { state: system.rootState });
  state.events.emit('booted', { overlay: outcome.overlay, ok: outcome.ok });
  return outcome;
}

export function shutdown(state: StickState): ShutdownOutcome {
  const system = state.system;
  if (!system) return { ok: false, error: 'ENODEV', statusAtShutdown: null };
  const liveRw = system.liveRw;
  const persistent = system.overlayKind === 'persistent';
  const frozen = system.frozenOverlayUsage;
  const statusAtShutdown = system.shutdown();
  // Writes refused while unmounting are lost with the system; the next boot starts from what landed.
  state.media.overlay?.file.takeRefusal();
  state.media.home?.sink.takeRefusal();
  state.overlayWhenOff =
    liveRw && persistent
      ? { usage: frozen ?? liveRw.store.usage(), chunkSectors: liveRw.chunkSectors }
      : null;
  state.system = null;
  state.events.emit('shut-down', { statusLine: statusAtShutdown });
  return { ok: true, statusAtShutdown };
}

export function sync(state: StickState): StickOutcome {
  return operate(state, 'sync', '/', { sync: true }, () => ({ result: done }));
}

export function advance(state: StickState, ms: number): StickOutcome {
  if (!isWholeNumber(ms)) return { ...failed('EINVAL'), costs: { ...NO_COSTS } };
  return operate(state, 'advance', '/', { sync: false }, (system) => {
    state.clockMs += ms;
    if (system.root && system.rootState === 'rw') system.root.advance(ms);
    system.home?.advance(ms);
    return { result: done, mount: system.mounts.at('/') };
  });
}
