// Which filesystem blocks are free, one bit per block, with the two searches mballoc makes: the first free
// buddy of a power-of-two size (aligned within its group, as the buddy bitmap is) and the first free run of
// at least some length.

export class FreeBlocks {
  /** 1 = in use. */
  private readonly used: Uint8Array;
  private free = 0;

  constructor(readonly blocksCount: number) {
    this.used = new Uint8Array(blocksCount).fill(1);
  }

  /** How many blocks are free (kept up to date, not counted). */
  get freeCount(): number {
    return this.free;
  }

  isFree(block: number): boolean {
    return this.used[block] === 0;
  }

  /** Marks blocks known to be free as used (an allocation): no counting needed. */
  take(first: number, count: number): void {
    this.used.fill(1, first, first + count);
    this.free -= count;
  }

  /** Marks blocks known to be used as free (a release). */
  release(first: number, count: number): void {
    this.used.fill(0, first, first + count);
    this.free += count;
  }

  /** Sets a range whatever it held before (loading a layout or a saved filesystem). */
  setFree(first: number, count: number, free: boolean): void {
    const value = free ? 0 : 1;
    let changed = 0;
    for (let b = first; b < first + count; b++) if (this.used[b] !== value) changed++;
    this.used.fill(value, first, first + count);
    this.free += free ? changed : -changed;
  }

  /** The first block of a wholly free run of `length` blocks at an offset from `base` that is a multiple of `length`. */
  firstFreeBuddy(base: number, end: number, length: number): number {
    const alignUp = (block: number) => base + Math.ceil((block - base) / length) * length;
    let start = base;
    while (start + length <= end) {
      const used = this.used.indexOf(1, start);
      if (used === -1 || used >= start + length) return start;
      // Jump past the used stretch to the next free block, then to the next aligned start.
      const free = this.used.indexOf(0, used + 1);
      if (free === -1) return -1;
      start = alignUp(free);
    }
    return -1;
  }

  /** The first free run in [from, end) of at least `minLength` blocks: [start, length], or null. */
  firstFreeRun(from: number, end: number, minLength: number): [number, number] | null {
    let b = from;
    while (b < end) {
      const start = this.used.indexOf(0, b);
      if (start === -1 || start >= end) return null;
      const stop = this.used.indexOf(1, start);
      b = stop === -1 || stop > end ? end : stop;
      if (b - start >= minLength) return [start, b - start];
    }
    return null;
  }

  /** The free blocks as [first, count] runs: what a saved filesystem keeps. */
  freeRuns(): [number, number][] {
    const runs: [number, number][] = [];
    for (let b = this.used.indexOf(0); b !== -1 && b < this.blocksCount;) {
      const end = this.used.indexOf(1, b);
      const stop = end === -1 ? this.blocksCount : end;
      runs.push([b, stop - b]);
      b = stop >= this.blocksCount ? -1 : this.used.indexOf(0, stop);
    }
    return runs;
  }
}
