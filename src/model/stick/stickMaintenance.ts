// Changes to the stick itself rather than its files: with the stick off, refresh and `--reset-overlay`
// (stickRefresh.ts) and the recovery's overlay extension; while running, unlocking an encrypted home.img.

import { isWholeNumber, SECTOR_BYTES } from '../units';
import { makeLiveuserHome, openCrypt } from './homeMount';
import { passphraseOpens, WRONG_PASSPHRASE_TEXT } from './luksHome';
import { finish, meter, operate, refuser } from './stickOperation';
import { done, failed, NO_COSTS, type MaintenanceOutcome, type StickOutcome } from './stickOutcome';
import { refreshMedia, resetOverlayMedia, type MaintenanceResult, type RefreshOptions } from './stickRefresh';
import type { StickState } from './stickState';

export interface RefreshOutcome extends MaintenanceOutcome {
  /** squashfs.img's size on the stick before and after (equal when refused). */
  squashfsBytesBefore: number;
  squashfsBytesAfter: number;
}

export function refresh(state: StickState, options: RefreshOptions): RefreshOutcome {
  return maintain(state, 'refresh', () => refreshMedia(state.media, options));
}

export function resetOverlay(state: StickState): RefreshOutcome {
  return maintain(state, 'resetOverlay', () => resetOverlayMedia(state.media));
}

/** Runs a change to the overlay with the stick off (EBUSY while it runs), measuring what it cost. */
function maintain(state: StickState, name: string, run: () => MaintenanceResult): RefreshOutcome {
  const before = meter(state);
  const squashfsBytes = state.media.squashfs.compressedBytes;
  let result: MaintenanceResult;
  if (state.system) {
    result = {
      ok: false,
      error: 'EBUSY',
      message: 'Shut the stick down first: the overlay can only be changed while nothing uses it.',
    };
  } else {
    result = run();
    if (result.ok) state.overlayWhenOff = null;
  }
  const after = meter(state);
  const outcome: RefreshOutcome = {
    ...(result.ok ? { ok: true } : { ok: false, error: result.error }),
    message: result.message,
    squashfsBytesBefore: result.ok ? result.squashfsBytesBefore : squashfsBytes,
    squashfsBytesAfter: result.ok ? result.squashfsBytesAfter : squashfsBytes,
    costs: {
      overlayChunks: 0,
      homeBytes: after.homeBytes - before.homeBytes,
      ramBytes: 0,
      deviceBytes: after.deviceBytes - before.deviceBytes,
    },
  };
  finish(state, name, '/', outcome);
  return outcome;
}

export function extendOverlay(state: StickState, mib: number): StickOutcome {
  const { media } = state;
  const before = media.device.usedBytes;
  const costs = () => ({ ...NO_COSTS, deviceBytes: media.device.usedBytes - before });
  if (!isWholeNumber(mib) || mib === 0) return { ...failed('EINVAL'), costs: costs() };
  if (state.system) return { ...failed('EBUSY'), costs: costs() };
  const overlay = media.overlay;
  if (!overlay) return { ...failed('ENOENT'), costs: costs() };
  const bytes = mib * 1024 * 1024;
  const grown = media.device.append(overlay.path, bytes);
  if (!grown.ok) return { ...grown, costs: costs() };
  overlay.cow.extend(bytes / SECTOR_BYTES);
  return { ok: true, costs: costs() };
}

export function unlockHome(state: StickState, passphrase: string): MaintenanceOutcome {
  const refuse = refuser(state, 'unlockHome', '/home');
  const { media, system } = state;
  if (!system) return refuse('ENODEV', 'The stick is not running.');
  if (system.state !== 'running') {
    return refuse(
      'ENODEV',
      "The boot stopped in dracut's emergency shell: livesys never ran, so there is no /home to mount.",
    );
  }
  if (!media.home) return refuse('ENOENT', 'This stick has no home.img.');
  if (!media.plan.homeLuks) {
    return refuse('EINVAL', 'home.img is not encrypted: it is mounted on /home at every boot.');
  }
  if (system.homeState === 'mounted') {
    return refuse('EBUSY', 'home.img is already unlocked and mounted on /home.');
  }
  if (typeof passphrase !== 'string' || passphrase === '') {
    return refuse('EINVAL', 'Type the passphrase home.img was encrypted with; it is never empty.');
  }
  if (!passphraseOpens(media.plan, passphrase)) return refuse('EACCES', WRONG_PASSPHRASE_TEXT);
  const outcome = operate(state, 'unlockHome', '/home', {}, (running) => {
    openCrypt(running, media);
    makeLiveuserHome(running, false);
    return { result: done, mount: running.mounts.at('/home') };
  });
  return {
    ...outcome,
    message: 'home.img is open (EncHome) and mounted on /home; what the overlay held there is hidden now.',
  };
}
