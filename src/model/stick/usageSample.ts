// One point of the usage plot: what each store holds at a moment of simulated time. The session records
// one after each operation (and each clock step); the plot draws them as lines.

import { SECTOR_BYTES } from '../units';
import type { Stick } from './Stick';
import type { StickUsage } from './usageSummary';

export interface UsageSample {
  /** Simulated time since the stick was made (Stick.clockMs). */
  timeMs: number;
  /** Samples taken before this one since the stick was made: the plot's axis while no time has passed. */
  step: number;
  /** live-rw's allocated bytes (header and metadata areas included, as its status line counts them). */
  overlayUsedBytes: number;
  overlayTotalBytes: number;
  /** Inside home.img, as df shows it (0 and 0 without home.img). */
  homeUsedBytes: number;
  homeTotalBytes: number;
  /** RAM folders' pages and a temporary overlay's chunks. */
  ramUsedBytes: number;
  ramTotalBytes: number;
  /** The stick's own filesystem. */
  deviceUsedBytes: number;
  deviceTotalBytes: number;
}

export function usageSample(stick: Stick, step: number): UsageSample {
  return sampleOf(stick.usage(), stick.clockMs, step);
}

/** The same from a usage summary already at hand (the session has one after each command). */
export function sampleOf(
  { overlay, home, ram, device }: StickUsage,
  timeMs: number,
  step: number,
): UsageSample {
  return {
    timeMs,
    step,
    overlayUsedBytes: overlay.allocatedSectors * SECTOR_BYTES,
    overlayTotalBytes: overlay.totalSectors * SECTOR_BYTES,
    homeUsedBytes: home?.usedBytes ?? 0,
    homeTotalBytes: home?.sizeBytes ?? 0,
    ramUsedBytes: ram.tmpfsUsedBytes + ram.temporaryOverlayBytes,
    ramTotalBytes: ram.ramBytes,
    deviceUsedBytes: device.usedBytes,
    deviceTotalBytes: device.capacityBytes,
  };
}
