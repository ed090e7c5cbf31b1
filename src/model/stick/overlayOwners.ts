// Who caused a COW chunk: the folder of the file operation that wrote it, or the filesystem's own
// structures (the ext4 journal, its fixed metadata and folder blocks), or the boot itself. Shared by the
// overlay ledger and the views that colour chunks by owner.

import type { ExtLayout } from '../fs/ext/ExtLayout';
import { SECTOR_BYTES } from '../units';
import { ACTIVITIES_DIR } from './sugarActivities';
import { BUILT_IN_ACTIVITIES_DIR } from './sugarBase';

export const JOURNAL_OWNER = 'journal';
export const METADATA_OWNER = 'metadata';
/** Chunks copied while dracut and livesys booted the stick (mount, useradd, the journal's replay). */
export const BOOT_OWNER = 'boot';
/** Chunks found in the store that the ledger did not see being copied (a stick restored without a ledger). */
export const EARLIER_OWNER = 'earlier';

/** Folders a learner recognises below the top level: a chunk is charged to the deepest one holding it. */
const NAMED_FOLDERS = [
  ACTIVITIES_DIR,
  BUILT_IN_ACTIVITIES_DIR,
  '/home/liveuser/.sugar',
  '/home/liveuser',
  '/var/log',
  '/var/lib',
  '/var/cache',
  '/var/spool',
  '/usr/share',
];

/** The folder a path's chunks are charged to: the deepest named folder holding it, else its top-level folder. */
export function ownerFolder(path: string): string {
  for (const folder of NAMED_FOLDERS) {
    if (path === folder || path.startsWith(`${folder}/`)) return folder;
  }
  const second = path.indexOf('/', 1);
  return second === -1 ? path : path.slice(0, second);
}

/** What an origin chunk holds before any file is written: 0 file data (or free), 1 journal, 2 metadata. */
export const ORIGIN_JOURNAL = 1;
export const ORIGIN_METADATA = 2;

/**
 * One byte per origin chunk, from the layout: the journal and the metadata mkfs places for good
 * (superblock, group descriptors, bitmaps, inode tables). Folder blocks move: see ExtFs.forEachIndexBlock.
 */
export function originClasses(layout: ExtLayout, originChunks: number, chunkSectors: number): Uint8Array {
  const classes = new Uint8Array(originChunks);
  const mark = new BlockMarker(classes, layout.blockSizeBytes, chunkSectors * SECTOR_BYTES);
  for (const [first, count] of layout.journalExtents) mark.blocks(first, count, ORIGIN_JOURNAL);
  const gdtBlocks = Math.ceil((layout.groupCount * layout.descriptorBytes) / layout.blockSizeBytes);
  mark.blocks(layout.superblockBlock, 1, ORIGIN_METADATA);
  mark.blocks(layout.gdtFirstBlock, gdtBlocks, ORIGIN_METADATA);
  const tableBlocks = Math.ceil((layout.inodesPerGroup * layout.inodeSizeBytes) / layout.blockSizeBytes);
  for (let group = 0; group < layout.groupCount; group++) {
    mark.blocks(layout.blockBitmapOf(group), 1, ORIGIN_METADATA);
    mark.blocks(layout.inodeBitmapOf(group), 1, ORIGIN_METADATA);
    mark.blocks(layout.inodeTableFirstBlockOf(group), tableBlocks, ORIGIN_METADATA);
  }
  return classes;
}

/** Marks the chunks filesystem blocks fall in (a block may span chunks, or a chunk hold several blocks). */
class BlockMarker {
  constructor(
    private readonly chunks: Uint8Array,
    private readonly blockBytes: number,
    private readonly chunkBytes: number,
  ) {}

  blocks(first: number, count: number, value: number): void {
    const from = Math.floor((first * this.blockBytes) / this.chunkBytes);
    const to = Math.min(this.chunks.length, Math.ceil(((first + count) * this.blockBytes) / this.chunkBytes));
    if (to > from) this.chunks.fill(value, from, to);
  }
}
