// Starting the overlay afresh, with the stick off:
// - refresh, as livecd-tools' editliveos remixes a stick (liveos.md §4: "It merges the overlay into a newly
//   compressed image and refreshes the source overlay"): the root as the persistent overlay now holds it
//   (the base with every change folded in) is copied block for block into a new root image and squashed
//   into a new squashfs.img, whose size follows the bytes in use (estimateSquashedBytes, as when the stick
//   was made); the overlay file becomes a fresh zeroed one of the same size; home.img is carried over (as
//   `--clone` does) or made again, empty;
// - resetOverlay, as livecd-iso-to-disk `--reset-overlay` or the boot option `rd.live.overlay.reset` do:
//   the overlay file's first 64 KiB are zeroed, so the kernel makes a new snapshot store in it at the next
//   boot; every change since the base was made (or last refreshed) is lost.
//
// Simplifications: the new root image keeps the old one's size and layout (editliveos can resize it);
// a sparse overlay file or home.img (2012, ext4 stick) keeps the blocks it had taken;
// 2012's osmin.img is kept as it was, though a real remix would minimise the new image again; after an
// Overflow (today) the root is folded in as ExtFs holds it, the writes that failed included.

import { CowDevice } from '../block/CowDevice';
import { decodeHeader, HEADER_FIELD_BYTES, SNAP_MAGIC } from '../dm/diskFormat';
import { ModelError } from '../errors';
import { SquashfsImage } from '../store/SquashfsImage';
import { LIVEOS_DIR } from '../store/Vfat';
import { SECTOR_BYTES } from '../units';
import { makeHomeVolume, type StickMedia } from './StickMedia';
import type { StickErrorCode } from './stickOutcome';

/** What `--reset-overlay` and `rd.live.overlay.reset` zero at the start of the overlay file. */
export const OVERLAY_RESET_BYTES = 64 * 1024;

export const SQUASHFS_PATH = `${LIVEOS_DIR}/squashfs.img`;

export interface RefreshOptions {
  /** Carry home.img over as it is (default), or make it again, empty. */
  keepHome?: boolean;
}

export type MaintenanceResult =
  | { ok: true; message: string; squashfsBytesBefore: number; squashfsBytesAfter: number }
  | { ok: false; error: StickErrorCode; message: string };

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** Folds the overlay into a new base image (see the header). The stick must be off. */
export function refreshMedia(media: StickMedia, options: RefreshOptions): MaintenanceResult {
  const overlay = media.overlay;
  const root = media.persistentRoot;
  if (!overlay || !root) {
    return {
      ok: false,
      error: 'ENOENT',
      message: 'This stick has no overlay file: there are no changes to fold into a new base image.',
    };
  }
  if (snapshotMarkedInvalid(overlay.cow)) {
    return {
      ok: false,
      error: 'EIO',
      message:
        'The overlay is Invalid: every read of it fails, so its changes cannot be copied into a new base ' +
        'image. Reset the overlay instead (its changes are lost).',
    };
  }
  const keepHome = options.keepHome ?? true;
  const before = media.squashfs;
  const state = root.fs.save();
  const squashfs = SquashfsImage.fromRootImage({
    rootImageName: before.rootImageName,
    rootImageBytes: before.rootImageBytes,
    rootImageUsedBytes: root.fs.usedBlocks() * root.blockSizeBytes,
  });
  let home: ReturnType<typeof makeHomeVolume> | null = null;
  if (!keepHome && media.home && media.plan.homeBytes !== null) {
    try {
      home = makeHomeVolume(media.plan, media.plan.homeBytes, media.device);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      return { ok: false, error: 'EINVAL', message: `home.img cannot be made again: ${error.message}` };
    }
  }
  const written = media.device.write(SQUASHFS_PATH, squashfs.compressedBytes);
  if (!written.ok) {
    return {
      ok: false,
      error: written.error === 'EFBIG' ? 'EFBIG' : 'ENOSPC',
      message:
        written.error === 'EFBIG'
          ? `The new squashfs.img (${mib(squashfs.compressedBytes)} MiB) is larger than a FAT file can be.`
          : `The new squashfs.img needs ${mib(squashfs.compressedBytes)} MiB in place of ` +
            `${mib(before.compressedBytes)} MiB, but only ${mib(media.device.freeBytes)} MiB of the stick is ` +
            'free. Nothing was changed.',
    };
  }
  media.replaceBase(state, squashfs);
  media.persistentRoot = media.baseRoot();
  overlay.cow = new CowDevice(overlay.cow.sizeSectors, overlay.cow.deviceNumber);
  overlay.cow.setBacking(overlay.file);
  if (home && media.home) Object.assign(media.home, home);
  return {
    ok: true,
    squashfsBytesBefore: before.compressedBytes,
    squashfsBytesAfter: squashfs.compressedBytes,
    message:
      `The overlay was folded into a new squashfs.img (${mib(before.compressedBytes)} → ` +
      `${mib(squashfs.compressedBytes)} MiB) and the overlay file zeroed; home.img was ` +
      `${keepHome ? 'carried over' : 'made again, empty'}. The next boot starts a fresh overlay.`,
  };
}

/** `--reset-overlay`: zeroes the overlay file's first 64 KiB; the root is the base again. */
export function resetOverlayMedia(media: StickMedia): MaintenanceResult {
  const overlay = media.overlay;
  if (!overlay) {
    return { ok: false, error: 'ENOENT', message: 'This stick has no overlay file to reset.' };
  }
  const size = media.squashfs.compressedBytes;
  const resetBytes = Math.min(OVERLAY_RESET_BYTES, overlay.cow.sizeSectors * SECTOR_BYTES);
  // dd writes the zeros: a sparse overlay file on an ext4 stick takes the blocks it had no data in.
  if (!media.device.writeAt(overlay.path, 0, resetBytes).ok) {
    return {
      ok: false,
      error: 'ENOSPC',
      message:
        'The stick is full: dd could not write the 64 KiB of zeros into the overlay file. Nothing was changed.',
    };
  }
  overlay.cow.zero(0, resetBytes);
  media.persistentRoot = media.baseRoot();
  return {
    ok: true,
    squashfsBytesBefore: size,
    squashfsBytesAfter: size,
    message:
      'The first 64 KiB of the overlay file were zeroed: the next boot makes a new snapshot store, and ' +
      'every change since the base image was made or last refreshed is gone.',
  };
}

/** Whether the COW's header says the snapshot was invalidated (a P overlay that filled up). */
export function snapshotMarkedInvalid(cow: CowDevice): boolean {
  const header = decodeHeader(cow.readRaw(0, HEADER_FIELD_BYTES));
  return header.magic === SNAP_MAGIC && header.valid === 0;
}
