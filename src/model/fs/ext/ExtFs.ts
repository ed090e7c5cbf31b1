// An ext4 filesystem at the level overlay cost needs: which blocks each operation writes, and when. It keeps
// the block and inode bitmaps, inodes with their extents, directories with their entries' blocks, a jbd2
// journal, delayed allocation and mballoc's placement; file contents are not kept. Every write lands on the
// BlockSink under it (the root snapshot, or home.img's loop file).
//
// When blocks are written, as ext4 with data=ordered does it:
// - metadata an operation changes (bitmaps, group descriptors, inode-table blocks, directory blocks, the
//   superblock for the orphan list) joins the running transaction; a commit (on sync, or 5 s after the
//   transaction began) copies it into the journal, and the blocks are then written in place;
// - file data is allocated only at writeback (sync, or 30 s after it was dirtied), then written in place;
// - blocks freed by a transaction are handed out again only after it commits.
// Where blocks go is mballoc's choice (./mballoc): a closed file's data at writeback, an O_TRUNC rewrite's at
// close (auto_da_alloc), an ext3 file's block by block as it is written, with its preallocation windows.

import type { BlockSink } from '../BlockSink';
import { ModelError } from '../../errors';
import { EXT3_JOURNAL, EXT4_JOURNAL, Jbd2Journal } from './Jbd2Journal';
import { indirectKeys } from './blockMap';
import { DocumentProblem } from '../../docReader';
import { readExtFsState } from './extFsDocument';
import { EXT_FS_STATE_VERSION, inodeFromJson, inodeToJson, type ExtFsState } from './ExtFsState';
import { InodeBitmap } from './InodeBitmap';
import { InodeTable } from './InodeTable';
import type { ExtLayout } from './ExtLayout';
import type { Inode } from './Inode';
import { Mballoc, type Extent } from './mballoc/Mballoc';
import { findGroupOrlov, findGroupOther, type GroupCounts } from './inodeGroups';

/** Extents an inode holds itself (i_block); more need an extent-tree leaf block. */
const INODE_EXTENTS = 4;
/** metadata_csum's tail at the end of every directory block. */
const DIR_TAIL_BYTES = 12;
const COMMIT_INTERVAL_MS = 5000;
const DIRTY_EXPIRE_MS = 30000;
const DAY_MS = 24 * 3600 * 1000;
const ROOT_INODE = 2;
/** MAX_WRITEPAGES_EXTENT_LEN: writeback maps at most this many blocks at a time. */
const WRITEBACK_EXTENT_BLOCKS = 2048;
/** MIN_WRITEBACK_PAGES of 4 KiB: what the flusher writes of one file before turning to the next. */
const WRITEBACK_CHUNK_BYTES = 4 * 1024 * 1024;
/** ext4's lazy-init thread starts at a random moment within 5 s of mount (EXT4_DEF_LI_MAX_START_DELAY). */
const LAZY_INIT_DELAY_MS = 2500;
const PAGE_BYTES = 4096;

/** How many split paths are remembered before the cache starts over (building a tree meets thousands). */
const PATH_CACHE_SIZE = 4096;

interface PathInFolder {
  folder: Inode;
  name: string;
}

export interface ExtFsFile {
  path: string;
  sizeBytes: number;
}

export class ExtFs {
  private readonly inodeBitmap: InodeBitmap;
  private readonly inodes: InodeTable;
  private readonly mb: Mballoc;
  /** ext3's files are block-mapped and allocated at write time; ext4's have extents, allocated at writeback. */
  private readonly blockMapped: boolean;
  readonly journal: Jbd2Journal;
  private sink: BlockSink;
  private mounted = false;
  private journalAborted = false;
  private nowMs = 0;
  /** The running transaction. */
  private dirty = new Set<number>();
  private revokes = 0;
  private transactionStartMs: number | null = null;
  /** Resolved folders by path; cleared whenever a folder's entry goes away. */
  private readonly folderCache = new Map<string, Inode>();
  /** Paths split into their folder and last name (the same few paths come back all the time). */
  private readonly pathCache = new Map<string, PathInFolder>();
  /** Files with data waiting for writeback. */
  private readonly dirtyData = new Set<Inode>();
  /** Freed in the running transaction: free again once it commits. */
  private freedPending: Extent[] = [];
  /** When the lazy-init thread reads the block bitmaps (null once it has, or when unmounted). */
  private lazyInitAtMs: number | null = null;
  private counts: GroupCounts | null = null;
  /** i_last_alloc_group of folders in the inode cache (this mount): where their last new inode went. */
  private readonly lastAllocGroup = new Map<number, number>();
  /**
   * Files a program keeps open for writing (auditd's log): their data is allocated as an open file's, with
   * a stream preallocation that later appends take from, and only closing gives the unused part back.
   */
  private readonly openFiles = new Set<number>();
  /** writeHome's scratch list (it runs at every commit). */
  private readonly homeOrder: number[] = [];

