// A real stick's overlay in the shapes the simulation's views draw: the gauge's OverlayUsage and the usage
// plot's UsageSample, so the learner's stick and Cellar's model are shown by the same views.

import { usageParams } from '../model/dm/dmsetupFormat';
import type { UsageSample } from '../model/stick/usageSample';
import type { OverlayUsage } from '../model/stick/usageSummary';
import { SECTOR_BYTES } from '../model/units';
import type { RealStick } from './realStick';

/**
 * The gauge's figures, or null when nothing read tells the overlay's size. Invalid and Overflow print no
 * numbers: a full overlay is drawn full when its size is known from the overlay file.
 */
export function realOverlayUsage(stick: RealStick): OverlayUsage | null {
  const status = stick.snapshot?.status;
  if (!status || stick.persistence === 'overlayfs' || stick.persistence === 'none') return null;
  // A merging snapshot ("Merge failed", "Unknown") is no overlay in use: nothing for the gauge to draw.
  if (status.state === 'Merge failed' || status.state === 'Unknown') return null;
  const chunkSectors = stick.snapshot?.chunkSectors ?? 8;
  const inRam = stick.persistence === 'temporary';
  const fileBytes = inRam ? null : (stick.overlayFile?.sizeBytes ?? null);
  const common = {
    kind: inRam ? ('temporary' as const) : ('persistent' as const),
    state: status.state,
    statusLine: realStatusLine(stick),
    chunkSectors,
    fileBytes,
    inRam,
  };
  if (status.state === 'Valid') {
    return {
      ...common,
      allocatedSectors: status.sectorsAllocated,
      totalSectors: status.totalSectors,
      metadataSectors: status.metadataSectors ?? 0,
    };
  }
  if (fileBytes === null) return null;
  const totalSectors = Math.floor(fileBytes / SECTOR_BYTES);
  return { ...common, allocatedSectors: totalSectors, totalSectors, metadataSectors: 0 };
}

/**
 * The status line as dmsetup prints it for live-rw (without the name: the gauge puts it in front), with
 * `…` for the system's size when the reading did not tell it.
 */
export function realStatusLine(stick: RealStick): string | null {
  const snapshot = stick.snapshot;
  if (!snapshot?.status) return null;
  const status = snapshot.status;
  const params =
    status.state !== 'Valid'
      ? status.state
      : usageParams(status.sectorsAllocated, status.totalSectors, status.metadataSectors);
  // An overlay file does not know the size of the system under it: the line leaves it out, visibly.
  const length = snapshot.originSectors ?? '…';
  return `0 ${length} snapshot ${params}`;
}

/** One point of the live plot: the overlay only (the bridge does not read home.img's or RAM's use). */
export function realUsageSample(usage: OverlayUsage, timeMs: number, step: number): UsageSample {
  return {
    timeMs,
    step,
    overlayUsedBytes: usage.allocatedSectors * SECTOR_BYTES,
    overlayTotalBytes: usage.totalSectors * SECTOR_BYTES,
    homeUsedBytes: 0,
    homeTotalBytes: 0,
    ramUsedBytes: 0,
    ramTotalBytes: 0,
    deviceUsedBytes: 0,
    deviceTotalBytes: 0,
  };
}
