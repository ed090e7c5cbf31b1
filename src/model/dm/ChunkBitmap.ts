// One bit per origin chunk: set once the chunk has been copied to the COW. Bits live in pages of 2^17
// chunks, made on first use, so an origin of any size costs only what was written. Runs of clear bits are
// found a 32-bit word (or a whole missing page) at a time: a 1 GiB write into an empty overlay touches
// 8 KiB of bitmap, not 262,144 objects.

const PAGE_WORDS = 4096;
const PAGE_CHUNKS = PAGE_WORDS * 32;

export class ChunkBitmap {
  private readonly pages = new Map<number, Uint32Array>();

  constructor(readonly chunks: number) {}

  has(chunk: number): boolean {
    const page = this.pages.get(Math.floor(chunk / PAGE_CHUNKS));
    if (!page) return false;
    const inPage = chunk % PAGE_CHUNKS;
    return (page[inPage >>> 5]! & (1 << (inPage & 31))) !== 0;
  }

  setRange(first: number, count: number): void {
    let chunk = first;
    const end = first + count;
    while (chunk < end) {
      const pageIndex = Math.floor(chunk / PAGE_CHUNKS);
      let page = this.pages.get(pageIndex);
      if (!page) {
        page = new Uint32Array(PAGE_WORDS);
        this.pages.set(pageIndex, page);
      }
      const pageEnd = Math.min(end, (pageIndex + 1) * PAGE_CHUNKS);
      let inPage = chunk - pageIndex * PAGE_CHUNKS;
      const inPageEnd = pageEnd - pageIndex * PAGE_CHUNKS;
      while (inPage < inPageEnd) {
        const bit = inPage & 31;
        const span = Math.min(32 - bit, inPageEnd - inPage);
        const mask = span === 32 ? 0xffffffff : ((1 << span) - 1) << bit;
        page[inPage >>> 5] = page[inPage >>> 5]! | mask;
        inPage += span;
      }
      chunk = pageEnd;
    }
  }

  /** Whether every chunk in `[first, last]` is set. */
  allSet(first: number, last: number): boolean {
    return this.nextWithValue(first, last, false) > last;
  }

  /** Whether no chunk is set. */
  noneSet(): boolean {
    return this.nextWithValue(0, this.chunks - 1, true) >= this.chunks;
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
      const pageIndex = Math.floor(chunk / PAGE_CHUNKS);
      const page = this.pages.get(pageIndex);
      const pageStart = pageIndex * PAGE_CHUNKS;
      if (!page) {
        // A missing page is all clear.
        if (!set) return chunk;
        chunk = pageStart + PAGE_CHUNKS;
        continue;
      }
      const pageLast = Math.min(last, pageStart + PAGE_CHUNKS - 1);
      while (chunk <= pageLast) {
        const inPage = chunk - pageStart;
        const bit = inPage & 31;
        const word = set ? page[inPage >>> 5]! : ~page[inPage >>> 5]!;
        const rest = (word >>> bit) >>> 0;
        if (rest !== 0) return Math.min(chunk + (31 - Math.clz32(rest & -rest)), last + 1);
        chunk += 32 - bit;
      }
    }
    return last + 1;
  }
}
