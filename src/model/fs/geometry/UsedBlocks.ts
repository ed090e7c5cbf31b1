// The block bitmap mke2fs fills while it lays out a filesystem, kept as sorted runs of used blocks rather
// than one bit per block, so that a terabyte costs no more than a floppy: mke2fs marks a few runs per group.

import type { BlockRun } from './types';

export class UsedBlocks {
  /** Disjoint, non-touching runs in block order: starts[i] … ends[i]-1 are used. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(readonly blocksCount: number) {}

  /** Marks blocks first … first+count-1 used (marking a used block again is harmless, as in a bitmap). */
  mark(first: number, count: number): void {
    if (count <= 0) return;
    let start = first;
    let end = first + count;
    // Runs that touch or overlap [start, end) are merged into one.
    let lo = this.indexAtOrBefore(start);
    if (lo < 0 || this.ends[lo] < start) lo += 1;
    let hi = lo;
    while (hi < this.starts.length && this.starts[hi] <= end) hi += 1;
    if (hi > lo) {
      start = Math.min(start, this.starts[lo]);
      end = Math.max(end, this.ends[hi - 1]);
    }
    this.starts.splice(lo, hi - lo, start);
    this.ends.splice(lo, hi - lo, end);
  }

  isUsed(block: number): boolean {
    const i = this.indexAtOrBefore(block);
    return i >= 0 && block < this.ends[i];
  }

  /** The first free block in first … last (inclusive), or -1. */
  firstFree(first: number, last: number): number {
    if (first > last) return -1;
    const i = this.indexAtOrBefore(first);
    const candidate = i >= 0 && first < this.ends[i] ? this.ends[i] : first;
    return candidate <= last ? candidate : -1;
  }

  /** The first used block in first … last (inclusive), or -1. */
  firstUsed(first: number, last: number): number {
    if (first > last) return -1;
    const i = this.indexAtOrBefore(first);
    if (i >= 0 && first < this.ends[i]) return first;
    const next = i + 1;
    return next < this.starts.length && this.starts[next] <= last ? this.starts[next] : -1;
  }

  /** The last used block in first … last (inclusive), or -1. */
  lastUsed(first: number, last: number): number {
    if (first > last) return -1;
    const i = this.indexAtOrBefore(last);
    if (i < 0) return -1;
    const candidate = Math.min(last, this.ends[i] - 1);
    return candidate >= first ? candidate : -1;
  }

  /** How many blocks of first … last (inclusive) are used. */
  usedCount(first: number, last: number): number {
    let count = 0;
    for (let i = Math.max(0, this.indexAtOrBefore(first)); i < this.starts.length; i++) {
      if (this.starts[i] > last) break;
      const lo = Math.max(first, this.starts[i]);
      const hi = Math.min(last + 1, this.ends[i]);
      if (hi > lo) count += hi - lo;
    }
    return count;
  }

  /** The free runs of first … last (inclusive). */
  freeRuns(first: number, last: number): BlockRun[] {
    const runs: BlockRun[] = [];
    let at = first;
    while (at <= last) {
      const free = this.firstFree(at, last);
      if (free < 0) break;
      const used = this.firstUsed(free, last);
      const end = used < 0 ? last + 1 : used;
      runs.push([free, end - free]);
      at = end;
    }
    return runs;
  }

  /** Index of the last run starting at or before `block`, or -1. */
  private indexAtOrBefore(block: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= block) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
