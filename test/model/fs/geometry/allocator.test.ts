// The run-based block bitmap and libext2fs's three searches over it, edge by edge.

import { describe, expect, it } from 'vitest';
import { UsedBlocks } from '../../../../src/model/fs/geometry/UsedBlocks';
import { getFreeBlocks, newBlock, newRange } from '../../../../src/model/fs/geometry/allocator';
import { ModelError } from '../../../../src/model/errors';

function context(blocksCount: number, used: [number, number][], firstDataBlock = 0) {
  const set = new UsedBlocks(blocksCount);
  for (const [first, count] of used) set.mark(first, count);
  return { used: set, blocksCount, firstDataBlock };
}

describe('UsedBlocks', () => {
  it('merges touching and overlapping runs and answers range questions', () => {
    const { used } = context(100, [
      [10, 5],
      [20, 5],
      [15, 5],
      [40, 1],
      [39, 3],
    ]);
    expect(used.freeRuns(0, 99)).toEqual([
      [0, 10],
      [25, 14],
      [42, 58],
    ]);
    expect(used.firstUsed(0, 9)).toBe(-1);
    expect(used.firstUsed(5, 30)).toBe(10);
    expect(used.lastUsed(5, 30)).toBe(24);
    expect(used.firstFree(10, 30)).toBe(25);
    expect(used.usedCount(0, 99)).toBe(18);
    expect(used.usedCount(12, 40)).toBe(15);
    expect(used.isUsed(24)).toBe(true);
    expect(used.isUsed(25)).toBe(false);
  });
});

describe('getFreeBlocks (ext2fs_get_free_blocks2)', () => {
  it('finds the first start with num free blocks, stepping over obstacles', () => {
    const ctx = context(100, [
      [10, 5],
      [18, 2],
    ]);
    expect(getFreeBlocks(ctx, 8, 90, 4)).toBe(20);
    expect(getFreeBlocks(ctx, 8, 90, 3)).toBe(15);
    expect(getFreeBlocks(ctx, 8, 90, 2)).toBe(8);
  });

  it('stops at finish, which it never tests', () => {
    const ctx = context(100, [[10, 5]]);
    expect(getFreeBlocks(ctx, 8, 15, 4)).toBeUndefined();
    expect(getFreeBlocks(ctx, 8, 16, 4)).toBe(15);
  });

  it('fails past the end when finish > start, else wraps to the first data block', () => {
    const ctx = context(100, [[90, 5]], 1);
    expect(getFreeBlocks(ctx, 88, 99, 8)).toBeUndefined();
    expect(getFreeBlocks(ctx, 88, 50, 8)).toBe(1);
    expect(getFreeBlocks(ctx, 0, 99, 8)).toBe(1);
  });
});

describe('newBlock and newRange', () => {
  it('search forward from the goal, then from the first data block', () => {
    const ctx = context(100, [
      [0, 10],
      [95, 5],
    ]);
    expect(newBlock(ctx, 50, 'x')).toBe(50);
    expect(newBlock(ctx, 96, 'x')).toBe(10);
    expect(newBlock(ctx, 0, 'x')).toBe(10);
    expect(newRange(ctx, 90, 20, 'x')).toEqual([90, 5]);
    expect(newRange(ctx, 97, 20, 'x')).toEqual([10, 20]);
  });

  it('throws ENOSPC when nothing is free', () => {
    expect(() => newBlock(context(10, [[0, 10]]), 3, 'x')).toThrow(ModelError);
  });
});
