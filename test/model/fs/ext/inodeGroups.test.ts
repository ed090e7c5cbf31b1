// Where new inodes go (find_group_orlov, find_group_other), on made-up group counts.

import { describe, expect, it } from 'vitest';
import { halfMd4Hash } from '../../../../src/model/fs/ext/dirHash';
import { findGroupOrlov, findGroupOther, type GroupCounts } from '../../../../src/model/fs/ext/inodeGroups';

const SEED = [1, 2, 3, 4];

function counts(freeInodes: number[], freeBlocks: number[], folders: number[], flexSize = 1): GroupCounts {
  return {
    groupCount: freeInodes.length,
    flexSize,
    inodesPerGroup: 2048,
    blocksPerGroup: 8192,
    freeInodes: (g) => freeInodes[g]!,
    freeBlocks: (g) => freeBlocks[g]!,
    folders: (g) => folders[g]!,
  };
}

const root = { group: 0, lastAllocGroup: null, ino: 2 };
const even = (n: number) => new Array<number>(16).fill(n);

describe('find_group_orlov', () => {
  it('spreads a top-level folder: the first group from its name’s hash with no folders and enough room', () => {
    const name = 'photos';
    const start = halfMd4Hash(name, SEED) % 16;
    expect(findGroupOrlov(counts(even(2048), even(8000), even(0)), root, true, name, SEED)).toBe(start);
    // With a folder there already, the next empty group takes it.
    const folders = even(0);
    folders[start] = 1;
    expect(findGroupOrlov(counts(even(2048), even(8000), folders), root, true, name, SEED)).toBe(
      (start + 1) % 16,
    );
  });

  it('passes over groups with fewer free blocks than average', () => {
    const name = 'photos';
    const start = halfMd4Hash(name, SEED) % 16;
    const blocks = even(8000);
    blocks[start] = 100;
    expect(findGroupOrlov(counts(even(2048), blocks, even(0)), root, true, name, SEED)).toBe(
      (start + 1) % 16,
    );
  });

  it('keeps a folder made deeper down near its parent', () => {
    const parent = { group: 5, lastAllocGroup: null, ino: 5 * 2048 + 3 };
    expect(findGroupOrlov(counts(even(2048), even(8000), even(1)), parent, false, 'x', SEED)).toBe(5);
  });

  it('with flex groups, packs inodes into the first group of the flex group it picks', () => {
    const flex = counts(even(2048), even(8000), even(0), 16);
    expect(findGroupOrlov(flex, root, true, 'photos', SEED)).toBe(0);
    const free = even(2048);
    free[0] = 0;
    expect(findGroupOrlov(counts(free, even(8000), even(0), 16), root, true, 'photos', SEED)).toBe(1);
  });
});

describe('find_group_other', () => {
  it('puts a file in its folder’s group, or hashes away from it when that group is full', () => {
    const parent = { group: 3, lastAllocGroup: null, ino: 3 * 2048 + 7 };
    expect(findGroupOther(counts(even(2048), even(8000), even(0)), parent, SEED)).toBe(3);
    const free = even(2048);
    free[3] = 0;
    // (3 + ino) mod 16 = 3 + 7 + 0 = 10, then + 1: the quadratic probe's first step.
    expect(findGroupOther(counts(free, even(8000), even(0)), parent, SEED)).toBe(11);
  });
});
