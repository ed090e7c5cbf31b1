// The stick picture's arithmetic: the stick's filesystem cut into what takes its space (squashfs.img,
// the overlay file, home.img, swap.img, boot and other files, free space), each with how much of it is
// in use, from the model's usage summary. Pure, so the picture only draws.

import type { StickUsage } from '../../model/stick/usageSummary';
import { SECTOR_BYTES } from '../../model/units';
import type { PictureStore } from '../format/storeLook';

export interface StickSegment {
  store: PictureStore;
  /** Bytes the segment takes on the stick. */
  bytes: number;
  /** Of those, the bytes in use inside it (the overlay's chunks, home.img's files); null: not a container. */
  usedBytes: number | null;
}

export function stickSegments(usage: StickUsage): StickSegment[] {
  const { device, overlay, home } = usage;
  const overlayBytes = device.taken.overlayBytes;
  const homeBytes = device.taken.homeBytes;
  const squashfsBytes = device.images.squashfsBytes;
  const swapBytes = device.images.swapBytes;
  const systemBytes = Math.max(0, device.usedBytes - squashfsBytes - overlayBytes - homeBytes - swapBytes);
  const segments: StickSegment[] = [
    { store: 'system', bytes: systemBytes, usedBytes: null },
    { store: 'squashfs', bytes: squashfsBytes, usedBytes: null },
  ];
  if (overlay.kind === 'persistent') {
    const fileBytes = overlay.fileBytes ?? overlayBytes;
    const usedBytes = overlay.allocatedSectors * SECTOR_BYTES;
    segments.push({ store: 'overlay', bytes: overlayBytes, usedBytes: Math.min(fileBytes, usedBytes) });
  }
  if (home) segments.push({ store: 'home', bytes: homeBytes, usedBytes: home.usedBytes });
  if (swapBytes > 0) segments.push({ store: 'other', bytes: swapBytes, usedBytes: null });
  segments.push({ store: 'free', bytes: device.freeBytes, usedBytes: null });
  return segments;
}
