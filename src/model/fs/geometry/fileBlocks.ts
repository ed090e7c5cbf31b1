// How libext2fs gives blocks to the files mke2fs creates (e2fsprogs 1.47.0):
// - block-mapped files (no extents: ext2/ext3), block by block as ext2fs_bmap2 with BMAP_ALLOC does it
//   (lib/ext2fs/bmap.c): each block's goal is the block before it, an indirect block's first entry's goal
//   is the indirect block, and a new (double/triple) indirect block's goal is the previous level's pointer
//   in the inode, so indirect blocks sit in the stream just before the blocks they map;
// - extent-mapped files, run by run as ext2fs_fallocate does it (lib/ext2fs/fallocate.c ext_falloc_helper):
//   ext2fs_new_range from the goal, at most 32768 blocks an extent, the next run searched from the end of
//   the last; a 5th extent no longer fits in the inode, so the root is split into a leaf block
//   (lib/ext2fs/extent.c extent_node_split), allocated from just before the first extent.

import { ModelError } from '../../errors';
import { newBlock, newRange, type AllocContext } from './allocator';
import type { BlockRun, FileExtent, MkfsFile } from './types';

/** Direct block pointers in an inode (EXT2_NDIR_BLOCKS). */
const DIRECT_BLOCKS = 12;
/** Extents that fit in the inode itself. */
const INODE_EXTENTS = 4;
/** EXT_INIT_MAX_LEN: the longest initialized extent. */
const MAX_EXTENT_BLOCKS = 32768;
/** Bytes of an extent-tree block's header and of each entry. */
const EXTENT_HEADER_BYTES = 12;
const EXTENT_ENTRY_BYTES = 12;

/** Adds a physical block for logical block `logical`, extending the last extent when it follows on. */
function pushExtent(extents: FileExtent[], logical: number, first: number, count: number): void {
  const last = extents[extents.length - 1];
  if (
    last &&
    last.logicalBlock + last.blocksCount === logical &&
    last.firstBlock + last.blocksCount === first
  ) {
    extents[extents.length - 1] = { ...last, blocksCount: last.blocksCount + count };
  } else extents.push({ logicalBlock: logical, firstBlock: first, blocksCount: count });
}

/** Every block a file owns, merged into runs. */
export function fileRuns(extents: readonly FileExtent[], mappingBlocks: readonly number[]): BlockRun[] {
  const pieces: [number, number][] = extents.map((e) => [e.firstBlock, e.blocksCount]);
  for (const block of mappingBlocks) pieces.push([block, 1]);
  pieces.sort((a, b) => a[0] - b[0]);
  const runs: [number, number][] = [];
  for (const [first, count] of pieces) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === first) last[1] += count;
    else runs.push([first, count]);
  }
  return runs;
}

/**
 * A block-mapped file of `blocksCount` blocks, allocated in logical order; `firstGoal` is
 * ext2fs_find_inode_goal's answer for its first block.
 */
