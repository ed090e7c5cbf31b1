// Making the ext filesystems a stick holds: the root image inside squashfs.img, built offline as
// livecd-creator builds it (fs/baseImage.ts), and home.img, made empty by mkfs on its loop file. Each is
// wrapped in an ExtVolume, which adds what df and the kernel's checks need: the blocks mkfs reserved for
// root and its own overhead, both from the mke2fs geometry.

import type { BlockSink } from '../fs/BlockSink';
import { buildBaseImage, type BaseImageSpec } from '../fs/baseImage';
import { ExtFs } from '../fs/ext/ExtFs';
import type { ExtFsState } from '../fs/ext/ExtFsState';
import { extLayoutFor } from '../fs/ext/ExtLayout';
import { mkdirP } from '../fs/fileOps';
import { computeGeometry, parseMkfsCommand } from '../fs/geometry';
import { ExtVolume } from './ExtVolume';

export type { BaseImageSpec };

/** What df and the space checks need from mke2fs's geometry. */
export interface ExtSpaceFacts {
  reservedBlocks: number;
  overheadBlocks: number;
}

export function extSpaceFacts(mkfsCommand: string, sizeBytes: number): ExtSpaceFacts {
  const geometry = computeGeometry(parseMkfsCommand(mkfsCommand, sizeBytes));
  return { reservedBlocks: geometry.reservedBlocksCount, overheadBlocks: geometry.overheadBlocks };
}

/**
 * Whether mke2fs gives a filesystem of this size a journal: a smaller one gets none (mke2fs drops
 * has_journal), and only journalled filesystems are modelled.
 */
export function getsJournal(mkfsCommand: string, sizeBytes: number): boolean {
  return computeGeometry(parseMkfsCommand(mkfsCommand, sizeBytes)).journal !== undefined;
}

/** An empty filesystem made by `mkfsCommand` (one device name, no block count) on `sizeBytes`. */
export function makeExtVolume(mkfsCommand: string, sizeBytes: number, sink: BlockSink): ExtVolume {
  return new ExtVolume({
    fs: new ExtFs(extLayoutFor(mkfsCommand, sizeBytes), sink),
    ...extSpaceFacts(mkfsCommand, sizeBytes),
  });
}

/**
 * The root image as the build leaves it, unmounted: the described tree, then `extraFolders` (folders every
 * live root has, which the running system mounts on). Its writes went nowhere: the image is squashed.
 */
export function buildRootImage(spec: BaseImageSpec, extraFolders: readonly string[]): ExtVolume {
  const fs = buildBaseImage(spec);
  const missing = extraFolders.filter((folder) => !fs.exists(folder));
  if (missing.length > 0) {
    fs.mount();
    for (const folder of missing) mkdirP(fs, folder);
    fs.umount();
  }
  return new ExtVolume({ fs, ...extSpaceFacts(spec.mkfs, spec.size_bytes) });
}

/** A copy of a saved root image, as a new volume on `sink` (ExtFs.restore of its saved state). */
export function restoreRootImage(state: ExtFsState, facts: ExtSpaceFacts, sink: BlockSink): ExtVolume {
  return new ExtVolume({ fs: ExtFs.restore(state, sink), ...facts });
}
