// The running jbd2 transaction and the block writes under it: what ext4 with data=ordered journals, when it
// commits, and when the blocks it freed can be handed out again.

import type { BlockSink } from '../BlockSink';
import { ModelError } from '../../errors';
import type { ExtFsContext } from './ExtFsContext';
import type { ExtFsState } from './ExtFsState';
import type { Jbd2Journal } from './Jbd2Journal';
import type { Extent } from './mballoc/Mballoc';
import { descriptorBlock, groupOfBlock } from './metadataBlocks';

/**
 * Metadata an operation changes (bitmaps, group descriptors, inode-table blocks, directory blocks, the
 * superblock for the orphan list) joins the running transaction; a commit (on sync, or 5 s after the
 * transaction began) copies it into the journal, and the blocks are then written in place. Blocks freed by
 * a transaction are handed out again only after it commits.
 */
export class JournalTransaction {
  /** The metadata blocks the running transaction holds. */
  private dirty = new Set<number>();
  /** Revoke records it will write: metadata blocks it freed. */
  private revokes = 0;
  /** When it began; null while it holds nothing. */
  startMs: number | null = null;
  /** Freed in the running transaction: free again once it commits. */
  private freedPending: Extent[] = [];
  /**
   * Whether ext4 gave up after a write to its device failed (an Invalid or overflowed overlay): it aborts
   * its journal and the filesystem is read-only from then on.
   */
  aborted = false;
  /** writeHome's scratch list (it runs at every commit). */
  private readonly homeOrder: number[] = [];

  constructor(
    private readonly ctx: ExtFsContext,
    private readonly journal: Jbd2Journal,
    /** The device every write lands on. */
    public sink: BlockSink,
  ) {}

  markDirty(...blocks: number[]): void {
    for (const b of blocks) this.dirty.add(b);
    this.startMs ??= this.ctx.nowMs;
  }

  /** Journals the block bitmaps and group descriptors an allocation or a free in this extent changes. */
  markExtentDirty([first, count]: Extent): void {
    const layout = this.ctx.layout;
    for (let g = groupOfBlock(layout, first); g <= groupOfBlock(layout, first + count - 1); g++) {
      this.dirty.add(layout.blockBitmapOf(g));
      this.dirty.add(descriptorBlock(layout, g));
    }
    this.startMs ??= this.ctx.nowMs;
  }

  /** Blocks this transaction frees: they can be handed out again once it commits. */
  free(extent: Extent): void {
    this.freedPending.push(extent);
  }

  /** Metadata blocks freed: the commit writes a revoke record for each, so a replay leaves them alone. */
  revoke(blocks: number): void {
    this.revokes += blocks;
  }

  /** How many blocks this transaction freed. */
  freedBlocks(): number {
    return this.freedPending.reduce((sum, [, count]) => sum + count, 0);
  }

  /** How many of the blocks this transaction freed lie in [from, to). */
  freedWithin(from: number, to: number): number {
    let freed = 0;
    for (const [first, count] of this.freedPending) {
      const start = Math.max(first, from);
      const end = Math.min(first + count, to);
      if (end > start) freed += end - start;
    }
    return freed;
  }

  hasFreed(): boolean {
    return this.freedPending.length > 0;
  }

  /** A folder, extent-tree or indirect block: allocated at once (no delayed allocation), near `goal`. */
  allocMetadataBlock(goal: number): number {
    const block = this.ctx.mb.allocateMeta(goal, !this.ctx.blockMapped);
    if (block === null) throw new ModelError('ENOSPC', 'no space left on device');
    this.markExtentDirty([block, 1]);
    return block;
  }

  commit(): void {
    if (this.dirty.size === 0 && this.revokes === 0) {
      this.startMs = null;
      return;
    }
    this.journal.commit(this.dirty.size, this.revokes, this.writeRun);
    this.writeHome(this.dirty);
    for (const [first, count] of this.freedPending) this.ctx.mb.free(first, count);
    this.freedPending.length = 0;
    this.dirty.clear();
    this.revokes = 0;
    this.startMs = null;
  }

  /** Writes metadata blocks in place, in order, neighbours together (as the block layer merges them). */
  private writeHome(blocks: Iterable<number>): void {
    const sorted = this.homeOrder;
    sorted.length = 0;
    for (const block of blocks) sorted.push(block);
    // A commit usually holds a handful of blocks: sorting them in place beats sort()'s set-up.
    if (sorted.length > 32) sorted.sort((a, b) => a - b);
    else {
      for (let i = 1; i < sorted.length; i++) {
        const block = sorted[i]!;
        let j = i;
        for (; j > 0 && sorted[j - 1]! > block; j--) sorted[j] = sorted[j - 1]!;
        sorted[j] = block;
      }
    }
    let first = 0;
    let count = 0;
    for (const block of sorted) {
      if (count > 0 && first + count === block) {
        count++;
        continue;
      }
      if (count > 0) this.writeRun(first, count);
      first = block;
      count = 1;
    }
    if (count > 0) this.writeRun(first, count);
  }

  writeRuns(runs: [number, number][]): void {
    for (const [first, count] of runs) this.writeRun(first, count);
  }

  /** Writes blocks to the device; a failed write aborts the journal. */
  readonly writeRun = (first: number, count: number): void => {
    if (!this.sink.writeBlocks(first, count)) this.aborted = true;
  };

  save(): ExtFsState['transaction'] {
    return {
      dirty: [...this.dirty],
      revokes: this.revokes,
      startMs: this.startMs,
      freedPending: this.freedPending.map(([first, count]) => [first, count]),
    };
  }

  restore(state: ExtFsState['transaction']): void {
    this.dirty = new Set(state.dirty);
    this.revokes = state.revokes;
    this.startMs = state.startMs;
    this.freedPending = state.freedPending.map(([first, count]) => [first, count]);
  }
}
