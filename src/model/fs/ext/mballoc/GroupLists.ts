// mb_optimize_scan's lists (Linux 6.1): groups filed by the order of their largest free buddy
// (s_mb_largest_free_orders) and by their average free extent (s_mb_avg_fragment_size). A group joins a
// list's tail when its buddy is first built (ext4_mb_generate_buddy) and moves to another list's tail only
// when its order changes (mb_set_largest_free_order, mb_update_avg_fragment_size). The allocator then takes
// groups in list order — so the order groups were first loaded in decides where data goes.

import type { BuddyMap } from './BuddyMap';

export class GroupLists {
  readonly largest: number[][];
  readonly average: number[][];
  /** Each group's list in `largest` and `average`, -1 when in none. */
  readonly largestOf: Int8Array;
  readonly averageOf: Int8Array;

  constructor(
    private readonly buddy: BuddyMap,
    /** mb_optimize_scan: on for 16 groups or more (MB_DEFAULT_LINEAR_SCAN_THRESHOLD). */
    readonly enabled: boolean,
  ) {
    const orders = buddy.maxOrder + 1;
    this.largest = Array.from({ length: orders }, () => []);
    this.average = Array.from({ length: orders }, () => []);
    this.largestOf = new Int8Array(buddy.groupCount).fill(-1);
    this.averageOf = new Int8Array(buddy.groupCount).fill(-1);
  }

  /** mb_avg_fragment_size_order: the list for an average free extent (or a request) of `length` blocks. */
  averageOrder(length: number): number {
    const order = Math.floor(Math.log2(length)) - 1;
    return Math.max(0, Math.min(order, this.buddy.maxOrder));
  }

  /** After a group's buddy was built or changed. */
  update(group: number): void {
    if (!this.enabled) return;
    const order = this.buddy.largestOrder(group);
    const free = this.buddy.freeIn(group);
    if (order !== this.largestOf[group]) {
      if (this.largestOf[group]! >= 0) remove(this.largest[this.largestOf[group]!]!, group);
      this.largestOf[group] = order;
      if (order >= 0 && free > 0) this.largest[order]!.push(group);
    }
    if (free === 0) return;
    const average = this.averageOrder(Math.floor(free / this.buddy.fragments(group)));
    if (average === this.averageOf[group]) return;
    if (this.averageOf[group]! >= 0) remove(this.average[this.averageOf[group]!]!, group);
    this.averageOf[group] = average;
    this.average[average]!.push(group);
  }

  /** Forgets every group (the buddy cache is dropped at unmount). */
  clear(): void {
    for (const list of [...this.largest, ...this.average]) list.length = 0;
    this.largestOf.fill(-1);
    this.averageOf.fill(-1);
  }

  save(): { largest: number[][]; average: number[][] } {
    return { largest: this.largest.map((l) => [...l]), average: this.average.map((l) => [...l]) };
  }

  /** Restores the lists; a group's place in them is its order (every loaded group with free blocks is in one). */
  restore(saved: { largest: number[][]; average: number[][] }): void {
    this.clear();
    saved.largest.forEach((list, order) => {
      this.largest[order]!.push(...list);
      for (const group of list) this.largestOf[group] = order;
    });
    saved.average.forEach((list, order) => {
      this.average[order]!.push(...list);
      for (const group of list) this.averageOf[group] = order;
    });
  }
}

function remove(list: number[], group: number): void {
  const at = list.indexOf(group);
  if (at !== -1) list.splice(at, 1);
}
