// The usage plot's data: one sample after each command, at the stick's simulated time, of the four places
// data can live. Kept as plain numbers so the plot needs no model.

import type { StickUsage } from '../stick/usageSummary';
import { SECTOR_BYTES } from '../units';

export interface UsageSample {
  /** The stick's simulated clock, ms since it was made. */
  clockMs: number;
  overlayUsedBytes: number;
  overlayTotalBytes: number;
  homeUsedBytes: number;
  homeTotalBytes: number;
  /** The tmpfs folders and a temporary overlay's chunks. */
  ramUsedBytes: number;
  ramTotalBytes: number;
  deviceUsedBytes: number;
  deviceTotalBytes: number;
}

export function sampleOf(usage: StickUsage, clockMs: number): UsageSample {
  return {
    clockMs,
    overlayUsedBytes: usage.overlay.allocatedSectors * SECTOR_BYTES,
    overlayTotalBytes: usage.overlay.totalSectors * SECTOR_BYTES,
    homeUsedBytes: usage.home?.usedBytes ?? 0,
    homeTotalBytes: usage.home?.sizeBytes ?? 0,
    ramUsedBytes: usage.ram.tmpfsUsedBytes + usage.ram.temporaryOverlayBytes,
    ramTotalBytes: usage.ram.ramBytes,
    deviceUsedBytes: usage.device.usedBytes,
    deviceTotalBytes: usage.device.capacityBytes,
  };
}
