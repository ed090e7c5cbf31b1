// Files' data blocks: allocated at writeback (ext4's delayed allocation) or as they are written (ext3),
// written in place, and freed. When they are allocated decides where they land, and so the overlay's cost.

import { ModelError } from '../../errors';
import { branchGoal, indirectKeys } from './blockMap';
import type { ExtFsContext } from './ExtFsContext';
import { appendExtent, type Inode } from './Inode';
import type { JournalTransaction } from './JournalTransaction';
import type { Extent } from './mballoc/Mballoc';
import { inodeGoalBlock, itableBlock } from './metadataBlocks';

/** Extents an inode holds itself (i_block); more need an extent-tree leaf block. */
const INODE_EXTENTS = 4;
const DIRTY_EXPIRE_MS = 30000;
/** MAX_WRITEPAGES_EXTENT_LEN: writeback maps at most this many blocks at a time. */
const WRITEBACK_EXTENT_BLOCKS = 2048;
/** MIN_WRITEBACK_PAGES of 4 KiB: what the flusher writes of one file before turning to the next. */
const WRITEBACK_CHUNK_BYTES = 4 * 1024 * 1024;
const PAGE_BYTES = 4096;

/** How a write opens its file: emptied first (O_TRUNC), over what is there, or after it (O_APPEND). */
export type WriteMode = 'truncate' | 'in-place' | 'append';

/**
 * File data as ext4 with data=ordered writes it: allocated only at writeback (sync, or 30 s after it was
 * dirtied), then written in place. Where blocks go is mballoc's choice (./mballoc): a closed file's data
 * at writeback, an O_TRUNC rewrite's at close (auto_da_alloc), an ext3 file's block by block as it is
 * written, with its preallocation windows.
 */
export class FileData {
  /** Files with data waiting for writeback. */
  private readonly dirtyData = new Set<Inode>();
  /**
   * Files a program keeps open for writing (auditd's log): their data is allocated as an open file's, with
   * a stream preallocation that later appends take from, and only closing gives the unused part back.
   */
  private readonly openFiles = new Set<number>();

  constructor(
    private readonly ctx: ExtFsContext,
    private readonly tx: JournalTransaction,
  ) {}

  /** Free blocks, preallocated ones and those the running transaction freed included. */
  availableBlocks(): number {
    return this.ctx.mb.buddy.freeCount + this.ctx.mb.preallocatedBlocks() + this.tx.freedBlocks();
  }

  /** The data side of ExtFs.write, on the file's inode. */
  write(inode: Inode, bytes: number, how: WriteMode, keepOpen: boolean): void {
    const { layout, mb } = this.ctx;
    const emptied = how === 'truncate' && inode.sizeBytes > 0;
    if (how === 'truncate') this.truncate(inode);
    const start = how === 'append' ? inode.sizeBytes : 0;
    const end = start + bytes;
    const block = layout.blockSizeBytes;
    const allocated = inode.blocks;
    const firstBlock = Math.floor(start / block);
    const endBlock = Math.ceil(end / block);
    // Delayed allocation still reserves the blocks at write time: a write that cannot fit fails now. (The
    // buddy's free count alone, a lower bound, settles most writes without counting preallocations.)
    const needed = endBlock - allocated;
    if (needed > 0) {
      // Counting every dirty file's reservation at each write made building a base image of thousands
      // of files quadratic; the bound settles the check at once while space is plentiful.
      if (needed > mb.buddy.freeCount - this.reservedBound) {
        const reserved = this.delallocReserved(inode);
        if (needed > mb.buddy.freeCount - reserved && needed > this.availableBlocks() - reserved) {
          throw new ModelError('ENOSPC', 'No space left on device');
        }
        this.reservedBound =
          reserved + (inode.delalloc ? Math.ceil(inode.sizeBytes / block) - inode.blocks : 0);
      }
      this.reservedBound += needed;
    }
    if (this.ctx.blockMapped && endBlock > allocated) this.allocateMapped(inode, allocated, endBlock);
    const rewriteEnd = Math.min(endBlock, inode.blocks);
    if (rewriteEnd > firstBlock) inode.rewrites.push([firstBlock, rewriteEnd - firstBlock]);
    if (endBlock > rewriteEnd) inode.delalloc ??= { fromBlock: allocated, dirtiedMs: this.ctx.nowMs };
    this.dirtyData.add(inode);
    inode.sizeBytes = Math.max(inode.sizeBytes, end);
    inode.mtimeMs = this.ctx.nowMs;
    this.tx.markDirty(itableBlock(layout, inode.ino));
    if (keepOpen) {
      this.openFiles.add(inode.ino);
      return;
    }
    if (emptied && !this.ctx.blockMapped) this.writeback(inode, true);
    if (!inode.delalloc && !this.openFiles.has(inode.ino)) mb.discardInode(inode.ino);
  }