  constructor(
    readonly layout: ExtLayout,
    sink: BlockSink,
    /** The free blocks, when they are not the ones mkfs left (a saved filesystem). */
    freeRuns: Iterable<[number, number]> = layout.freeRangesAfterMkfs,
  ) {
    this.sink = sink;
    this.mb = new Mballoc({ ...layout, blockUninit: layout.blockUninitAfterMkfs }, freeRuns);
    this.blockMapped = layout.kind === 'ext3';
    this.inodes = new InodeTable(layout.inodesPerGroup, layout.groupCount);
    this.journal = new Jbd2Journal(
      layout.journalExtents,
      layout.blockSizeBytes,
      layout.kind === 'ext4' ? EXT4_JOURNAL : EXT3_JOURNAL,
    );
    this.inodeBitmap = new InodeBitmap(layout.inodesPerGroup, layout.groupCount, layout.firstInode, [
      ROOT_INODE,
      layout.firstInode,
    ]);
    this.inodes.set(ROOT_INODE, this.newDir(ROOT_INODE, [layout.rootDirBlock, 1]));
    const lostFound = this.newDir(layout.firstInode, layout.lostFoundBlocks);
    this.inodes.set(layout.firstInode, lostFound);
    this.addEntry(this.inode(ROOT_INODE), 'lost+found', layout.firstInode, false);
  }

  /** Puts the filesystem on another device (the base image built offline, then the live snapshot). */
  attach(sink: BlockSink): void {
    this.sink = sink;
  }

  get clockMs(): number {
    return this.nowMs;
  }

  /** Blocks in use, as df counts them (preallocated but unused blocks count as free). */
  usedBlocks(): number {
    return this.layout.blocksCount - this.availableBlocks();
  }

  /** Free blocks, preallocated ones and those the running transaction freed included. */
  private availableBlocks(): number {
    const pending = this.freedPending.reduce((sum, [, count]) => sum + count, 0);
    return this.mb.buddy.freeCount + this.mb.preallocatedBlocks() + pending;
  }

  /**
   * Whether ext4 gave up after a write to its device failed (an Invalid or overflowed overlay): it aborts
   * its journal and the filesystem is read-only from then on.
   */
  get aborted(): boolean {
    return this.journalAborted;
  }

  /** A file or folder, or null when there is none. */
  stat(path: string): { kind: 'file' | 'dir'; sizeBytes: number } | null {
    const inode = this.lookup(path);
    return inode ? { kind: inode.dir ? 'dir' : 'file', sizeBytes: inode.sizeBytes } : null;
  }

  /** A folder's entries (folders included), or null when `path` is not a folder. */
  readdir(path: string): { name: string; kind: 'file' | 'dir'; sizeBytes: number }[] | null {
    const dir = this.lookup(path);
    if (!dir?.dir) return null;
    return [...dir.entries!]
      .filter(([name]) => name !== '.' && name !== '..')
      .map(([name, { ino }]) => {
        const child = this.inode(ino);
        return { name, kind: child.dir ? 'dir' : 'file', sizeBytes: child.sizeBytes };
      });
  }

  mount(): void {
    this.mounted = true;
    this.openFiles.clear();
    this.journalAborted = false;
    this.journal.reset();
    this.mb.mounted(this.sink.rotational ?? false);
    this.lastAllocGroup.clear();
    this.lazyInitAtMs = this.nowMs + LAZY_INIT_DELAY_MS;
    this.writeRun(this.layout.superblockBlock, 1);
  }

  umount(): void {
    this.sync();
    this.mb.unmounted();
    this.lazyInitAtMs = null;
    this.journal.markEmpty(this.writeRun);
    this.writeRun(this.layout.superblockBlock, 1);
    this.mounted = false;
  }

  /**
   * Lets simulated time pass: the journal commits every 5 s, dirty data is written back after 30 s, and a
   * few seconds after mount the lazy-init thread reads the block bitmaps.
   */
  advance(ms: number): void {
    const until = this.nowMs + ms;
    for (;;) {
      const commitAt =
        this.transactionStartMs === null ? Infinity : this.transactionStartMs + COMMIT_INTERVAL_MS;
      const lazyInitAt = this.lazyInitAtMs ?? Infinity;
      const next = Math.min(commitAt, lazyInitAt);
      if (next > until) break;
      this.nowMs = Math.max(this.nowMs, next);
      if (lazyInitAt === next) {
        this.lazyInitAtMs = null;
        this.mb.lazyInit();
        continue;
      }
      this.writebackExpired();
      this.commit();
    }
    this.nowMs = until;
    this.writebackExpired();
  }

