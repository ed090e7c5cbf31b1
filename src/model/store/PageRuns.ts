// The pages a tmpfs file has in memory, as sorted runs `[firstPage, count]`: a sparse file (a hole made by
// `truncate -s` or `dd seek=`) has pages only where it was written. Operations cost O(runs).

export type PageRun = [firstPage: number, count: number];

export class PageRuns {
  private runs: PageRun[] = [];
  private total = 0;

  /** Pages held. */
  get count(): number {
    return this.total;
  }

  /** Pages in `[first, first + count)` not yet held: what writing there would take. */
  missing(first: number, count: number): number {
    const end = first + count;
    let held = 0;
    for (const [start, n] of this.runs) {
      if (start >= end) break;
      const overlap = Math.min(end, start + n) - Math.max(first, start);
      if (overlap > 0) held += overlap;
    }
    return count - held;
  }

  /** Holds every page in `[first, first + count)`; returns how many were new. */
  add(first: number, count: number): number {
    if (count <= 0) return 0;
    const added = this.missing(first, count);
    let start = first;
    let end = first + count;
    const kept: PageRun[] = [];
    let at = 0;
    for (const run of this.runs) {
      const runEnd = run[0] + run[1];
      if (runEnd < start) {
        kept.push(run);
        at = kept.length;
      } else if (run[0] > end) {
        kept.push(run);
      } else {
        start = Math.min(start, run[0]);
        end = Math.max(end, runEnd);
      }
    }
    kept.splice(at, 0, [start, end - start]);
    this.runs = kept;
    this.total += added;
    return added;
  }

  /** Drops every page from `firstPage` on (a truncate); returns how many went. */
  dropFrom(firstPage: number): number {
    let dropped = 0;
    const kept: PageRun[] = [];
    for (const [start, n] of this.runs) {
      if (start + n <= firstPage) kept.push([start, n]);
      else if (start >= firstPage) dropped += n;
      else {
        kept.push([start, firstPage - start]);
        dropped += start + n - firstPage;
      }
    }
    this.runs = kept;
    this.total -= dropped;
    return dropped;
  }

  toJSON(): PageRun[] {
    return this.runs.map(([start, n]) => [start, n]);
  }

  /** Rebuilds from runs already checked to be sorted, positive and apart (`tmpfsState`). */
  static fromRuns(runs: readonly PageRun[]): PageRuns {
    const pages = new PageRuns();
    for (const [start, n] of runs) pages.add(start, n);
    return pages;
  }
}
