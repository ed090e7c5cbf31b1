// The in-core buddy of every block group, as mballoc keeps it (fs/ext4/mballoc.c): which blocks are free,
// and for each order k up to blockSizeBits + 1 which aligned 2^k runs of a group are wholly free. A run
// that is wholly free while its parent is not is a "buddy" of that order (mb_find_order_for_block); the
// kernel's bb_counters[k] is the number of them, so counters(k) = full(k) − 2·full(k + 1).
//
// "Free" here is free in the buddy: blocks a preallocation holds, and blocks freed by a transaction that has
// not committed yet, count as used, as they do in the kernel (ext4_mb_generate_from_pa, _from_freelist).

/** findExtent reads a request this short block by block before walking buddies. */
const SHORT_PROBE_BLOCKS = 64;

/** firstFree skips used blocks a span of 2^SPAN_BITS at a time (the kernel's bitmap search skips words). */
const SPAN_BITS = 6;

export class BuddyMap {
  /** The largest buddy order: blockSizeBits + 1 (2 MiB runs with 1 KiB blocks, 32 MiB with 4 KiB). */
  readonly maxOrder: number;
  readonly groupCount: number;
  private readonly strides: number[];
  /** full[k][g * strides[k] + j]: aligned run j of order k in group g is wholly free. full[0]: the block. */
  private readonly full: Uint8Array[];
  /** fullCount[g * (maxOrder + 1) + k]: how many runs of order k are wholly free in group g. */
  private readonly fullCount: Int32Array;
  private readonly fragmentCount: Int32Array;
  /** bb_first_free: no free block lies before it in its group (it may itself be in use). */
  private readonly firstFreeHint: Int32Array;
  /** spanFree[g * spanStride + s]: free blocks in span s of group g; spanHasFree: the same, as 0 or 1. */
  private readonly spanStride: number;
  private readonly spanFree: Uint8Array;
  private readonly spanHasFree: Uint8Array;
  private total = 0;

  constructor(
    readonly blocksCount: number,
    readonly firstDataBlock: number,
    readonly blocksPerGroup: number,
    blockSizeBits: number,
  ) {
    this.groupCount = Math.ceil((blocksCount - firstDataBlock) / blocksPerGroup);
    this.maxOrder = Math.min(blockSizeBits + 1, Math.floor(Math.log2(blocksPerGroup)));
    this.strides = [];
    this.full = [];
    for (let k = 0; k <= this.maxOrder; k++) {
      this.strides.push(Math.ceil(blocksPerGroup / 2 ** k));
      this.full.push(new Uint8Array(this.groupCount * this.strides[k]!));
    }
    this.fullCount = new Int32Array(this.groupCount * (this.maxOrder + 1));
    this.fragmentCount = new Int32Array(this.groupCount);
    this.firstFreeHint = new Int32Array(this.groupCount);
    this.spanStride = Math.ceil(blocksPerGroup / 2 ** SPAN_BITS);
    this.spanFree = new Uint8Array(this.groupCount * this.spanStride);
    this.spanHasFree = new Uint8Array(this.groupCount * this.spanStride);
  }

  get freeCount(): number {
    return this.total;
  }

  groupOf(block: number): number {
    return Math.floor((block - this.firstDataBlock) / this.blocksPerGroup);
  }

  groupStart(group: number): number {
    return this.firstDataBlock + group * this.blocksPerGroup;
  }

  /** Blocks the group really has (the last group may be short). */
  groupLength(group: number): number {
    return Math.min(this.blocksPerGroup, this.blocksCount - this.groupStart(group));
  }

  /** bb_free. */
  freeIn(group: number): number {
    return this.fullCount[group * (this.maxOrder + 1)]!;
  }

  /** bb_fragments: free extents in the group. */
  fragments(group: number): number {
    return this.fragmentCount[group]!;
  }

  /** bb_counters[order]: buddies of exactly this order. */
  counters(group: number, order: number): number {
    const at = group * (this.maxOrder + 1) + order;
    return order === this.maxOrder ? this.fullCount[at]! : this.fullCount[at]! - 2 * this.fullCount[at + 1]!;
  }

  /** bb_largest_free_order, or -1 when the group has no free block. */
  largestOrder(group: number): number {
    for (let k = this.maxOrder; k >= 0; k--)
      if (this.fullCount[group * (this.maxOrder + 1) + k]! > 0) return k;
    return -1;
  }

  /** Marks free blocks used (an allocation, a preallocation). */
  take(first: number, count: number): void {
    this.forEachGroupPart(first, count, (group, offset, length) => this.change(group, offset, length, 0));
  }

