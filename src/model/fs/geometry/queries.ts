// Questions the simulator asks of a geometry: which group a block is in, where an inode sits in the inode
// tables, what a block holds, and which blocks mkfs left free.

import { ModelError } from '../../errors';
import type { BlockKind, BlockRun, ExtGeometry, LabelledRun } from './types';

function outOfRange(what: string, value: number): ModelError {
  return new ModelError('EINVAL', `${what} ${value} is outside the filesystem`);
}

/** The block group holding `block` (block 0 of a 1 KiB filesystem is before group 0: -1). */
export function groupOfBlock(geometry: ExtGeometry, block: number): number {
  if (!Number.isSafeInteger(block) || block < 0 || block >= geometry.blocksCount)
    throw outOfRange('block', block);
  if (block < geometry.firstDataBlock) return -1;
  return Math.floor((block - geometry.firstDataBlock) / geometry.blocksPerGroup);
}

/** The group holding inode `inode` (numbered from 1). */
export function groupOfInode(geometry: ExtGeometry, inode: number): number {
  if (!Number.isSafeInteger(inode) || inode < 1 || inode > geometry.inodesCount)
    throw outOfRange('inode', inode);
  return Math.floor((inode - 1) / geometry.inodesPerGroup);
}

/** The inode-table block holding inode `inode`, and the inode's byte offset in it. */
export function inodeTableBlockOf(
  geometry: ExtGeometry,
  inode: number,
): { readonly block: number; readonly offsetBytes: number } {
  const group = groupOfInode(geometry, inode);
  const index = (inode - 1) % geometry.inodesPerGroup;
  const byteInTable = index * geometry.inodeSizeBytes;
  return {
    block: geometry.groups[group].inodeTable[0] + Math.floor(byteInTable / geometry.blockSizeBytes),
    offsetBytes: byteInTable % geometry.blockSizeBytes,
  };
}

/** The labelled run holding `block`, or undefined for a free block. */
export function usedRunOf(geometry: ExtGeometry, block: number): LabelledRun | undefined {
  if (!Number.isSafeInteger(block) || block < 0 || block >= geometry.blocksCount)
    throw outOfRange('block', block);
  const runs = geometry.usedRuns;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runs[mid].firstBlock <= block) lo = mid + 1;
    else hi = mid;
  }
  const run = runs[lo - 1];
  return run && block < run.firstBlock + run.blocksCount ? run : undefined;
}

/** What `block` holds right after mkfs. */
export function blockKindOf(geometry: ExtGeometry, block: number): BlockKind {
  return usedRunOf(geometry, block)?.kind ?? 'free';
}

/**
 * Whether mkfs wrote `block` as filesystem metadata: superblock and GDT copies, reserved GDT blocks,
 * bitmaps, inode tables, the journal and its mapping blocks, the resize inode's block and the two
 * directories — every block mkfs used, as there is no file data yet.
 */
export function isMetadataBlock(geometry: ExtGeometry, block: number): boolean {
  const kind = blockKindOf(geometry, block);
  return kind !== 'free' && kind !== 'bootBlock';
}

/** The blocks free right after mkfs, as runs across the whole filesystem (group boundaries do not split). */
export function freeRangesAfterMkfs(geometry: ExtGeometry): BlockRun[] {
  const runs: [number, number][] = [];
  for (const group of geometry.groups) {
    for (const [first, count] of group.freeRanges) {
      const last = runs[runs.length - 1];
      if (last && last[0] + last[1] === first) last[1] += count;
      else runs.push([first, count]);
    }
  }
  return runs;
}
