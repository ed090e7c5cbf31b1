// The numbers ext2fs_initialize settles (lib/ext2fs/initialize.c, e2fsprogs 1.47.0): block groups, group
// descriptor blocks, inodes per group and inode-table blocks, reserved GDT blocks (calc_reserved_gdt_blocks),
// and whether the last group is too small to keep; plus which groups carry superblock copies
// (ext2fs_bg_has_super, lib/ext2fs/closefs.c).

import { ModelError } from '../../errors';
import type { ExtFeatures, MkfsParams, SuperblockLayout } from './types';

/** Inodes 1–10 are reserved; 11 is the first a file may have (EXT2_GOOD_OLD_FIRST_INO). */
export const FIRST_INODE = 11;
/** EXT2_MAX_BLOCKS_PER_GROUP without bigalloc. */
const MAX_BLOCKS_PER_GROUP = 65536 - 8;
const MAX_U32 = 0xffffffff;

function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** Whether `a` is a power of `b` (closefs.c test_root). */
function isPowerOf(a: number, b: number): boolean {
  let n = a;
  for (;;) {
    if (n < b) return false;
    if (n === b) return true;
    if (n % b !== 0) return false;
    n /= b;
  }
}

/** ext2fs_bg_has_super: group 0, and with sparse_super only 1 and the powers of 3, 5 and 7. */
export function groupHasSuperblock(group: number, sparseSuper: boolean): boolean {
  if (group <= 1 || !sparseSuper) return true;
  if (group % 2 === 0) return false;
  return isPowerOf(group, 3) || isPowerOf(group, 5) || isPowerOf(group, 7);
}

/**
 * calc_reserved_gdt_blocks: enough descriptor blocks for the filesystem to grow to 1024 times its size
 * (or to 2^32 blocks), less those in use, at most one block of block pointers.
 */
export function reservedGdtBlocks(
  blocksCount: number,
  firstDataBlock: number,
  blocksPerGroup: number,
  descPerBlock: number,
  gdtBlocksCount: number,
  blockSizeBytes: number,
): number {
  let maxBlocks = MAX_U32;
  if (blocksCount < Math.floor(MAX_U32 / 1024)) maxBlocks = blocksCount * 1024;
  const reservedGroups = ceilDiv(maxBlocks - firstDataBlock, blocksPerGroup);
  const reserved = ceilDiv(reservedGroups, descPerBlock) - gdtBlocksCount;
  const addrPerBlock = blockSizeBytes / 4;
  return reserved > addrPerBlock || reserved < 0 ? addrPerBlock : reserved;
}

function tooSmall(message: string): ModelError {
  return new ModelError('EINVAL', `mke2fs would fail: ${message}`);
}

/** ext2fs_initialize's arithmetic for the parameters mke2fs settled. */
export function layoutSuperblock(params: MkfsParams): SuperblockLayout {
  const features: ExtFeatures = params.features;
  const bs = params.blockSizeBytes;
  const firstDataBlock = bs === 1024 ? 1 : 0;
  const inodeSize = params.inodeSizeBytes;
  const descriptorBytes = features.bit64 ? 64 : 32;
  const descPerBlock = bs / descriptorBytes;
  const inodesPerBlock = bs / inodeSize;
  const maxInodesPerGroup = 65536 - inodesPerBlock;

  let blocksPerGroup = Math.min(params.blocksPerGroup, MAX_BLOCKS_PER_GROUP);
  let blocksCount = params.requestedBlocksCount;
  // mke2fs's -m arithmetic, in doubles as mke2fs does it.
  const requestedReserved = Math.floor((params.reservedPercent * params.requestedBlocksCount) / 100);
  let reservedBlocksCount = requestedReserved;

  for (;;) {
    const groupCount = ceilDiv(blocksCount - firstDataBlock, blocksPerGroup);
    if (groupCount === 0) throw tooSmall('filesystem too small');
    const gdtBlocksCount = ceilDiv(groupCount, descPerBlock);

    // No inode count from mke2fs (a ratio above the filesystem's size): one inode per 4 KiB.
    const defaultInodes = Math.min(Math.floor(blocksCount / Math.max(1, 4096 / bs)), MAX_U32);
    const inodesWanted = Math.max(params.requestedInodesCount || defaultInodes, FIRST_INODE + 1);
    let inodesPerGroup = ceilDiv(inodesWanted, groupCount);
    if (inodesPerGroup > bs * 8) {
      // Too many inodes for one bitmap block: shrink the groups and start again.
      if (blocksPerGroup < 256) throw tooSmall('too many inodes');
      blocksPerGroup -= 8;
      blocksCount = params.requestedBlocksCount;
      continue;
    }
    inodesPerGroup = Math.min(inodesPerGroup, maxInodesPerGroup);

    let tableBlocks: number;
    for (;;) {
      // Fill the inode-table blocks, then round down to a multiple of 8.
      tableBlocks = ceilDiv(inodesPerGroup * inodeSize, bs);
      let perGroup = Math.floor((tableBlocks * bs) / inodeSize);
      perGroup = Math.max(perGroup, 8) & ~7;
      tableBlocks = ceilDiv(perGroup * inodeSize, bs);
      if (perGroup * groupCount <= MAX_U32) {
        inodesPerGroup = perGroup;
        break;
      }
      inodesPerGroup -= 1;
    }

    const reservedGdt = features.resizeInode
      ? reservedGdtBlocks(blocksCount, firstDataBlock, blocksPerGroup, descPerBlock, gdtBlocksCount, bs)
      : 0;
    if (reservedGdt + gdtBlocksCount > Math.floor((blocksPerGroup * 3) / 4)) {
      // mke2fs switches to meta_bg here; that layout is not modelled.
      throw new ModelError(
        'EINVAL',
        'meta_bg layouts (group descriptors too big for a group) are not modelled',
      );
    }
    if (3 + tableBlocks + reservedGdt + gdtBlocksCount > blocksPerGroup) throw tooSmall('too many inodes');

    // Is the last group big enough for its own metadata, with 50 blocks to spare? If not, drop it.
    let lastOverhead = 2 + tableBlocks;
    if (groupHasSuperblock(groupCount - 1, features.sparseSuper))
      lastOverhead += 1 + gdtBlocksCount + reservedGdt;
    const rem = (blocksCount - firstDataBlock) % blocksPerGroup;
    if (groupCount === 1 && rem !== 0 && rem < lastOverhead) throw tooSmall('filesystem too small');
    if (rem !== 0 && rem < lastOverhead + 50) {
      blocksCount -= rem;
      const reservedRatio = (100.0 * requestedReserved) / params.requestedBlocksCount;
      reservedBlocksCount = Math.floor((reservedRatio * blocksCount) / 100.0);
      continue;
    }

    return {
      blockSizeBytes: bs,
      blocksCount,
      firstDataBlock,
      blocksPerGroup,
      groupCount,
      descriptorBytes,
      gdtBlocksCount,
      reservedGdtBlocksCount: reservedGdt,
      inodesCount: inodesPerGroup * groupCount,
      inodesPerGroup,
      inodeSizeBytes: inodeSize,
      inodeTableBlocksPerGroup: tableBlocks,
      reservedBlocksCount,
      sparseSuper: features.sparseSuper,
    };
  }
}