  /** Marks used blocks free. */
  release(first: number, count: number): void {
    this.forEachGroupPart(first, count, (group, offset, length) => this.change(group, offset, length, 1));
  }

  /** The first free block of the group at or after `offset` (group-relative), or -1. */
  firstFree(group: number, offset: number): number {
    const from = Math.max(offset, this.firstFreeHint[group]!);
    const length = this.groupLength(group);
    const row0 = this.full[0]!;
    const base = group * this.strides[0]!;
    // The rest of the span `from` is in, block by block; then the next span with a free block.
    const spanEnd = Math.min(((from >> SPAN_BITS) + 1) << SPAN_BITS, length);
    for (let block = from; block < spanEnd; block++) if (row0[base + block]) return block;
    const spanBase = group * this.spanStride;
    const span = this.spanHasFree.indexOf(1, spanBase + (from >> SPAN_BITS) + 1);
    if (span === -1 || span >= spanBase + Math.ceil(length / 2 ** SPAN_BITS)) return -1;
    let block = (span - spanBase) << SPAN_BITS;
    while (!row0[base + block]) block++;
    return block;
  }

  /**
   * mb_find_extent: the free extent starting at `offset`, made of the buddy holding it (from `offset` on)
   * and the buddies after it, taken whole, until it holds at least `needed` blocks or meets a used block.
   * 0 when the block is in use.
   */
  findExtent(group: number, offset: number, needed: number): number {
    const row0 = this.full[0]!;
    const base = group * this.strides[0]!;
    if (!row0[base + offset]) return 0;
    // The buddies from `offset` on tile the free run exactly: a run no longer than needed is taken whole.
    // Short requests look at most needed + 1 blocks ahead; long ones walk the buddies.
    if (needed <= SHORT_PROBE_BLOCKS) {
      const limit = Math.min(offset + needed + 1, this.groupLength(group));
      let end = offset + 1;
      while (end < limit && row0[base + end]) end++;
      if (end - offset <= needed) return end - offset;
    }
    let order = this.orderOf(group, offset);
    let length = ((offset >> order) << order) + (1 << order) - offset;
    let index = offset >> order;
    while (needed > length) {
      const next = (index + 1) << order;
      if (next >= this.groupLength(group) || !this.full[0]![group * this.strides[0]! + next]) break;
      order = this.orderOf(group, next);
      index = next >> order;
      length += 1 << order;
    }
    return length;
  }

  /** The lowest buddy of exactly `order` in the group (group-relative offset), or -1. */
  lowestBuddy(group: number, order: number): number {
    const row = this.full[order]!;
    const base = group * this.strides[order]!;
    const end = base + this.strides[order]!;
    const parents = order < this.maxOrder ? this.full[order + 1]! : null;
    const parentBase = order < this.maxOrder ? group * this.strides[order + 1]! : 0;
    for (let at = row.indexOf(1, base); at !== -1 && at < end;) {
      const j = at - base;
      if (!parents || !parents[parentBase + (j >> 1)]) return j << order;
      // Inside a wholly free run of the order above: go on after it.
      const next = parents.indexOf(0, parentBase + (j >> 1));
      if (next === -1 || next >= parentBase + this.strides[order + 1]!) return -1;
      at = row.indexOf(1, base + 2 * (next - parentBase));
    }
    return -1;
  }

  /** The free blocks as [first, count] runs (what a saved filesystem keeps). */
  freeRuns(): [number, number][] {
    const runs: [number, number][] = [];
    for (let group = 0; group < this.groupCount; group++) {
      const start = this.groupStart(group);
      const blocks = this.groupBlocks(group);
      for (let offset = blocks.indexOf(1); offset !== -1;) {
        const used = blocks.indexOf(0, offset);
        const end = used === -1 ? blocks.length : used;
        const last = runs.at(-1);
        if (last && last[0] + last[1] === start + offset) last[1] += end - offset;
        else runs.push([start + offset, end - offset]);
        offset = blocks.indexOf(1, end);
      }
    }
    return runs;
  }

  /** The group's blocks (1: free), a view of the order-0 row: searching it never runs into the next group. */
  private groupBlocks(group: number): Uint8Array {
    const base = group * this.strides[0]!;
    return this.full[0]!.subarray(base, base + this.groupLength(group));
  }

  /** The order of the buddy holding a free block (mb_find_order_for_block). */
  private orderOf(group: number, offset: number): number {
    let order = 0;
    while (
      order < this.maxOrder &&
      this.full[order + 1]![group * this.strides[order + 1]! + (offset >> (order + 1))]
    ) {
      order++;
    }
    return order;
  }

