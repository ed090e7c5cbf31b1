// What every operation on a running stick answers: done or the kernel's error code, and what it cost in
// each place data can live. Costs are deltas measured around the operation, so they are what the kernel
// and the filesystems really did, never an estimate made in advance.

import type { StoreErrorCode } from '../store/storeTypes';

/**
 * Kernel error names for what a learner can run into: every store's (passed on as they come) and the
 * stick's own. Outcomes, never exceptions.
 */
export type StickErrorCode =
  | StoreErrorCode
  | 'EIO'
  | 'EBUSY'
  | 'EPERM'
  | 'EXDEV'
  | 'ENODEV'
  /** A wrong passphrase for an encrypted home.img (cryptsetup: "No key available with this passphrase."). */
  | 'EACCES';

/** What one operation cost, per store. Bytes may be negative (a delete frees home, RAM or device space). */
export interface StickCosts {
  /** COW chunks the live-rw snapshot handed out (never negative: the overlay never frees). */
  overlayChunks: number;
  /** Change in bytes used inside home.img's filesystem (home.img's own size on the stick never changes). */
  homeBytes: number;
  /** Change in bytes used by the tmpfs mounts (RAM folders). */
  ramBytes: number;
  /** Change in bytes used on the stick's own filesystem. */
  deviceBytes: number;
}

export interface StickOutcome {
  ok: boolean;
  error?: StickErrorCode;
  costs: StickCosts;
}

/** A change made with the stick off (refresh, reset) or to its mounts (unlockHome), with a sentence. */
export interface MaintenanceOutcome extends StickOutcome {
  /** What was done, or why not, in plain words. */
  message: string;
}

/** An answer from one store, before costs are added. */
export type VolumeOutcome = { ok: true } | { ok: false; error: StickErrorCode };

export type VolumeResult<T> = { ok: true; value: T } | { ok: false; error: StickErrorCode };

export const NO_COSTS: Readonly<StickCosts> = Object.freeze({
  overlayChunks: 0,
  homeBytes: 0,
  ramBytes: 0,
  deviceBytes: 0,
});

export const done: { ok: true } = Object.freeze({ ok: true });

export function failed(error: StickErrorCode): { ok: false; error: StickErrorCode } {
  return { ok: false, error };
}

export function addCosts(a: StickCosts, b: StickCosts): StickCosts {
  return {
    overlayChunks: a.overlayChunks + b.overlayChunks,
    homeBytes: a.homeBytes + b.homeBytes,
    ramBytes: a.ramBytes + b.ramBytes,
    deviceBytes: a.deviceBytes + b.deviceBytes,
  };
}