  sync(): void {
    this.flush([...this.dirtyData]);
    this.commit();
  }

  mkdir(path: string): void {
    this.assertMounted();
    const { folder: parent, name } = this.parentOf(path);
    const ino = this.allocInode(parent, name, true);
    const block = this.allocMetadataBlock(this.inodeGoalBlock(this.blankInode(ino, true)));
    const dir = this.newDir(ino, [block, 1]);
    this.inodes.set(ino, dir);
    this.addEntry(parent, name, ino, true);
    parent.links++;
    this.writeRun(block, 1);
    this.markDirty([block, this.itableBlock(ino)]);
  }

  /**
   * `dd of=PATH` and friends: open (create if missing; `truncate` empties first, O_TRUNC), write, close.
   * Closing a file that O_TRUNC emptied allocates its data at once, while it is still open for writing
   * (auto_da_alloc), and closing gives back its unused preallocation once no delayed data is left and no
   * one else holds it open. `keepOpen`: the writer does not close it (see `close`).
   */
  write(
    path: string,
    bytes: number,
    how: 'truncate' | 'in-place' | 'append' = 'truncate',
    keepOpen = false,
  ): void {
    this.assertMounted();
    const inode = this.lookup(path) ?? this.create(path);
    if (inode.dir) throw new ModelError('EINVAL', `${path} is a directory`);
    const emptied = how === 'truncate' && inode.sizeBytes > 0;
    if (how === 'truncate') this.truncate(inode);
    const start = how === 'append' ? inode.sizeBytes : 0;
    const end = start + bytes;
    const block = this.layout.blockSizeBytes;
    const allocated = this.allocatedBlocks(inode);
    const firstBlock = Math.floor(start / block);
    const endBlock = Math.ceil(end / block);
    // Delayed allocation still reserves the blocks at write time: a write that cannot fit fails now. (The
    // buddy's free count alone, a lower bound, settles most writes without counting preallocations.)
    const needed = endBlock - allocated;
    if (needed > 0) {
      const reserved = this.delallocReserved(inode);
      if (needed > this.mb.buddy.freeCount - reserved && needed > this.availableBlocks() - reserved) {
        throw new ModelError('ENOSPC', 'No space left on device');
      }
    }
    if (this.blockMapped && endBlock > allocated) this.allocateMapped(inode, allocated, endBlock);
    const rewriteEnd = Math.min(endBlock, this.allocatedBlocks(inode));
    if (rewriteEnd > firstBlock) inode.rewrites.push([firstBlock, rewriteEnd - firstBlock]);
    if (endBlock > rewriteEnd) inode.delalloc ??= { fromBlock: allocated, dirtiedMs: this.nowMs };
    this.dirtyData.add(inode);
    inode.sizeBytes = Math.max(inode.sizeBytes, end);
    inode.mtimeMs = this.nowMs;
    this.markDirty([this.itableBlock(inode.ino)]);
    if (keepOpen) {
      this.openFiles.add(inode.ino);
      return;
    }
    if (emptied && !this.blockMapped) this.writeback(inode, true);
    if (!inode.delalloc && !this.openFiles.has(inode.ino)) this.mb.discardInode(inode.ino);
  }

  /**
   * Closes a file a program kept open (ext4_release_file): its unused preallocation goes back once no
   * data waits for writeback.
   */
  close(path: string): void {
    // Closing needs no write, so it works on a filesystem that turned read-only too.
    if (!this.mounted) throw new ModelError('EINVAL', 'the filesystem is not mounted');
    const inode = this.require(path);
    if (!this.openFiles.delete(inode.ino)) throw new ModelError('EINVAL', `${path} is not kept open`);
    if (!inode.delalloc) this.mb.discardInode(inode.ino);
  }

  /** Whether a program keeps this file open for writing (see `write`'s `keepOpen`). */
  isKeptOpen(path: string): boolean {
    const inode = this.lookup(path);
    return inode !== null && this.openFiles.has(inode.ino);
  }

  /** Reading a file updates its access time under relatime: when atime ≤ mtime, or a day old. */
  read(path: string): void {
    this.assertMounted();
    const inode = this.require(path);
    if (inode.atimeMs <= inode.mtimeMs || this.nowMs - inode.atimeMs >= DAY_MS) {
      inode.atimeMs = this.nowMs;
      this.markDirty([this.itableBlock(inode.ino)]);
    }
  }

  /** `touch`: times set to now (or to `timeMs`), which rewrites the inode. */
  touch(path: string, timeMs?: number): void {
    this.assertMounted();
    const inode = this.lookup(path) ?? this.create(path);
    inode.atimeMs = inode.mtimeMs = timeMs ?? this.nowMs;
    this.markDirty([this.itableBlock(inode.ino)]);
  }

