// Conditions for lessons about simulated time and about one change on its own: the stick's clock in days,
// the folders moved to RAM, and what a single change cost (for a step whose first change may be a new
// stick, when "since the step began" would compare two sticks). Each is pure.

import type { SessionChange } from '../model/session/Session';
import type { Stick } from '../model/stick/Stick';
import type { StickUsage } from '../model/stick/usageSummary';
import { SECTOR_BYTES } from '../model/units';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days on the stick's simulated clock since it was made. */
export function daysOnClock(stick: Stick): number {
  return Math.floor(stick.clockMs / DAY_MS);
}

/** Whether `folder` is a folder moved to RAM, or inside one (the root itself never counts). */
export function movedToRam(usage: StickUsage, folder: string): boolean {
  return usage.ram.mounts.some(
    (m) =>
      m.movedToRam &&
      m.mountPoint !== '/' &&
      (folder === m.mountPoint || folder.startsWith(`${m.mountPoint}/`)),
  );
}

/** Bytes the overlay's allocation grew by in this one change. */
export function changeOverlayBytes(change: SessionChange): number {
  return (change.after.overlay.allocatedSectors - change.before.overlay.allocatedSectors) * SECTOR_BYTES;
}

/** Bytes used in home.img after this one change less before it (0 without a home.img). */
export function changeHomeBytes(change: SessionChange): number {
  return (change.after.home?.usedBytes ?? 0) - (change.before.home?.usedBytes ?? 0);
}