  /** ext4_release_file for a file kept open; false when it was not kept open. */
  close(inode: Inode): boolean {
    if (!this.openFiles.delete(inode.ino)) return false;
    if (!inode.delalloc) this.ctx.mb.discardInode(inode.ino);
    return true;
  }

  isKeptOpen(inode: Inode): boolean {
    return this.openFiles.has(inode.ino);
  }

  /** A new mount: no program holds a file open yet. */
  mounted(): void {
    this.openFiles.clear();
  }

  /** The inode goes away: its blocks are freed, and none of its data waits any more. */
  release(inode: Inode): void {
    this.freeBlocks(inode);
    this.dirtyData.delete(inode);
    this.openFiles.delete(inode.ino);
  }

  /** Writes back the files whose data has waited 30 s. */
  writebackExpired(): void {
    const expired: Inode[] = [];
    for (const inode of this.dirtyData) {
      if (inode.delalloc && this.ctx.nowMs - inode.delalloc.dirtiedMs >= DIRTY_EXPIRE_MS) expired.push(inode);
    }
    if (expired.length > 0) this.flush(expired);
  }

  /** sync: every file's data. */
  writebackAll(): void {
    this.flush([...this.dirtyData]);
  }

  /**
   * Writes a file's dirty data, up to `budgetBytes`: rewritten blocks in place, delayed blocks allocated
   * first, at most 2048 at a time as ext4_writepages maps them. `openForWrite`: the file is still open
   * (auto_da_alloc at close).
   */
  writeback(inode: Inode, openForWrite: boolean, budgetBytes = Infinity): void {
    const layout = this.ctx.layout;
    const open = openForWrite || this.openFiles.has(inode.ino);
    if (inode.rewrites.length > 0) {
      for (const [first, count] of inode.rewrites) this.tx.writeRuns(this.physicalRuns(inode, first, count));
      inode.rewrites = [];
    }
    const wanted = Math.ceil(inode.sizeBytes / layout.blockSizeBytes);
    const stop = Math.min(wanted, inode.blocks + budgetBytes / layout.blockSizeBytes);
    if (!inode.delalloc || stop >= wanted) {
      this.dirtyData.delete(inode);
      if (!inode.delalloc) return;
    }
    for (let logical = inode.blocks; logical < stop;) {
      const mapped = Math.min(logical + WRITEBACK_EXTENT_BLOCKS, stop);
      while (logical < mapped) {
        const extent = this.allocateData(inode, mapped - logical, wanted, open);
        appendExtent(inode, extent);
        this.tx.writeRun(extent[0], extent[1]);
        this.tx.markExtentDirty(extent);
        logical += extent[1];
      }
    }
    if (stop >= wanted) inode.delalloc = null;
    if (inode.extents.length > INODE_EXTENTS && inode.extentBlock === null) {
      inode.extentBlock = this.tx.allocMetadataBlock(inode.extents.at(-1)![0]);
    }
    this.tx.markDirty(itableBlock(layout, inode.ino));
    if (inode.extentBlock !== null) this.tx.markDirty(inode.extentBlock);
  }

  /** The files that must be written back again after a saved filesystem is loaded, and those kept open. */
  restore(inodes: Iterable<Inode>, openFiles: Iterable<number>): void {
    for (const inode of inodes) if (inode.delalloc || inode.rewrites.length > 0) this.dirtyData.add(inode);
    for (const ino of openFiles) this.openFiles.add(ino);
  }

  openFileNumbers(): number[] {
    return [...this.openFiles];
  }

  /**
   * The flusher thread: the files in the order they were dirtied, each written at most 4 MiB at a turn
   * (MIN_WRITEBACK_PAGES, what writeback_chunk_size gives a machine with little memory), round and round
   * until all is written — so a big file's second half is placed after the small files written with it.
   */
  private flush(inodes: Inode[]): void {
    let pending = inodes;
    while (pending.length > 0) {
      for (const inode of pending) this.writeback(inode, false, WRITEBACK_CHUNK_BYTES);
      pending = pending.filter((inode) => this.dirtyData.has(inode));
    }
  }

  /**
   * Blocks for an extent-mapped file's next `count` blocks: aimed after its last extent (ext4_ext_find_goal),
   * with that extent as the left neighbour normalizing may merge with.
   */
  private allocateData(inode: Inode, count: number, fileBlocks: number, openForWrite: boolean): Extent {
    const last = inode.extents.at(-1);
    const request = {
      ino: inode.ino,
      extents: true,
      logical: inode.blocks,
      count,
      goal: last ? last[0] + last[1] : inodeGoalBlock(this.ctx.layout, inode),
      fileBlocks,
      openForWrite,
      ...(last ? { left: { logical: inode.blocks - 1, physical: last[0] + last[1] - 1 } } : {}),
    };
    let extent = this.ctx.mb.allocateData(request);
    if (!extent && this.tx.hasFreed()) {
      // Blocks the running transaction freed count as free; the kernel commits to get them (ENOSPC retry).
      this.tx.commit();
      extent = this.ctx.mb.allocateData(request);
    }
    if (!extent) throw new ModelError('ENOSPC', 'No space left on device');
    return extent;
  }

