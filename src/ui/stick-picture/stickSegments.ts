// The stick picture's arithmetic: the stick's filesystem cut into what takes its space (squashfs.img,
// the overlay file, home.img, swap.img, boot and other files, free space), each with how much of it is
// in use, from the model's usage summary. Pure, so the picture only draws.

import type { StickUsage } from '../../model/stick/usageSummary';
import { SECTOR_BYTES } from '../../model/units';
import type { PictureStore } from '../format/storeLook';

/** In use out of the room, and the file's own size (a sparse file takes less than that on the stick). */
export interface SegmentInside {
  usedBytes: number;
  roomBytes: number;
  fileBytes: number;
}

export interface StickSegment {
  store: PictureStore;
  /** Bytes the segment takes on the stick. */
  bytes: number;
  /**
   * A container's use: the bytes in use inside it (the overlay's chunks, home.img's files) out of the room it
   * offers (the overlay's whole file, as dmsetup counts it; home.img's filesystem, as df counts it, smaller
   * than the file by ext4's own bookkeeping). The usage plot reads the same figures. null: not a container.
   */
  inside: SegmentInside | null;
}

export function stickSegments(usage: StickUsage): StickSegment[] {
  const { device, overlay, home } = usage;
  const overlayBytes = device.taken.overlayBytes;
  const homeBytes = device.taken.homeBytes;
  const squashfsBytes = device.images.squashfsBytes;
  const swapBytes = device.images.swapBytes;
  const systemBytes = Math.max(0, device.usedBytes - squashfsBytes - overlayBytes - homeBytes - swapBytes);
  const segments: StickSegment[] = [
    { store: 'system', bytes: systemBytes, inside: null },
    { store: 'squashfs', bytes: squashfsBytes, inside: null },
  ];
  if (overlay.kind === 'persistent') {
    const fileBytes = overlay.fileBytes ?? overlayBytes;
    const usedBytes = overlay.allocatedSectors * SECTOR_BYTES;
    segments.push({
      store: 'overlay',
      bytes: overlayBytes,
      inside: { usedBytes: Math.min(fileBytes, usedBytes), roomBytes: fileBytes, fileBytes },
    });
  }
  if (home) {
    segments.push({
      store: 'home',
      bytes: homeBytes,
      inside: { usedBytes: home.usedBytes, roomBytes: home.sizeBytes, fileBytes: home.fileBytes },
    });
  }
  if (swapBytes > 0) segments.push({ store: 'other', bytes: swapBytes, inside: null });
  segments.push({ store: 'free', bytes: device.freeBytes, inside: null });
  return segments;
}