  rm(path: string, recursive = false): void {
    this.assertMounted();
    const { folder: parent, name } = this.parentOf(path);
    const entry = parent.entries!.get(name);
    if (!entry) throw new ModelError('EINVAL', `${path}: no such file or directory`);
    const inode = this.inode(entry.ino);
    if (inode.dir) {
      if (!recursive && inode.entries!.size > 2)
        throw new ModelError('EINVAL', `${path}: directory not empty`);
      for (const child of [...inode.entries!.keys()].filter((n) => n !== '.' && n !== '..')) {
        this.rm(`${path}/${child}`, true);
      }
      parent.links--;
    }
    this.removeEntry(parent, name);
    this.release(inode);
  }

  /** rename(2): replaces what `to` names, within the rules a real rename keeps. */
  rename(from: string, to: string): void {
    this.assertMounted();
    const { folder: fromParent, name: fromName } = this.parentOf(from);
    const entry = fromParent.entries!.get(fromName);
    if (!entry) throw new ModelError('EINVAL', `${from}: no such file or directory`);
    const { folder: toParent, name: toName } = this.parentOf(to);
    const replaced = toParent.entries!.get(toName);
    if (replaced?.ino === entry.ino) return;
    const moving = this.inode(entry.ino);
    // Renaming a file over another allocates its delayed data first (auto_da_alloc), so an update that
    // writes a new copy and renames it into place never leaves an empty file after a crash.
    if (replaced && !moving.dir && moving.delalloc) this.writeback(moving, false);
    if (moving.dir && this.isInside(toParent, moving)) {
      throw new ModelError('EINVAL', `${to}: cannot move a folder into itself`);
    }
    if (replaced) {
      const target = this.inode(replaced.ino);
      if (target.dir !== moving.dir) {
        throw new ModelError('EINVAL', `${to}: ${target.dir ? 'Is a directory' : 'Not a directory'}`);
      }
      if (target.dir && target.entries!.size > 2)
        throw new ModelError('EINVAL', `${to}: Directory not empty`);
      this.removeEntry(toParent, toName);
      this.release(target);
    }
    this.removeEntry(fromParent, fromName);
    this.addEntry(toParent, toName, entry.ino, moving.dir);
    this.markDirty([this.itableBlock(entry.ino)]);
  }

  /** Whether `dir` is `folder` or lies below it. */
  private isInside(dir: Inode, folder: Inode): boolean {
    for (let at = dir; ; at = this.inode(at.entries!.get('..')!.ino)) {
      if (at.ino === folder.ino) return true;
      if (at.ino === ROOT_INODE) return false;
    }
  }

  /** The files below `path` (for views and tests). */
  list(path = '/'): ExtFsFile[] {
    const dir = this.require(path);
    const out: ExtFsFile[] = [];
    for (const [name, { ino }] of dir.entries ?? []) {
      if (name === '.' || name === '..') continue;
      const child = this.inode(ino);
      const childPath = `${path === '/' ? '' : path}/${name}`;
      if (child.dir) out.push(...this.list(childPath));
      else out.push({ path: childPath, sizeBytes: child.sizeBytes });
    }
    return out;
  }

  /** The whole filesystem as a JSON document (see ExtFsState). */
  save(): ExtFsState {
    if (!this.layout.source)
      throw new ModelError('EINVAL', 'a filesystem without its mkfs command cannot be saved');
    return {
      version: EXT_FS_STATE_VERSION,
      layout: { ...this.layout.source },
      mounted: this.mounted,
      aborted: this.journalAborted,
      nowMs: this.nowMs,
      freeRuns: this.mb.buddy.freeRuns(),
      usedInodeRuns: this.inodeBitmap.usedRuns(),
      inodes: [...this.inodes.values()].map(inodeToJson),
      transaction: {
        dirty: [...this.dirty],
        revokes: this.revokes,
        startMs: this.transactionStartMs,
        freedPending: this.freedPending.map(([first, count]) => [first, count]),
      },
      journal: this.journal.save(),
      allocator: this.mb.save(),
      lazyInitAtMs: this.lazyInitAtMs,
      lastAllocGroups: [...this.lastAllocGroup],
      openFiles: [...this.openFiles],
    };
  }

