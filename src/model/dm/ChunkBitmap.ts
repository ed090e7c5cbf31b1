// One bit per origin chunk: set once the chunk has been copied to the COW. Runs of clear bits are found a
// 32-bit word at a time, so a 1 GiB write into an empty overlay touches 8 KiB of bitmap, not 262,144 objects.

export class ChunkBitmap {
  private readonly words: Uint32Array;

  constructor(readonly chunks: number) {
    this.words = new Uint32Array(Math.ceil(chunks / 32));
  }

  has(chunk: number): boolean {
    return (this.words[chunk >>> 5]! & (1 << (chunk & 31))) !== 0;
  }

  setRange(first: number, count: number): void {
    let chunk = first;
    const end = first + count;
    while (chunk < end) {
      const word = chunk >>> 5;
      const bit = chunk & 31;
      const span = Math.min(32 - bit, end - chunk);
      const mask = span === 32 ? 0xffffffff : ((1 << span) - 1) << bit;
      this.words[word] = this.words[word]! | mask;
      chunk += span;
    }
  }

  /**
   * Visits the runs of clear bits in `[first, last]` in ascending order. The visitor returns false to stop.
   */
  forEachClearRun(first: number, last: number, visit: (start: number, count: number) => boolean): void {
    let chunk = first;
    while (chunk <= last) {
      chunk = this.nextWithValue(chunk, last, false);
      if (chunk > last) return;
      const end = this.nextWithValue(chunk, last, true);
      if (!visit(chunk, end - chunk)) return;
      chunk = end;
    }
  }

  /** The first chunk in `[from, last]` whose bit equals `set`, or last+1. */
  private nextWithValue(from: number, last: number, set: boolean): number {
    let chunk = from;
    while (chunk <= last) {
      const bit = chunk & 31;
      const word = set ? this.words[chunk >>> 5]! : ~this.words[chunk >>> 5]!;
      const rest = (word >>> bit) >>> 0;
      if (rest === 0) {
        chunk += 32 - bit;
        continue;
      }
      const found = chunk + (31 - Math.clz32(rest & -rest));
      return Math.min(found, last + 1);
    }
    return last + 1;
  }
}
