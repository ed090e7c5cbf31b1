// The two eras Cellar simulates: "Sugar on a Stick 2012" (the Fedora 16 era of the March 2012 Sugar Labs
// wiki page) and "Fedora today". An era decides the overlay's store type and what a full overlay does,
// where the stick is mounted, the temporary overlay's size, and the installer's limits.

import type { StoreType } from '../dm/ExceptionStore';

export type EraId = 'soas-2012' | 'fedora-today';

export interface EraProfile {
  id: EraId;
  /** The words a learner sees. */
  label: string;
  /** dracut's `live-rw` table: 2012 wrote `p 8`, read as P; `PO 8` since Nov 2015. */
  overlayStore: StoreType;
  overlayStoreAsWritten: string;
  chunkSectors: number;
  /** The status a full overlay shows: P → Invalid, PO → Overflow. */
  fullOverlayState: 'Invalid' | 'Overflow';
  /** Where the stick's own filesystem is mounted (device space). */
  deviceMountPath: '/mnt/live' | '/run/initramfs/live';
  /** The root image inside squashfs.img. */
  rootImageName: 'ext3fs.img' | 'rootfs.img';
  /** 2012 images carry osmin.img, a read-only `live-osimg-min` snapshot (support removed in 2020). */
  hasOsmin: boolean;
  /** The temporary overlay dracut makes in RAM when the stick has no overlay file. */
  ramOverlayMib: number;
  ramOverlayMessage: string;
  /** livecd-iso-to-disk's largest overlay, home or swap on vfat, in MiB. */
  vfatMaxImageMib: number;
  /** Today's script cuts exactly 4096 MiB to 4 GiB − 512 B instead of refusing it. */
  trims4096ToFatMax: boolean;
}

export const ERAS: Record<EraId, EraProfile> = {
  'soas-2012': {
    id: 'soas-2012',
    label: 'Sugar on a Stick 2012',
    overlayStore: 'P',
    overlayStoreAsWritten: 'p',
    chunkSectors: 8,
    fullOverlayState: 'Invalid',
    deviceMountPath: '/mnt/live',
    rootImageName: 'ext3fs.img',
    hasOsmin: true,
    ramOverlayMib: 512,
    ramOverlayMessage: 'Unable to find persistent overlay; using temporary',
    vfatMaxImageMib: 2047,
    trims4096ToFatMax: false,
  },
  'fedora-today': {
    id: 'fedora-today',
    label: 'Fedora today',
    overlayStore: 'PO',
    overlayStoreAsWritten: 'PO',
    chunkSectors: 8,
    fullOverlayState: 'Overflow',
    deviceMountPath: '/run/initramfs/live',
    rootImageName: 'rootfs.img',
    hasOsmin: false,
    ramOverlayMib: 32768,
    ramOverlayMessage:
      'Unable to find a persistent overlay; using a temporary one. All root filesystem changes will be lost on shutdown. Press [Enter] to continue.',
    vfatMaxImageMib: 4095,
    trims4096ToFatMax: true,
  },
};

/** The size of the temporary overlay dracut makes in RAM, in sectors (its sparse COW file's length). */
export function ramOverlaySectors(era: EraProfile): number {
  return (era.ramOverlayMib * 1024 * 1024) / 512;
}
