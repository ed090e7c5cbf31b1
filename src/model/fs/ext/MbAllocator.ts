// Where ext4's multiblock allocator (mballoc) puts new data, as far as overlay cost needs it. Writeback
// maps a file in requests of at most 2048 blocks (MAX_WRITEPAGES_EXTENT_LEN); for each request:
// 1. the goal: the block after the file's last one, if free (ext4_mb_find_by_goal), so files grow in place;
// 2. otherwise the regular allocator: from the file's goal group (ext4_inode_to_goal_block: with flex_bg, a
//    regular file aims at the second group of its inode's flex group, a folder at the first), every group
//    is tried for the lowest free buddy of the request's size rounded up to a power of two (criterion 0),
//    then for a free run long enough, then for any free run. Writeback after the file was closed asks for
//    exactly the file's blocks (EXT4_MB_HINT_NOPREALLOC), so it is no stream allocation;
// 3. a file smaller than 16 blocks is carved instead from the locality group's 512-block preallocation, so
//    small files are packed together.
// Freed blocks are not handed out again until the transaction that freed them commits (see ExtFs).

import type { ExtLayout } from './ExtLayout';
import type { FreeBlocks } from './FreeBlocks';

/** s_mb_stream_request: files at least this long use stream allocation. */
const STREAM_REQUEST_BLOCKS = 16;
/** s_mb_group_prealloc: the locality group preallocation's size. */
const GROUP_PREALLOC_BLOCKS = 512;
/** MAX_WRITEPAGES_EXTENT_LEN: the most blocks one writeback mapping asks for. */
const MAX_REQUEST_BLOCKS = 2048;

export type Extent = [firstBlock: number, count: number];

export interface AllocationRequest {
  count: number;
  /** The file's size in blocks once written: decides stream or locality-group allocation. */
  fileBlocks: number;
  /** The block after the file's last allocated block, if it has any. */
  goalBlock: number | null;
  /** Where the file's blocks should go when it has none (ext4_inode_to_goal_block). */
  goalGroup: number;
}

export class MbAllocator {
  private lastGroup = 0;
  private groupPrealloc: { next: number; end: number } | null = null;

  constructor(
    private readonly layout: ExtLayout,
    private readonly free: FreeBlocks,
  ) {}

  /** Allocates the blocks; fewer than asked only when the filesystem is full. */
  allocate({ count, fileBlocks, goalBlock, goalGroup }: AllocationRequest): Extent[] {
    if (fileBlocks < STREAM_REQUEST_BLOCKS && goalBlock === null) {
      const carved = this.fromGroupPrealloc(count, goalGroup);
      if (carved) return [carved];
    }
    const out: Extent[] = [];
    let left = count;
    let goal = goalBlock;
    while (left > 0) {
      const request = Math.min(left, MAX_REQUEST_BLOCKS);
      const extent = this.atGoal(goal, request) ?? this.regular(request, goalGroup);
      if (!extent) break;
      this.free.take(extent[0], extent[1]);
      out.push(extent);
      left -= extent[1];
      goal = extent[0] + extent[1];
    }
    return out;
  }

  /** Blocks for a file still under 16 blocks: carved from the locality group's preallocation. */
  fromLocalityGroup(count: number, goalGroup: number): Extent | null {
    return this.fromGroupPrealloc(count, goalGroup);
  }

  /**
   * A block-mapped (ext3) file's preallocation window: allocated while the file is open for writing, so it
   * is a stream allocation, searched from the group of the last one (its goal, the start of that last
   * allocation, is in use); mballoc takes the lowest free buddy of the window's size from there.
   */
  streamWindow(count: number): Extent | null {
    const extent = this.regular(count, this.lastGroup);
    if (extent) {
      this.free.take(extent[0], extent[1]);
      this.lastGroup = this.groupOf(extent[0]);
    }
    return extent;
  }

  /** A metadata block (an indirect block): its goal, the block before it, is in use: the lowest free block. */
  single(group: number): number | null {
    const extent = this.regular(1, group);
    if (!extent) return null;
    this.free.take(extent[0], 1);
    return extent[0];
  }

  /** Blocks held by the locality group's preallocation and not yet handed out: free as far as df knows. */
  preallocatedBlocks(): number {
    return this.groupPrealloc ? this.groupPrealloc.end - this.groupPrealloc.next : 0;
  }

  /** Unmount discards the locality group's preallocation: its unused blocks are free again. */
  discardPreallocations(): void {
    const pa = this.groupPrealloc;
    if (pa && pa.end > pa.next) this.free.release(pa.next, pa.end - pa.next);
    this.groupPrealloc = null;
  }

  private atGoal(goal: number | null, count: number): Extent | null {
    if (goal === null || goal >= this.layout.blocksCount || !this.free.isFree(goal)) return null;
    const [, end] = this.groupRange(this.groupOf(goal));
    const run = this.free.firstFreeRun(goal, end, 1);
    return run && run[0] === goal ? [goal, Math.min(run[1], count)] : null;
  }

  private regular(count: number, fromGroup: number): Extent | null {
    const groups = this.layout.groupCount;
    const buddy = Math.min(this.layout.blocksPerGroup, 2 ** Math.ceil(Math.log2(count)));
    for (let step = 0; step < groups; step++) {
      const [base, end] = this.groupRange((fromGroup + step) % groups);
      const start = this.free.firstFreeBuddy(base, end, buddy);
      if (start >= 0) return [start, count];
    }
    for (const minLength of [count, 1]) {
      for (let step = 0; step < groups; step++) {
        const [base, end] = this.groupRange((fromGroup + step) % groups);
        const run = this.free.firstFreeRun(base, end, minLength);
        if (run) return [run[0], Math.min(run[1], count)];
      }
    }
    return null;
  }

  private fromGroupPrealloc(count: number, goalGroup: number): Extent | null {
    let pa = this.groupPrealloc;
    if (!pa || pa.end - pa.next < count) {
      this.discardPreallocations();
      const taken = this.regular(GROUP_PREALLOC_BLOCKS, goalGroup);
      if (!taken || taken[1] < GROUP_PREALLOC_BLOCKS) return null;
      this.free.take(taken[0], GROUP_PREALLOC_BLOCKS);
      pa = { next: taken[0], end: taken[0] + GROUP_PREALLOC_BLOCKS };
      this.groupPrealloc = pa;
    }
    const extent: Extent = [pa.next, count];
    pa.next += count;
    return extent;
  }

  private groupOf(block: number): number {
    return Math.floor((block - this.layout.firstDataBlock) / this.layout.blocksPerGroup);
  }

  private groupRange(group: number): [number, number] {
    const base = this.layout.firstDataBlock + group * this.layout.blocksPerGroup;
    return [base, Math.min(base + this.layout.blocksPerGroup, this.layout.blocksCount)];
  }

  save(): MbAllocatorState {
    return { lastGroup: this.lastGroup, groupPrealloc: this.groupPrealloc && { ...this.groupPrealloc } };
  }

  restore(state: MbAllocatorState): void {
    this.lastGroup = state.lastGroup;
    this.groupPrealloc = state.groupPrealloc && { ...state.groupPrealloc };
  }
}

export interface MbAllocatorState {
  lastGroup: number;
  groupPrealloc: { next: number; end: number } | null;
}
