// The naive model the bench compares against: one Map entry per copied chunk, allocation one chunk at a
// time. It follows the same allocation rule (skip metadata chunks, stop when the COW is full).

export class NaiveSnapshot {
  private readonly copied = new Map<number, number>();
  private nextFree = 2;

  constructor(
    private readonly cowChunks: number,
    private readonly exceptionsPerArea: number,
  ) {}

  write(firstChunk: number, chunks: number): boolean {
    for (let chunk = firstChunk; chunk < firstChunk + chunks; chunk++) {
      if (this.copied.has(chunk)) continue;
      if (this.nextFree + 1 > this.cowChunks) return false;
      this.copied.set(chunk, this.nextFree++);
      if (this.nextFree % (this.exceptionsPerArea + 1) === 1) this.nextFree++;
    }
    return true;
  }

  get size(): number {
    return this.copied.size;
  }
}
