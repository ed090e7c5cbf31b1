// mballoc's choices, one rule per test, on a small made-up filesystem: 16 groups of 8192 1 KiB blocks
// (buddies up to 2048 blocks), group 0 full of metadata as with flex_bg.

import { describe, expect, it } from 'vitest';
import { Mballoc, type DataRequest } from '../../../../../src/model/fs/ext/mballoc/Mballoc';

const BPG = 8192;
const GROUPS = 16;
const start = (group: number) => 1 + group * BPG;

function mballoc(options: { groups?: number; flex?: number; used?: [number, number][] } = {}) {
  const groups = options.groups ?? GROUPS;
  const free: [number, number][] = [];
  for (let g = 1; g < groups; g++) free.push([start(g), BPG]);
  const mb = new Mballoc(
    {
      blocksCount: 1 + groups * BPG,
      firstDataBlock: 1,
      blocksPerGroup: BPG,
      blockSizeBytes: 1024,
      flexGroups: options.flex ?? 16,
      blockUninit: new Array<boolean>(groups).fill(false),
    },
    free,
  );
  for (const [first, count] of options.used ?? []) mb.buddy.take(first, count);
  return mb;
}

const closedFile = (
  ino: number,
  count: number,
  goal: number,
  extra: Partial<DataRequest> = {},
): DataRequest => ({
  ino,
  extents: true,
  logical: 0,
  count,
  goal,
  fileBlocks: count,
  openForWrite: false,
  ...extra,
});

describe('mballoc', () => {
  it('criterion 0 takes the lowest buddy of the smallest order that fits, not the lowest free blocks', () => {
    // Group 1: an 8192-block group with blocks 1024..1535 used, so 0..1023 is a 1024-buddy and 1536..2047
    // a 512-buddy.
    const mb = mballoc({ used: [[start(1) + 1024, 512]] });
    mb.mounted(false);
    mb.lazyInit();
    expect(mb.allocateData(closedFile(20, 512, start(1)))).toEqual([start(1) + 1536, 512]);
  });

  it('with 16 groups, when the goal group cannot serve, it takes groups in the order their buddies were built', () => {
    const mb = mballoc({ used: [[start(1), BPG]] }); // the goal group is full
    mb.mounted(false);
    // The lazy-init thread builds the buddies from the last group back, two groups per page (1 KiB blocks):
    // 14, 15, 12, 13, … — so group 14 heads the list of groups with 2048-block buddies.
    mb.lazyInit();
    expect(mb.allocateData(closedFile(20, 1024, start(1)))).toEqual([start(14), 1024]);
  });

  it('on a rotational device it first tries the next four groups in number order', () => {
    const mb = mballoc({ used: [[start(1), BPG]] });
    mb.mounted(true);
    mb.lazyInit();
    expect(mb.allocateData(closedFile(20, 1024, start(1)))).toEqual([start(2), 1024]);
  });

  it('a stream allocation (a file still open) starts from the group of the last one', () => {
    const mb = mballoc();
    mb.mounted(false);
    mb.lazyInit();
    const open = { openForWrite: true };
    const first = mb.allocateData(closedFile(20, 1024, start(1), { ...open, fileBlocks: 1024 }))!;
    const group = Math.floor((first[0] - 1) / BPG);
    // Another file's data, aimed at group 1, follows the first into its group instead.
    const second = mb.allocateData(closedFile(21, 1024, start(1), open))!;
    expect(Math.floor((second[0] - 1) / BPG)).toBe(group);
    // A closed file's tail does not: it goes by its own goal.
    const third = mb.allocateData(closedFile(22, 1024, start(5)))!;
    expect(Math.floor((third[0] - 1) / BPG)).toBe(5);
  });

  it('small files share the locality group’s 512-block preallocation, packed one after another', () => {
    const mb = mballoc();
    mb.mounted(false);
    mb.lazyInit();
    const a = mb.allocateData(closedFile(20, 3, start(1)))!;
    const b = mb.allocateData(closedFile(21, 2, start(1)))!;
    expect(b[0]).toBe(a[0] + 3);
    expect(mb.preallocatedBlocks()).toBe(512 - 5);
    mb.unmounted();
    expect(mb.preallocatedBlocks()).toBe(0);
    expect(mb.buddy.freeCount).toBe(15 * BPG - 5);
  });

  it('a growing open file gets a window it fills from its preallocation; closing gives the rest back', () => {
    const mb = mballoc();
    mb.mounted(false);
    mb.lazyInit();
    const before = mb.buddy.freeCount;
    // Block 20 of a file being written: a 32 KiB window [0, 32) whose blocks 20..31 the file will take.
    const first = mb.allocateData(
      closedFile(20, 1, start(1), { logical: 20, fileBlocks: 20, openForWrite: true }),
    )!;
    const next = mb.allocateData(
      closedFile(20, 1, start(1), { logical: 21, fileBlocks: 21, openForWrite: true }),
    )!;
    expect(next[0]).toBe(first[0] + 1);
    expect(before - mb.buddy.freeCount).toBe(32);
    mb.discardInode(20);
    expect(before - mb.buddy.freeCount).toBe(2);
  });

  it('skips groups whose buddy is not built at the cheap criteria, until a search builds it', () => {
    const mb = mballoc({ used: [[start(1), BPG]] });
    mb.mounted(false);
    // No lazy init yet: nothing but the goal's neighbourhood is known; the search reaches criterion 2 and
    // builds the next group in number order.
    expect(mb.allocateData(closedFile(20, 1024, start(1)))).toEqual([start(2), 1024]);
  });
});