  private forEachGroupPart(
    first: number,
    count: number,
    part: (group: number, offset: number, length: number) => void,
  ): void {
    let block = first;
    const end = first + count;
    while (block < end) {
      const group = this.groupOf(block);
      const offset = block - this.groupStart(group);
      const length = Math.min(end - block, this.groupLength(group) - offset);
      part(group, offset, length);
      block += length;
    }
  }

  /** Sets [offset, offset + length) of a group to free (1) or used (0), with every order and count above. */
  private change(group: number, offset: number, length: number, value: 0 | 1): void {
    const orders = this.maxOrder + 1;
    const row0 = this.full[0]!;
    const base0 = group * this.strides[0]!;
    const groupLength = this.groupLength(group);
    // bb_fragments, as mb_mark_used and mb_free_blocks keep it: by the neighbours' state before the change.
    const leftFree = offset > 0 && row0[base0 + offset - 1] === 1;
    const rightFree = offset + length < groupLength && row0[base0 + offset + length] === 1;
    if (value === 1) {
      if (leftFree && rightFree) this.fragmentCount[group]!--;
      else if (!leftFree && !rightFree) this.fragmentCount[group]!++;
    } else {
      if (leftFree && rightFree) this.fragmentCount[group]!++;
      else if (!leftFree && !rightFree) this.fragmentCount[group]!--;
    }
    row0.fill(value, base0 + offset, base0 + offset + length);
    this.countSpans(group, offset, length, value);
    if (value === 1) this.firstFreeHint[group] = Math.min(this.firstFreeHint[group]!, offset);
    else if (offset <= this.firstFreeHint[group]! && this.firstFreeHint[group]! < offset + length) {
      this.firstFreeHint[group] = offset + length;
    }
    this.fullCount[group * orders]! += value ? length : -length;
    this.total += value ? length : -length;
    for (let k = 1; k <= this.maxOrder; k++) {
      const row = this.full[k]!;
      const base = group * this.strides[k]!;
      // Runs wholly inside the range now hold `value` throughout: filled at once (a fresh filesystem's
      // buddy is built from runs of whole groups). Each was the opposite before, as the counts above assume.
      const inFirst = (offset + (1 << k) - 1) >> k;
      const inLast = ((offset + length) >> k) - 1;
      let delta = 0;
      if (inFirst <= inLast) {
        row.fill(value, base + inFirst, base + inLast + 1);
        delta = (value ? 1 : -1) * (inLast - inFirst + 1);
      }
      // The runs at the range's two ends, partly inside it, follow their halves.
      const first = offset >> k;
      const last = (offset + length - 1) >> k;
      if (first < inFirst || first > inLast) delta += this.followHalves(k, group, first);
      if (last !== first && (last < inFirst || last > inLast)) delta += this.followHalves(k, group, last);
      const changed = delta !== 0 || inFirst <= inLast;
      this.fullCount[group * orders + k]! += delta;
      // A run's state follows its halves': when no run of this order changed, none above can.
      if (!changed) break;
    }
  }

  /** Sets run j of order k (k ≥ 1) from its two halves; returns the change in that order's count. */
  private followHalves(k: number, group: number, j: number): number {
    const child = this.full[k - 1]!;
    const childBase = group * this.strides[k - 1]!;
    const childStride = this.strides[k - 1]!;
    const a = 2 * j < childStride ? child[childBase + 2 * j]! : 0;
    const b = 2 * j + 1 < childStride ? child[childBase + 2 * j + 1]! : 0;
    const now = a & b;
    const row = this.full[k]!;
    const at = group * this.strides[k]! + j;
    if (now === row[at]) return 0;
    row[at] = now;
    return now ? 1 : -1;
  }

  /** Moves the spans' free counts by the blocks of [offset, offset + length) that became `value`. */
  private countSpans(group: number, offset: number, length: number, value: 0 | 1): void {
    const spanBase = group * this.spanStride;
    const end = offset + length;
    for (let span = offset >> SPAN_BITS; span <= (end - 1) >> SPAN_BITS; span++) {
      const inside = Math.min(end, (span + 1) << SPAN_BITS) - Math.max(offset, span << SPAN_BITS);
      const free = this.spanFree[spanBase + span]! + (value ? inside : -inside);
      this.spanFree[spanBase + span] = free;
      this.spanHasFree[spanBase + span] = free > 0 ? 1 : 0;
    }
  }
}
