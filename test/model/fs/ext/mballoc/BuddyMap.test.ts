// The buddy against a plain recount from the free blocks after every change: free counts, free extents
// (bb_fragments), buddies per order (the greedy split of ext4_mb_mark_free_simple), the lowest buddy of each
// order, the first free block from anywhere, and the free runs a saved filesystem keeps.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuddyMap } from '../../../../../src/model/fs/ext/mballoc/BuddyMap';

const BLOCKS_PER_GROUP = 256;
const BLOCK_BITS = 4; // buddies up to 2^5 = 32 blocks

/** What ext4_mb_generate_buddy would count for one group, from its free blocks. */
function recount(free: boolean[], maxOrder: number) {
  const counters = new Array<number>(maxOrder + 1).fill(0);
  const lowest = new Array<number>(maxOrder + 1).fill(-1);
  let fragments = 0;
  for (let i = 0; i < free.length;) {
    if (!free[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < free.length && free[end]) end++;
    fragments++;
    for (let first = i; first < end;) {
      const align = first === 0 ? maxOrder : Math.min(maxOrder, Math.log2(first & -first));
      const order = Math.min(align, Math.floor(Math.log2(end - first)));
      counters[order]!++;
      if (lowest[order] === -1) lowest[order] = first;
      first += 2 ** order;
    }
    i = end;
  }
  return { free: free.filter(Boolean).length, fragments, counters, lowest };
}

/** The free blocks as [first, count] runs, read one block at a time. */
function runsOf(free: boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  free.forEach((isFree, block) => {
    if (!isFree) return;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === block) last[1]++;
    else runs.push([block, 1]);
  });
  return runs;
}

describe('BuddyMap', () => {
  it('keeps every count as a recount from the blocks would give', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat(2 * BLOCKS_PER_GROUP - 1), fc.integer({ min: 1, max: 70 })), {
          maxLength: 40,
        }),
        (changes) => {
          // Two groups, the second one short (the last group of a filesystem).
          const blocks = 1 + BLOCKS_PER_GROUP + 200;
          const buddy = new BuddyMap(blocks, 1, BLOCKS_PER_GROUP, BLOCK_BITS);
          const free = new Array<boolean>(blocks).fill(false);
          for (const [release, start, length] of changes) {
            const first = 1 + start;
            const count = Math.min(length, blocks - first);
            if (count < 1) continue;
            // Only whole-state changes, as mballoc makes them: free blocks taken, used ones released.
            const range = free.slice(first, first + count);
            if (release ? range.some(Boolean) : !range.every(Boolean)) continue;
            if (release) buddy.release(first, count);
            else buddy.take(first, count);
            free.fill(release, first, first + count);
          }
          for (let g = 0; g < buddy.groupCount; g++) {
            const start = 1 + g * BLOCKS_PER_GROUP;
            const group = free.slice(start, start + buddy.groupLength(g));
            const want = recount(group, buddy.maxOrder);
            expect(buddy.freeIn(g)).toBe(want.free);
            expect(buddy.fragments(g)).toBe(want.fragments);
            for (let k = 0; k <= buddy.maxOrder; k++) {
              expect(buddy.counters(g, k)).toBe(want.counters[k]);
              if (k > 0) expect(buddy.lowestBuddy(g, k)).toBe(want.lowest[k]);
            }
            const largest = want.counters.reduce((last, n, k) => (n > 0 ? k : last), -1);
            expect(buddy.largestOrder(g)).toBe(largest);
            for (const from of [0, 1, 63, 64, 65, 130, group.length - 1]) {
              expect(buddy.firstFree(g, from), `from ${from}`).toBe(group.indexOf(true, from));
            }
          }
          expect(buddy.freeRuns()).toEqual(runsOf(free));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds an extent as mb_find_extent does: whole buddies after the first, until it is long enough', () => {
    const buddy = new BuddyMap(1 + 256, 1, 256, BLOCK_BITS);
    buddy.release(1 + 5, 59); // offsets 5..63: buddies 5(1) 6(2) 8(8) 16(16) 32(32)
    expect(buddy.findExtent(0, 5, 1)).toBe(1);
    expect(buddy.findExtent(0, 5, 2)).toBe(3);
    expect(buddy.findExtent(0, 5, 4)).toBe(11);
    expect(buddy.findExtent(0, 5, 40)).toBe(59);
    expect(buddy.findExtent(0, 10, 1)).toBe(6); // inside the 8-buddy at 8: the rest of it
    expect(buddy.findExtent(0, 4, 1)).toBe(0); // used
  });

  it('takes the lowest buddy of exactly one order, not a part of a bigger one', () => {
    const buddy = new BuddyMap(1 + 256, 1, 256, BLOCK_BITS);
    buddy.release(1 + 32, 32); // a 32-buddy at 32
    buddy.release(1 + 80, 16); // a 16-buddy at 80
    expect(buddy.lowestBuddy(0, 4)).toBe(80);
    expect(buddy.lowestBuddy(0, 5)).toBe(32);
    expect(buddy.lowestBuddy(0, 3)).toBe(-1);
  });
});