export function allocateBlockMapped(
  ctx: AllocContext,
  inode: number,
  blocksCount: number,
  firstGoal: number,
  blockSizeBytes: number,
): MkfsFile {
  const perBlock = blockSizeBytes / 4;
  const extents: FileExtent[] = [];
  const mappingBlocks: number[] = [];
  const what = `inode ${inode}`;
  const take = (goal: number): number => {
    const block = newBlock(ctx, goal, what);
    ctx.used.mark(block, 1);
    return block;
  };
  const takeMapping = (goal: number): number => {
    const block = take(goal);
    mappingBlocks.push(block);
    return block;
  };

  // Pointers as the allocation fills them: the inode's 15, and each indirect block's.
  const direct: number[] = [];
  let ind = 0;
  let dind = 0;
  let tind = 0;
  const children = new Map<number, number[]>();
  const entries = (block: number): number[] => {
    let list = children.get(block);
    if (!list) children.set(block, (list = []));
    return list;
  };
  /** block_ind_bmap with BMAP_ALLOC: entry `nr` of indirect block `parent`, allocated if missing. */
  const indEntry = (parent: number, nr: number, isMapping: boolean): number => {
    const list = entries(parent);
    if (list[nr]) return list[nr];
    const goal = nr ? list[nr - 1] : parent;
    const block = isMapping ? takeMapping(goal) : take(goal);
    list[nr] = block;
    return block;
  };

  for (let logical = 0; logical < blocksCount; logical++) {
    let physical: number;
    let rest = logical;
    if (rest < DIRECT_BLOCKS) {
      physical = take(rest ? direct[rest - 1] : firstGoal);
      direct[rest] = physical;
    } else if ((rest -= DIRECT_BLOCKS) < perBlock) {
      if (!ind) ind = takeMapping(direct[DIRECT_BLOCKS - 1]);
      physical = indEntry(ind, rest, false);
    } else if ((rest -= perBlock) < perBlock * perBlock) {
      if (!dind) dind = takeMapping(ind);
      const child = indEntry(dind, Math.floor(rest / perBlock), true);
      physical = indEntry(child, rest % perBlock, false);
    } else {
      rest -= perBlock * perBlock;
      if (!tind) tind = takeMapping(dind);
      const mid = indEntry(tind, Math.floor(rest / (perBlock * perBlock)), true);
      const child = indEntry(mid, Math.floor(rest / perBlock) % perBlock, true);
      physical = indEntry(child, rest % perBlock, false);
    }
    pushExtent(extents, logical, physical, 1);
  }
  return { inode, extents, mappingBlocks, runs: fileRuns(extents, mappingBlocks) };
}

/** An extent-mapped file allocated by ext2fs_fallocate from `goal` (a free block, or the search start). */
export function allocateExtentMapped(
  ctx: AllocContext,
  inode: number,
  blocksCount: number,
  goal: number,
  blockSizeBytes: number,
): MkfsFile {
  const leafCapacity = Math.floor((blockSizeBytes - EXTENT_HEADER_BYTES) / EXTENT_ENTRY_BYTES);
  const what = `inode ${inode}`;
  const extents: FileExtent[] = [];
  const mappingBlocks: number[] = [];
  let next = goal;
  let logical = 0;
  while (logical < blocksCount) {
    const [first, count] = newRange(ctx, next, Math.min(blocksCount - logical, MAX_EXTENT_BLOCKS), what);
    ctx.used.mark(first, count);
    extents.push({ logicalBlock: logical, firstBlock: first, blocksCount: count });
    if (extents.length === INODE_EXTENTS + 1) {
      // The inode's root is full: everything moves to a new leaf block, searched from just before the
      // first extent (a goal of 0 means "no goal", and ext2fs_find_inode_goal then gives the first extent).
      const first = extents[0].firstBlock;
      const leaf = newBlock(ctx, first === 1 ? first : first - 1, what);
      ctx.used.mark(leaf, 1);
      mappingBlocks.push(leaf);
    } else if (extents.length > leafCapacity) {
      throw new ModelError('EINVAL', `inode ${inode} would need more than one extent leaf; not modelled`);
    }
    logical += count;
    next = first + count;
    if (next >= ctx.blocksCount) next = ctx.firstDataBlock;
  }
  return { inode, extents, mappingBlocks, runs: fileRuns(extents, mappingBlocks) };
}

/**
 * A directory mkfs creates (ext2fs_mkdir, then ext2fs_expand_dir for lost+found): its first block from the
 * goal, each further one the first free block after the last. Extent-mapped directories with more than four
 * pieces would need a leaf block, which mkfs never meets; that case is refused.
 */
export function allocateDirectory(
  ctx: AllocContext,
  inode: number,
  blocksCount: number,
  goal: number,
  extentMapped: boolean,
): MkfsFile {
  const extents: FileExtent[] = [];
  let previous = goal;
  for (let logical = 0; logical < blocksCount; logical++) {
    const block = newBlock(ctx, previous, `inode ${inode}`);
    ctx.used.mark(block, 1);
    pushExtent(extents, logical, block, 1);
    previous = block;
  }
  if (!extentMapped && blocksCount > DIRECT_BLOCKS)
    throw new ModelError('EINVAL', 'directories past 12 blocks are not modelled');
  if (extentMapped && extents.length > INODE_EXTENTS)
    throw new ModelError('EINVAL', `directory inode ${inode} in more than 4 pieces is not modelled`);
  return { inode, extents, mappingBlocks: [], runs: fileRuns(extents, []) };
}
