// The committed exceptions in on-disk order, kept as runs: a run [oldFirst, newFirst, count] stands for the
// pairs (oldFirst+i, newFirst+i). A sequential write of 1 GiB is about a thousand runs (one per metadata
// area), not a quarter of a million objects; scattered writes cost 24 bytes per exception.

export type ExceptionPair = [oldChunk: number, newChunk: number];
export type ExceptionRun = [oldFirst: number, newFirst: number, count: number];

const FIELDS = 3;

export class ExceptionRuns {
  private data = new Float64Array(FIELDS * 2);
  private runCount = 0;
  private total = 0;

  /** Number of exceptions (not runs). */
  get length(): number {
    return this.total;
  }

  append(oldFirst: number, newFirst: number, count: number): void {
    if (count <= 0) return;
    this.total += count;
    const last = (this.runCount - 1) * FIELDS;
    if (this.runCount > 0) {
      const lastCount = this.data[last + 2]!;
      if (this.data[last]! + lastCount === oldFirst && this.data[last + 1]! + lastCount === newFirst) {
        this.data[last + 2] = lastCount + count;
        return;
      }
    }
    if ((this.runCount + 1) * FIELDS > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.runCount * FIELDS;
    this.data[at] = oldFirst;
    this.data[at + 1] = newFirst;
    this.data[at + 2] = count;
    this.runCount++;
  }

  /** Drops every exception from index `length` on (an area whose write failed). */
  truncate(length: number): void {
    while (this.total > length) {
      const last = (this.runCount - 1) * FIELDS;
      const count = this.data[last + 2]!;
      const excess = this.total - length;
      if (count > excess) {
        this.data[last + 2] = count - excess;
        this.total = length;
      } else {
        this.runCount--;
        this.total -= count;
      }
    }
  }

  forEachRun(visit: (oldFirst: number, newFirst: number, count: number) => void): void {
    for (let r = 0; r < this.runCount; r++) {
      const at = r * FIELDS;
      visit(this.data[at]!, this.data[at + 1]!, this.data[at + 2]!);
    }
  }

  toRuns(): ExceptionRun[] {
    const out: ExceptionRun[] = [];
    this.forEachRun((o, n, c) => out.push([o, n, c]));
    return out;
  }

  toPairs(): ExceptionPair[] {
    const out: ExceptionPair[] = [];
    this.forEachRun((o, n, c) => {
      for (let i = 0; i < c; i++) out.push([o + i, n + i]);
    });
    return out;
  }
}