  /** A filesystem from a saved document, on `sink`; refuses a damaged or newer document with ModelError. */
  static restore(saved: unknown, sink: BlockSink): ExtFs {
    let checked;
    try {
      checked = readExtFsState(saved, 'filesystem');
    } catch (error) {
      if (error instanceof DocumentProblem) throw new ModelError('EINVAL', `the saved ${error.message}`);
      throw error;
    }
    const state = checked.state;
    const fs = new ExtFs(checked.layout, sink, state.freeRuns);
    fs.inodeBitmap.restore(
      state.usedInodeRuns,
      state.inodes.filter((inode) => inode.dir).map((inode) => inode.ino),
    );
    fs.inodes.clear();
    for (const json of state.inodes) {
      const inode = inodeFromJson(json);
      fs.inodes.set(inode.ino, inode);
      if (inode.delalloc || inode.rewrites.length > 0) fs.dirtyData.add(inode);
    }
    fs.mounted = state.mounted;
    fs.journalAborted = state.aborted ?? false;
    fs.nowMs = state.nowMs;
    fs.dirty = new Set(state.transaction.dirty);
    fs.revokes = state.transaction.revokes;
    fs.transactionStartMs = state.transaction.startMs;
    fs.freedPending = state.transaction.freedPending.map(([first, count]) => [first, count]);
    fs.journal.restore(state.journal);
    fs.mb.restore(state.allocator);
    fs.lazyInitAtMs = state.lazyInitAtMs;
    for (const [ino, group] of state.lastAllocGroups) fs.lastAllocGroup.set(ino, group);
    for (const ino of state.openFiles) fs.openFiles.add(ino);
    return fs;
  }

  exists(path: string): boolean {
    return this.lookup(path) !== null;
  }

  private assertMounted(): void {
    if (!this.mounted) throw new ModelError('EINVAL', 'the filesystem is not mounted');
    if (this.journalAborted) throw new ModelError('EROFS', 'Read-only file system');
  }

  // --- the journal and the writes under it -------------------------------------------------------------

  private markDirty(blocks: number[]): void {
    for (const b of blocks) this.dirty.add(b);
    this.transactionStartMs ??= this.nowMs;
  }

  /** Journals the block bitmaps and group descriptors an allocation or a free in this extent changes. */
  private markExtentDirty([first, count]: Extent): void {
    for (let g = this.groupOfBlock(first); g <= this.groupOfBlock(first + count - 1); g++) {
      this.dirty.add(this.layout.blockBitmapOf(g));
      this.dirty.add(this.descriptorBlock(g));
    }
    this.transactionStartMs ??= this.nowMs;
  }

