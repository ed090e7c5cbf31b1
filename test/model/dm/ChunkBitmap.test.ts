// The bitmap of copied origin chunks: the same answers as a plain Set, at any origin size.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkBitmap } from '../../../src/model/dm/ChunkBitmap';

function clearRuns(bitmap: ChunkBitmap, first: number, last: number): [number, number][] {
  const runs: [number, number][] = [];
  bitmap.forEachClearRun(first, last, (start, count) => runs.push([start, count]) > 0);
  return runs;
}

describe('ChunkBitmap', () => {
  it('finds the same clear runs as a Set of chunks, across page boundaries', () => {
    const span = 300_000;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(span - 1), fc.integer({ min: 1, max: 40_000 })), { maxLength: 12 }),
        fc.nat(span - 1),
        fc.nat(span - 1),
        (sets, a, b) => {
          const bitmap = new ChunkBitmap(span);
          const reference = new Set<number>();
          for (const [first, count] of sets) {
            const n = Math.min(count, span - first);
            bitmap.setRange(first, n);
            for (let c = first; c < first + n; c++) reference.add(c);
          }
          const [first, last] = a <= b ? [a, b] : [b, a];
          const expected: [number, number][] = [];
          for (let c = first; c <= last; c++) {
            if (reference.has(c)) continue;
            const previous = expected.at(-1);
            if (previous && previous[0] + previous[1] === c) previous[1]++;
            else expected.push([c, 1]);
          }
          expect(clearRuns(bitmap, first, last)).toEqual(expected);
          expect(bitmap.has(first)).toBe(reference.has(first));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('costs nothing for an origin of 2^45 chunks until chunks are written', () => {
    const bitmap = new ChunkBitmap(2 ** 45);
    bitmap.setRange(2 ** 44, 3);
    expect(bitmap.has(2 ** 44 + 2)).toBe(true);
    expect(clearRuns(bitmap, 2 ** 44 - 2, 2 ** 44 + 4)).toEqual([
      [2 ** 44 - 2, 2],
      [2 ** 44 + 3, 2],
    ]);
  });

  it('tells whether any chunk is set, however far from the start', () => {
    const bitmap = new ChunkBitmap(2 ** 45);
    expect(bitmap.noneSet()).toBe(true);
    bitmap.setRange(2 ** 45 - 1, 1);
    expect(bitmap.noneSet()).toBe(false);
  });

  it('stops when the visitor says so', () => {
    const bitmap = new ChunkBitmap(100);
    bitmap.setRange(10, 10);
    const seen: number[] = [];
    bitmap.forEachClearRun(0, 99, (start) => seen.push(start) < 1);
    expect(seen).toEqual([0]);
  });
});