  /** Blocks promised to other files' written but not yet allocated data. */
  /**
   * Never less than the blocks delayed allocation holds for all dirty files: it grows with each write and
   * is made exact whenever they are counted (writeback lowers the real figure, not this one). Unknown
   * until first counted (a restored filesystem may hold dirty files).
   */
  private reservedBound = Infinity;

  private delallocReserved(except: Inode): number {
    let blocks = 0;
    for (const inode of this.dirtyData) {
      if (inode !== except && inode.delalloc) {
        blocks += Math.ceil(inode.sizeBytes / this.ctx.layout.blockSizeBytes) - inode.blocks;
      }
    }
    return blocks;
  }

  /**
   * ext3 (block-mapped, no delayed allocation): each block is mapped as it is written (ext4_ind_map_blocks,
   * one block per buffer), its missing indirect blocks first (ext4_alloc_branch), each next to the one
   * before it, from the goal ext4_find_goal gives the first (branchGoal); the data block after the last.
   */
  private allocateMapped(inode: Inode, from: number, to: number): void {
    const blockBytes = this.ctx.layout.blockSizeBytes;
    const pointers = blockBytes / 4;
    const blocksPerPage = Math.max(1, PAGE_BYTES / blockBytes);
    const sizeBlocks = Math.ceil(inode.sizeBytes / blockBytes);
    for (let logical = from; logical < to; logical++) {
      const last = inode.extents.at(-1);
      const blockBefore = last ? last[0] + last[1] - 1 : undefined;
      let goal =
        branchGoal(logical, pointers, inode.mapping, blockBefore) ?? inodeGoalBlock(this.ctx.layout, inode);
      for (const key of indirectKeys(logical, pointers)) {
        if (inode.mapping.has(key)) continue;
        goal = this.tx.allocMetadataBlock(goal);
        inode.mapping.set(key, goal);
        this.tx.writeRun(goal, 1);
        this.tx.markDirty(goal);
      }
      // i_size grows page by page as the write goes on (generic_write_end).
      const fileBlocks = Math.max(sizeBlocks, Math.floor(logical / blocksPerPage) * blocksPerPage);
      const extent = this.ctx.mb.allocateData({
        ino: inode.ino,
        extents: false,
        logical,
        count: 1,
        goal,
        fileBlocks,
        openForWrite: true,
      });
      if (!extent) throw new ModelError('ENOSPC', 'No space left on device');
      appendExtent(inode, extent);
      this.tx.markExtentDirty(extent);
    }
  }

  /** The physical runs behind logical blocks [first, first + count). */
  private physicalRuns(inode: Inode, first: number, count: number): [number, number][] {
    const out: [number, number][] = [];
    // From the last extent back: rewrites and appends are mostly at a file's end (a log's many extents).
    let end = inode.blocks;
    for (let i = inode.extents.length - 1; i >= 0 && end > first; i--) {
      const [physical, length] = inode.extents[i]!;
      const logical = end - length;
      const from = Math.max(first, logical);
      const to = Math.min(first + count, end);
      if (to > from) out.unshift([physical + from - logical, to - from]);
      end = logical;
    }
    return out;
  }

  private truncate(inode: Inode): void {
    if (inode.extents.length === 0 && inode.sizeBytes === 0) return;
    this.freeBlocks(inode);
    inode.sizeBytes = 0;
    inode.delalloc = null;
    inode.rewrites = [];
    // O_TRUNC puts the inode on the orphan list while it shrinks: the superblock is journaled.
    this.tx.markDirty(itableBlock(this.ctx.layout, inode.ino), this.ctx.layout.superblockBlock);
  }

  /** Every block the file holds, freed with the transaction, and its preallocations given back. */
  private freeBlocks(inode: Inode): void {
    this.ctx.mb.discardInode(inode.ino);
    for (const extent of inode.extents) {
      this.tx.free(extent);
      this.tx.markExtentDirty(extent);
    }
    if (inode.extentBlock !== null) {
      this.tx.free([inode.extentBlock, 1]);
      this.tx.markExtentDirty([inode.extentBlock, 1]);
      this.tx.revoke(1);
      inode.extentBlock = null;
    }
    for (const block of inode.mapping.values()) {
      this.tx.free([block, 1]);
      this.tx.markExtentDirty([block, 1]);
      this.tx.revoke(1);
    }
    inode.mapping.clear();
    inode.extents = [];
    inode.blocks = 0;
  }
}