  private commit(): void {
    if (this.dirty.size === 0 && this.revokes === 0) {
      this.transactionStartMs = null;
      return;
    }
    this.journal.commit(this.dirty.size, this.revokes, this.writeRun);
    this.writeHome(this.dirty);
    for (const [first, count] of this.freedPending) this.mb.free(first, count);
    this.freedPending.length = 0;
    this.dirty.clear();
    this.revokes = 0;
    this.transactionStartMs = null;
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

  private writeRuns(runs: [number, number][]): void {
    for (const [first, count] of runs) this.writeRun(first, count);
  }

  private readonly writeRun = (first: number, count: number): void => {
    if (!this.sink.writeBlocks(first, count)) this.journalAborted = true;
  };

  // --- data: delayed allocation and writeback ----------------------------------------------------------

  private writebackExpired(): void {
    const expired: Inode[] = [];
    for (const inode of this.dirtyData) {
      if (inode.delalloc && this.nowMs - inode.delalloc.dirtiedMs >= DIRTY_EXPIRE_MS) expired.push(inode);
    }
    if (expired.length > 0) this.flush(expired);
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
   * Writes a file's dirty data, up to `budgetBytes`: rewritten blocks in place, delayed blocks allocated
   * first, at most 2048 at a time as ext4_writepages maps them. `openForWrite`: the file is still open
   * (auto_da_alloc at close).
   */
  private writeback(inode: Inode, openForWrite: boolean, budgetBytes = Infinity): void {
    const open = openForWrite || this.openFiles.has(inode.ino);
    if (inode.rewrites.length > 0) {
      for (const [first, count] of inode.rewrites) this.writeRuns(this.physicalRuns(inode, first, count));
      inode.rewrites = [];
    }
    const wanted = Math.ceil(inode.sizeBytes / this.layout.blockSizeBytes);
    const stop = Math.min(wanted, inode.blocks + budgetBytes / this.layout.blockSizeBytes);
    if (!inode.delalloc || stop >= wanted) {
      this.dirtyData.delete(inode);
      if (!inode.delalloc) return;
    }
    for (let logical = inode.blocks; logical < stop;) {
      const mapped = Math.min(logical + WRITEBACK_EXTENT_BLOCKS, stop);
      while (logical < mapped) {
        const extent = this.allocateData(inode, mapped - logical, wanted, open);
        this.appendExtent(inode, extent);
        this.writeRun(extent[0], extent[1]);
        this.markExtentDirty(extent);
        logical += extent[1];
      }
    }
    if (stop >= wanted) inode.delalloc = null;
    if (inode.extents.length > INODE_EXTENTS && inode.extentBlock === null) {
      inode.extentBlock = this.allocMetadataBlock(inode.extents.at(-1)![0]);
    }
    this.markDirty(
      inode.extentBlock === null
        ? [this.itableBlock(inode.ino)]
        : [this.itableBlock(inode.ino), inode.extentBlock],
    );
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
      goal: last ? last[0] + last[1] : this.inodeGoalBlock(inode),
      fileBlocks,
      openForWrite,
      ...(last ? { left: { logical: inode.blocks - 1, physical: last[0] + last[1] - 1 } } : {}),
    };
    let extent = this.mb.allocateData(request);
    if (!extent && this.freedPending.length > 0) {
      // Blocks the running transaction freed count as free; the kernel commits to get them (ENOSPC retry).
      this.commit();
      extent = this.mb.allocateData(request);
    }
    if (!extent) throw new ModelError('ENOSPC', 'No space left on device');
    return extent;
  }

  /** Blocks promised to other files' written but not yet allocated data. */
  private delallocReserved(except: Inode): number {
    let blocks = 0;
    for (const inode of this.dirtyData) {
      if (inode !== except && inode.delalloc) {
        blocks += Math.ceil(inode.sizeBytes / this.layout.blockSizeBytes) - this.allocatedBlocks(inode);
      }
    }
    return blocks;
  }

  /**
   * ext3 (block-mapped, no delayed allocation): each block is mapped as it is written (ext4_ind_map_blocks,
   * one block per buffer), its missing indirect blocks first (ext4_alloc_branch), near the block before it.
   */
  private allocateMapped(inode: Inode, from: number, to: number): void {
    const blockBytes = this.layout.blockSizeBytes;
    const pointers = blockBytes / 4;
    const blocksPerPage = Math.max(1, PAGE_BYTES / blockBytes);
    const sizeBlocks = Math.ceil(inode.sizeBytes / blockBytes);
    for (let logical = from; logical < to; logical++) {
      const last = inode.extents.at(-1);
      let goal = last ? last[0] + last[1] - 1 : this.inodeGoalBlock(inode);
      for (const key of indirectKeys(logical, pointers)) {
        if (inode.mapping.has(key)) continue;
        goal = this.allocMetadataBlock(goal);
        inode.mapping.set(key, goal);
        this.writeRun(goal, 1);
        this.markDirty([goal]);
      }
      // i_size grows page by page as the write goes on (generic_write_end).
      const fileBlocks = Math.max(sizeBlocks, Math.floor(logical / blocksPerPage) * blocksPerPage);
      const extent = this.mb.allocateData({
        ino: inode.ino,
        extents: false,
        logical,
        count: 1,
        goal,
        fileBlocks,
        openForWrite: true,
      });
      if (!extent) throw new ModelError('ENOSPC', 'No space left on device');
      this.appendExtent(inode, extent);
      this.markExtentDirty(extent);
    }
  }

  private appendExtent(inode: Inode, [first, count]: Extent): void {
    const last = inode.extents.at(-1);
    if (last && last[0] + last[1] === first) last[1] += count;
    else inode.extents.push([first, count]);
    inode.blocks += count;
  }

  private allocatedBlocks(inode: Inode): number {
    return inode.blocks;
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
    this.freeExtents(inode);
    this.mb.discardInode(inode.ino);
    inode.sizeBytes = 0;
    inode.delalloc = null;
    inode.rewrites = [];
    // O_TRUNC puts the inode on the orphan list while it shrinks: the superblock is journaled.
    this.markDirty([this.itableBlock(inode.ino), this.layout.superblockBlock]);
  }

  private freeExtents(inode: Inode): void {
    for (const extent of inode.extents) {
      this.freedPending.push(extent);
      this.markExtentDirty(extent);
    }
    if (inode.extentBlock !== null) {
      this.freedPending.push([inode.extentBlock, 1]);
      this.revokes++;
      inode.extentBlock = null;
    }
    for (const block of inode.mapping.values()) {
      this.freedPending.push([block, 1]);
      this.markExtentDirty([block, 1]);
      this.revokes++;
    }
    inode.mapping.clear();
    inode.extents = [];
    inode.blocks = 0;
  }

  // --- inodes and directories --------------------------------------------------------------------------

  private create(path: string): Inode {
    const { folder: parent, name } = this.parentOf(path);
    const ino = this.allocInode(parent, name, false);
    const inode: Inode = this.blankInode(ino, false);
    this.inodes.set(ino, inode);
    this.addEntry(parent, name, ino, false);
    this.markDirty([this.itableBlock(ino)]);
    return inode;
  }

  private release(inode: Inode): void {
    inode.links--;
    if (inode.links > 0 && !inode.dir) return;
    // A folder's blocks are metadata: freeing them writes revoke records into the journal.
    if (inode.dir) this.revokes += inode.blocks;
    this.freeExtents(inode);
    this.mb.discardInode(inode.ino);
    const group = this.groupOfInode(inode.ino);
    this.inodeBitmap.release(inode.ino, inode.dir);
    this.inodes.delete(inode.ino);
    this.dirtyData.delete(inode);
    this.openFiles.delete(inode.ino);
    this.markDirty([
      this.itableBlock(inode.ino),
      this.layout.inodeBitmapOf(group),
      this.descriptorBlock(group),
      this.layout.superblockBlock,
    ]);
  }

  /** __ext4_new_inode: the group (Orlov for folders), then its first free inode. */
  private allocInode(parent: Inode, name: string, dir: boolean): number {
    const counts = this.groupCounts();
    const from = {
      group: this.groupOfInode(parent.ino),
      lastAllocGroup: this.lastAllocGroup.get(parent.ino) ?? null,
      ino: parent.ino,
    };
    const seed = this.layout.hashSeed;
    const group = dir
      ? findGroupOrlov(counts, from, parent.ino === ROOT_INODE, name, seed)
      : findGroupOther(counts, from, seed);
    if (group === -1) throw new ModelError('ENOSPC', 'no free inodes');
    this.lastAllocGroup.set(parent.ino, group);
    const ino = this.inodeBitmap.firstFree(group);
    this.inodeBitmap.take(ino, dir);
    this.markDirty([this.layout.inodeBitmapOf(group), this.descriptorBlock(group)]);
    return ino;
  }

  /** What the group descriptors count, for the inode allocator (made once; it reads the live state). */
  private groupCounts(): GroupCounts {
    this.counts ??= {
      groupCount: this.layout.groupCount,
      flexSize: Math.max(1, this.layout.flexGroups),
      inodesPerGroup: this.layout.inodesPerGroup,
      blocksPerGroup: this.layout.blocksPerGroup,
      freeInodes: (g) => this.inodeBitmap.freeIn[g]!,
      freeBlocks: (g) => {
        let freed = 0;
        for (const [first, count] of this.freedPending) {
          const from = Math.max(first, this.layout.firstDataBlock + g * this.layout.blocksPerGroup);
          const to = Math.min(
            first + count,
            this.layout.firstDataBlock + (g + 1) * this.layout.blocksPerGroup,
          );
          if (to > from) freed += to - from;
        }
        return this.mb.buddy.freeIn(g) + this.mb.preallocatedIn(g) + freed;
      },
      folders: (g) => this.inodeBitmap.foldersIn[g]!,
    };
    return this.counts;
  }

  /** A folder, extent-tree or indirect block: allocated at once (no delayed allocation), near `goal`. */
  private allocMetadataBlock(goal: number): number {
    const block = this.mb.allocateMeta(goal, !this.blockMapped);
    if (block === null) throw new ModelError('ENOSPC', 'no space left on device');
    this.markExtentDirty([block, 1]);
    return block;
  }

  private newDir(ino: number, [first, count]: [number, number]): Inode {
    const dir = this.blankInode(ino, true);
    dir.extents = [[first, count]];
    dir.blocks = count;
    dir.links = 2;
    dir.entries = new Map();
    dir.blockFill = new Array<number>(count).fill(0);
    dir.blockFill[0] = 24; // "." and ".."
    dir.entries.set('.', { ino, block: 0, recLen: 12 });
    dir.entries.set('..', { ino, block: 0, recLen: 12 });
    return dir;
  }

  private blankInode(ino: number, dir: boolean): Inode {
    return {
      ino,
      dir,
      sizeBytes: 0,
      extents: [],
      blocks: 0,
      extentBlock: null,
      links: 1,
      atimeMs: this.nowMs,
      mtimeMs: this.nowMs,
      delalloc: null,
      rewrites: [],
      mapping: new Map(),
    };
  }

  private addEntry(dir: Inode, name: string, ino: number, isDir: boolean): void {
    if (isDir) this.inode(ino).entries!.set('..', { ino: dir.ino, block: 0, recLen: 12 });
    const recLen = 8 + Math.ceil(name.length / 4) * 4;
    const capacity = this.layout.blockSizeBytes - DIR_TAIL_BYTES;
    let index = dir.blockFill!.findIndex((used) => used + recLen <= capacity);
    if (index < 0) {
      const last = dir.extents.at(-1)!;
      const block = this.allocMetadataBlock(last[0] + last[1]);
      this.appendExtent(dir, [block, 1]);
      dir.blockFill!.push(0);
      index = dir.blockFill!.length - 1;
      this.writeRun(block, 1);
    }
    dir.blockFill![index]! += recLen;
    dir.entries!.set(name, { ino, block: index, recLen });
    dir.mtimeMs = this.nowMs;
    this.markDirty([this.dirBlock(dir, index), this.itableBlock(dir.ino)]);
  }

  private removeEntry(dir: Inode, name: string): void {
    const entry = dir.entries!.get(name)!;
    if (this.inodes.get(entry.ino)?.dir) {
      this.folderCache.clear();
      this.pathCache.clear();
    }
    dir.entries!.delete(name);
    dir.blockFill![entry.block]! -= entry.recLen;
    dir.mtimeMs = this.nowMs;
    this.markDirty([this.dirBlock(dir, entry.block), this.itableBlock(dir.ino)]);
  }

  /** The physical block of a directory's `index`-th block. */
  private dirBlock(dir: Inode, index: number): number {
    let left = index;
    for (const [first, count] of dir.extents) {
      if (left < count) return first + left;
      left -= count;
    }
    throw new Error(`directory ${dir.ino} has no block ${index}`);
  }

  private lookup(path: string): Inode | null {
    const split = this.splitPath(path);
    if (!split || split.name === '') return split?.folder ?? null;
    const entry = split.folder.entries?.get(split.name);
    return entry ? this.inode(entry.ino) : null;
  }

  /**
   * A path's folder (what its part before the last slash names: a file, when the path goes through one)
   * and last name. Folders resolve through caches (the kernel's dcache, in effect): background writers
   * come back to the same paths.
   */
  private splitPath(path: string): PathInFolder | null {
    const cached = this.pathCache.get(path);
    if (cached) return cached;
    const slash = path.lastIndexOf('/');
    const folder = this.lookupFolder(path.slice(0, slash));
    if (!folder) return null;
    const split = { folder, name: path.slice(slash + 1) };
    if (!folder.dir) return split;
    if (this.pathCache.size >= PATH_CACHE_SIZE) this.pathCache.clear();
    this.pathCache.set(path, split);
    return split;
  }

  private lookupFolder(path: string): Inode | null {
    const cached = this.folderCache.get(path);
    if (cached) return cached;
    let inode = this.inode(ROOT_INODE);
    for (const part of path.split('/').filter(Boolean)) {
      const entry = inode.entries?.get(part);
      if (!entry) return null;
      inode = this.inode(entry.ino);
    }
    if (inode.dir) this.folderCache.set(path, inode);
    return inode;
  }

  private require(path: string): Inode {
    const inode = this.lookup(path);
    if (!inode) throw new ModelError('EINVAL', `${path}: no such file or directory`);
    return inode;
  }

  /** The folder a new or existing entry's name goes in, and the name. */
  private parentOf(path: string): PathInFolder {
    const clean =
      path.endsWith('/') || path.includes('//') ? `/${path.split('/').filter(Boolean).join('/')}` : path;
    const split = this.splitPath(clean);
    if (split?.folder.dir && split.name !== '') return split;
    const slash = clean.lastIndexOf('/');
    if (clean.slice(slash + 1) === '') throw new ModelError('EINVAL', `${path}: not a file name`);
    if (!split) throw new ModelError('EINVAL', `${clean.slice(0, slash) || '/'}: no such file or directory`);
    throw new ModelError('EINVAL', `${path}: not in a directory`);
  }

  private inode(ino: number): Inode {
    const inode = this.inodes.get(ino);
    if (!inode) throw new Error(`inode ${ino} does not exist`);
    return inode;
  }

  // --- where metadata lives ----------------------------------------------------------------------------

  /**
   * ext4_inode_to_goal_block: the start of the inode's group — with flex groups of four or more, of the
   * first group of its flex group, or the second for a regular file (so data stays out of the way of
   * folders and metadata). Without delayed allocation the kernel adds a "colour" from the writer's process
   * id; the model leaves it out (it moves the goal within the group, and only the group is used).
   */
  private inodeGoalBlock(inode: Inode): number {
    const flex = this.layout.flexGroups;
    let group = this.groupOfInode(inode.ino);
    if (flex >= 4) group = (group & ~(flex - 1)) + (inode.dir ? 0 : 1);
    return this.layout.firstDataBlock + group * this.layout.blocksPerGroup;
  }

  private groupOfInode(ino: number): number {
    return Math.floor((ino - 1) / this.layout.inodesPerGroup);
  }

  private itableBlock(ino: number): number {
    const group = this.groupOfInode(ino);
    const index = (ino - 1) % this.layout.inodesPerGroup;
    const perBlock = this.layout.blockSizeBytes / this.layout.inodeSizeBytes;
    return this.layout.inodeTableFirstBlockOf(group) + Math.floor(index / perBlock);
  }

  private descriptorBlock(group: number): number {
    const perBlock = this.layout.blockSizeBytes / this.layout.descriptorBytes;
    return this.layout.gdtFirstBlock + Math.floor(group / perBlock);
  }

  private groupOfBlock(block: number): number {
    return Math.floor((block - this.layout.firstDataBlock) / this.layout.blocksPerGroup);
  }
}
