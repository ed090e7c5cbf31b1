// libext2fs's three block searches, with their exact edge behaviour (lib/ext2fs/alloc.c, e2fsprogs 1.47.0):
// - getFreeBlocks (ext2fs_get_free_blocks2): the first start b ≥ start, stepping one block at a time and
//   stopping when b reaches `finish`, such that b … b+num-1 are all free; past the end of the filesystem
//   it fails if finish > start, else wraps to the first data block;
// - newBlock (ext2fs_new_block2): the first free block at or after the goal, then from the first data block;
// - newRange (ext2fs_new_range without flags): the first free block at or after the goal (then from the
//   first data block) and the free run from there, at most `len` blocks long.
// Nothing here marks blocks; callers mark what they take.

import { ModelError } from '../../errors';
import type { UsedBlocks } from './UsedBlocks';

export interface AllocContext {
  readonly used: UsedBlocks;
  readonly blocksCount: number;
  readonly firstDataBlock: number;
}

function allocFail(what: string): ModelError {
  return new ModelError('ENOSPC', `mke2fs would fail: no free blocks for ${what}`);
}

/** ext2fs_get_free_blocks2; undefined where it returns EXT2_ET_BLOCK_ALLOC_FAIL. */
export function getFreeBlocks(
  ctx: AllocContext,
  start: number,
  finish: number,
  num: number,
): number | undefined {
  const { used, blocksCount, firstDataBlock } = ctx;
  const count = Math.max(num, 1);
  let b = start === 0 ? firstDataBlock : start;
  const stop = finish === 0 ? start : finish;
  let wraps = 0;
  for (;;) {
    if (b + count - 1 >= blocksCount) {
      if (stop > start) return undefined;
      b = firstDataBlock;
      // mke2fs itself would loop forever here once everything was tried; stop instead.
      if (++wraps > 1) return undefined;
    }
    const lastUsed = used.lastUsed(b, b + count - 1);
    if (lastUsed < 0) return b;
    // Every start up to lastUsed overlaps it; the loop steps over them one by one, checking `finish`
    // and the end of the filesystem at each.
    const wrapAt = blocksCount - count + 1;
    const next = Math.min(lastUsed + 1, wrapAt);
    if (stop > b && stop <= next) return undefined;
    b = next;
  }
}

/** ext2fs_new_block2 (ext2fs_alloc_block's search). */
export function newBlock(ctx: AllocContext, goal: number, what: string): number {
  const { used, blocksCount, firstDataBlock } = ctx;
  // A goal before block 0 stands for the unsigned wrap-around in C: past the end.
  const from = goal <= 0 || goal >= blocksCount ? firstDataBlock : goal;
  let block = used.firstFree(from, blocksCount - 1);
  if (block < 0 && from !== firstDataBlock) block = used.firstFree(firstDataBlock, from - 1);
  if (block < 0) throw allocFail(what);
  return block;
}

/** ext2fs_new_range with no flags: [first block, blocks] of the free run found. */
export function newRange(ctx: AllocContext, goal: number, len: number, what: string): [number, number] {
  const { used, blocksCount, firstDataBlock } = ctx;
  const from = goal === 0 || goal >= blocksCount ? firstDataBlock : goal;
  let start = used.firstFree(from, blocksCount - 1);
  if (start < 0 && from !== firstDataBlock) start = used.firstFree(firstDataBlock, blocksCount - 1);
  if (start < 0) throw allocFail(what);
  const last = Math.min(start + len - 1, blocksCount - 1);
  const firstUsed = used.firstUsed(start, last);
  const end = firstUsed < 0 ? last + 1 : firstUsed;
  return [start, end - start];
}
