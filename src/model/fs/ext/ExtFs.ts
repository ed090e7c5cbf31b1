// An ext4 filesystem at the level overlay cost needs: which blocks each operation writes, and when. It keeps
// the block and inode bitmaps, inodes with their extents, directories with their entries' blocks, a jbd2
// journal, delayed allocation and mballoc's placement; file contents are not kept. Every write lands on the
// BlockSink under it (the root snapshot, or home.img's loop file).
//
// This class is the facade with the operations; the work is done by its parts, which share an ExtFsContext:
// Folders (paths and folder entries), InodeAllocator (where inodes go), FileData (delayed allocation and
// writeback) and JournalTransaction (metadata through the journal, as ext4 with data=ordered writes it).

import type { BlockSink } from '../BlockSink';
import { ModelError } from '../../errors';
import { DocumentProblem } from '../../docReader';
import { readExtFsState } from './extFsDocument';
import type { ExtFsContext } from './ExtFsContext';
import {
  EXT_FS_STATE_VERSION,
  inodeFromJson,
  inodeToJson,
  type ExtFsState,
  type FreeCounts,
} from './ExtFsState';
import type { ExtLayout } from './ExtLayout';
import { FileData, type WriteMode } from './FileData';
import { Folders } from './Folders';
import { ROOT_INODE, type Inode } from './Inode';
import { InodeAllocator } from './InodeAllocator';
import { InodeTable } from './InodeTable';
import { EXT3_JOURNAL, EXT4_JOURNAL, Jbd2Journal } from './Jbd2Journal';
import { JournalTransaction } from './JournalTransaction';
import { Mballoc } from './mballoc/Mballoc';
import { inodeGoalBlock, itableBlock } from './metadataBlocks';

const COMMIT_INTERVAL_MS = 5000;
const DAY_MS = 24 * 3600 * 1000;
/** ext4's lazy-init thread starts at a random moment within 5 s of mount (EXT4_DEF_LI_MAX_START_DELAY). */
const LAZY_INIT_DELAY_MS = 2500;

export interface ExtFsFile {
  path: string;
  sizeBytes: number;
}

export class ExtFs {
  readonly journal: Jbd2Journal;
  private readonly ctx: ExtFsContext;
  private readonly tx: JournalTransaction;
  private readonly folders: Folders;
  private readonly data: FileData;
  private readonly inodeAllocator: InodeAllocator;
  private mounted = false;
  /** When the lazy-init thread reads the block bitmaps (null once it has, or when unmounted). */
  private lazyInitAtMs: number | null = null;
  /**
   * The free counts in the superblock when they are not the bitmaps' (null: they are). ext4 counts free
   * space in memory and writes it into the superblock only at mount and unmount (ext4_commit_super), so
   * after a crash or an overflow the superblock holds the counts of the last mount until e2fsck fixes them.
   */
  private superblockFree: FreeCounts | null = null;

  constructor(
    readonly layout: ExtLayout,
    sink: BlockSink,
    /** The free blocks, when they are not the ones mkfs left (a saved filesystem). */
    freeRuns: Iterable<[number, number]> = layout.freeRangesAfterMkfs,
  ) {
    this.ctx = {
      layout,
      mb: new Mballoc({ ...layout, blockUninit: layout.blockUninitAfterMkfs }, freeRuns),
      inodes: new InodeTable(layout.inodesPerGroup, layout.groupCount),
      blockMapped: layout.kind === 'ext3',
      nowMs: 0,
    };
    this.journal = new Jbd2Journal(
      layout.journalExtents,
      layout.blockSizeBytes,
      layout.kind === 'ext4' ? EXT4_JOURNAL : EXT3_JOURNAL,
    );
    this.tx = new JournalTransaction(this.ctx, this.journal, sink);
    this.folders = new Folders(this.ctx, this.tx);
    this.data = new FileData(this.ctx, this.tx);
    this.inodeAllocator = new InodeAllocator(this.ctx, this.tx, this.data);
    const inodes = this.ctx.inodes;
    inodes.set(ROOT_INODE, this.inodeAllocator.newDir(ROOT_INODE, [layout.rootDirBlock, 1]));
    inodes.set(layout.firstInode, this.inodeAllocator.newDir(layout.firstInode, layout.lostFoundBlocks));
    this.folders.addEntry(this.folders.inode(ROOT_INODE), 'lost+found', layout.firstInode, false);
  }

  /** Puts the filesystem on another device (the base image built offline, then the live snapshot). */
  attach(sink: BlockSink): void {
    this.tx.sink = sink;
  }

  get clockMs(): number {
    return this.ctx.nowMs;
  }

  /** Blocks in use, as df counts them (preallocated but unused blocks count as free). */
  usedBlocks(): number {
    return this.layout.blocksCount - this.data.availableBlocks();
  }

  /** Free blocks and inodes as the bitmaps count them (what e2fsck's pass 5 counts). */
  freeCounts(): FreeCounts {
    return { blocks: this.layout.blocksCount - this.usedBlocks(), inodes: this.inodeAllocator.freeInodes() };
  }

  /** Free blocks and inodes as the superblock says. */
  superblockFreeCounts(): FreeCounts {
    return this.superblockFree ?? this.freeCounts();
  }

  /** e2fsck, when it may write, sets the superblock's counts to the bitmaps'. */
  fixSuperblockCounts(): void {
    this.superblockFree = null;
  }

  /**
   * Whether ext4 gave up after a write to its device failed (an Invalid or overflowed overlay): it aborts
   * its journal and the filesystem is read-only from then on.
   */
  get aborted(): boolean {
    return this.tx.aborted;
  }

  /** A file or folder, or null when there is none. */
  stat(path: string): { kind: 'file' | 'dir'; sizeBytes: number } | null {
    const inode = this.folders.lookup(path);
    return inode ? { kind: inode.dir ? 'dir' : 'file', sizeBytes: inode.sizeBytes } : null;
  }

  /** A folder's entries (folders included), or null when `path` is not a folder. */
  readdir(path: string): { name: string; kind: 'file' | 'dir'; sizeBytes: number }[] | null {
    const dir = this.folders.lookup(path);
    if (!dir?.dir) return null;
    return [...dir.entries!]
      .filter(([name]) => name !== '.' && name !== '..')
      .map(([name, { ino }]) => {
        const child = this.folders.inode(ino);
        return { name, kind: child.dir ? 'dir' : 'file', sizeBytes: child.sizeBytes };
      });
  }

  mount(): void {
    this.mounted = true;
    this.data.mounted();
    this.tx.aborted = false;
    this.journal.reset();
    this.ctx.mb.mounted(this.tx.sink.rotational ?? false);
    this.inodeAllocator.mounted();
    this.lazyInitAtMs = this.ctx.nowMs + LAZY_INIT_DELAY_MS;
    this.superblockFree = this.freeCounts();
    this.tx.writeRun(this.layout.superblockBlock, 1);
  }

  umount(): void {
    this.sync();
    this.ctx.mb.unmounted();
    this.lazyInitAtMs = null;
    this.journal.markEmpty(this.tx.writeRun);
    this.tx.writeRun(this.layout.superblockBlock, 1);
    // An aborted filesystem is read-only: its superblock keeps the counts of the mount.
    if (!this.tx.aborted) this.superblockFree = null;
    this.mounted = false;
  }

  /**
   * Lets simulated time pass: the journal commits every 5 s, dirty data is written back after 30 s, and a
   * few seconds after mount the lazy-init thread reads the block bitmaps.
   */
  advance(ms: number): void {
    const ctx = this.ctx;
    const until = ctx.nowMs + ms;
    for (;;) {
      const commitAt = this.tx.startMs === null ? Infinity : this.tx.startMs + COMMIT_INTERVAL_MS;
      const lazyInitAt = this.lazyInitAtMs ?? Infinity;
      const next = Math.min(commitAt, lazyInitAt);
      if (next > until) break;
      ctx.nowMs = Math.max(ctx.nowMs, next);
      if (lazyInitAt === next) {
        this.lazyInitAtMs = null;
        ctx.mb.lazyInit();
        continue;
      }
      this.data.writebackExpired();
      this.tx.commit();
    }
    ctx.nowMs = until;
    this.data.writebackExpired();
  }

  sync(): void {
    this.data.writebackAll();
    this.tx.commit();
  }

  mkdir(path: string): void {
    this.assertMounted();
    const { folder: parent, name } = this.folders.parentOf(path);
    const ino = this.inodeAllocator.allocate(parent, name, true);
    const goal = inodeGoalBlock(this.layout, this.inodeAllocator.blankInode(ino, true));
    const block = this.tx.allocMetadataBlock(goal);
    this.ctx.inodes.set(ino, this.inodeAllocator.newDir(ino, [block, 1]));
    this.folders.addEntry(parent, name, ino, true);
    parent.links++;
    this.tx.writeRun(block, 1);
    this.tx.markDirty(block, itableBlock(this.layout, ino));
  }

  /**
   * `dd of=PATH` and friends: open (create if missing; `truncate` empties first, O_TRUNC), write, close.
   * Closing a file that O_TRUNC emptied allocates its data at once, while it is still open for writing
   * (auto_da_alloc), and closing gives back its unused preallocation once no delayed data is left and no
   * one else holds it open. `keepOpen`: the writer does not close it (see `close`).
   */
  write(path: string, bytes: number, how: WriteMode = 'truncate', keepOpen = false): void {
    this.assertMounted();
    const inode = this.folders.lookup(path) ?? this.create(path);
    if (inode.dir) throw new ModelError('EINVAL', `${path} is a directory`);
    this.data.write(inode, bytes, how, keepOpen);
  }

  /**
   * Closes a file a program kept open (ext4_release_file): its unused preallocation goes back once no
   * data waits for writeback.
   */
  close(path: string): void {
    // Closing needs no write, so it works on a filesystem that turned read-only too.
    if (!this.mounted) throw new ModelError('EINVAL', 'the filesystem is not mounted');
    const inode = this.folders.require(path);
    if (!this.data.close(inode)) throw new ModelError('EINVAL', `${path} is not kept open`);
  }

  /** Whether a program keeps this file open for writing (see `write`'s `keepOpen`). */
  isKeptOpen(path: string): boolean {
    const inode = this.folders.lookup(path);
    return inode !== null && this.data.isKeptOpen(inode);
  }

  /** Reading a file updates its access time under relatime: when atime ≤ mtime, or a day old. */
  read(path: string): void {
    this.assertMounted();
    const inode = this.folders.require(path);
    const nowMs = this.ctx.nowMs;
    if (inode.atimeMs <= inode.mtimeMs || nowMs - inode.atimeMs >= DAY_MS) {
      inode.atimeMs = nowMs;
      this.tx.markDirty(itableBlock(this.layout, inode.ino));
    }
  }

  /** `touch`: times set to now (or to `timeMs`), which rewrites the inode. */
  touch(path: string, timeMs?: number): void {
    this.assertMounted();
    const inode = this.folders.lookup(path) ?? this.create(path);
    inode.atimeMs = inode.mtimeMs = timeMs ?? this.ctx.nowMs;
    this.tx.markDirty(itableBlock(this.layout, inode.ino));
  }

  rm(path: string, recursive = false): void {
    this.assertMounted();
    const { folder: parent, name } = this.folders.parentOf(path);
    const entry = parent.entries!.get(name);
    if (!entry) throw new ModelError('EINVAL', `${path}: no such file or directory`);
    const inode = this.folders.inode(entry.ino);
    if (inode.dir) {
      if (!recursive && inode.entries!.size > 2)
        throw new ModelError('EINVAL', `${path}: directory not empty`);
      for (const child of [...inode.entries!.keys()].filter((n) => n !== '.' && n !== '..')) {
        this.rm(`${path}/${child}`, true);
      }
      parent.links--;
    }
    this.folders.removeEntry(parent, name);
    this.inodeAllocator.release(inode);
  }

  /** rename(2): replaces what `to` names, within the rules a real rename keeps. */
  rename(from: string, to: string): void {
    this.assertMounted();
    const { folder: fromParent, name: fromName } = this.folders.parentOf(from);
    const entry = fromParent.entries!.get(fromName);
    if (!entry) throw new ModelError('EINVAL', `${from}: no such file or directory`);
    const { folder: toParent, name: toName } = this.folders.parentOf(to);
    const replaced = toParent.entries!.get(toName);
    if (replaced?.ino === entry.ino) return;
    const moving = this.folders.inode(entry.ino);
    // Renaming a file over another allocates its delayed data first (auto_da_alloc), so an update that
    // writes a new copy and renames it into place never leaves an empty file after a crash.
    if (replaced && !moving.dir && moving.delalloc) this.data.writeback(moving, false);
    if (moving.dir && this.folders.isInside(toParent, moving)) {
      throw new ModelError('EINVAL', `${to}: cannot move a folder into itself`);
    }
    if (replaced) {
      const target = this.folders.inode(replaced.ino);
      if (target.dir !== moving.dir) {
        throw new ModelError('EINVAL', `${to}: ${target.dir ? 'Is a directory' : 'Not a directory'}`);
      }
      if (target.dir && target.entries!.size > 2)
        throw new ModelError('EINVAL', `${to}: Directory not empty`);
      this.folders.removeEntry(toParent, toName);
      this.inodeAllocator.release(target);
    }
    this.folders.removeEntry(fromParent, fromName);
    this.folders.addEntry(toParent, toName, entry.ino, moving.dir);
    this.tx.markDirty(itableBlock(this.layout, entry.ino));
  }

  /** The files below `path` (for views and tests). */
  list(path = '/'): ExtFsFile[] {
    const dir = this.folders.require(path);
    const out: ExtFsFile[] = [];
    for (const [name, { ino }] of dir.entries ?? []) {
      if (name === '.' || name === '..') continue;
      const child = this.folders.inode(ino);
      const childPath = `${path === '/' ? '' : path}/${name}`;
      if (child.dir) out.push(...this.list(childPath));
      else out.push({ path: childPath, sizeBytes: child.sizeBytes });
    }
    return out;
  }

  /**
   * Blocks that are metadata although the allocator hands them out like data: folders' blocks, extent-tree
   * leaves and ext3's indirect blocks (for views that tell metadata from file contents).
   */
  forEachIndexBlock(visit: (first: number, count: number) => void): void {
    for (const inode of this.ctx.inodes.values()) {
      if (inode.dir) for (const [first, count] of inode.extents) visit(first, count);
      if (inode.extentBlock !== null) visit(inode.extentBlock, 1);
      for (const block of inode.mapping.values()) visit(block, 1);
    }
  }

  exists(path: string): boolean {
    return this.folders.lookup(path) !== null;
  }

  /** The whole filesystem as a JSON document (see ExtFsState). */
  save(): ExtFsState {
    if (!this.layout.source)
      throw new ModelError('EINVAL', 'a filesystem without its mkfs command cannot be saved');
    return {
      version: EXT_FS_STATE_VERSION,
      layout: { ...this.layout.source },
      mounted: this.mounted,
      aborted: this.tx.aborted,
      nowMs: this.ctx.nowMs,
      freeRuns: this.ctx.mb.buddy.freeRuns(),
      usedInodeRuns: this.inodeAllocator.usedRuns(),
      inodes: [...this.ctx.inodes.values()].map(inodeToJson),
      transaction: this.tx.save(),
      journal: this.journal.save(),
      allocator: this.ctx.mb.save(),
      lazyInitAtMs: this.lazyInitAtMs,
      lastAllocGroups: this.inodeAllocator.lastAllocGroups(),
      openFiles: this.data.openFileNumbers(),
      ...(this.superblockFree ? { superblockFree: { ...this.superblockFree } } : {}),
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
    fs.inodeAllocator.restore(
      state.usedInodeRuns,
      state.inodes.filter((inode) => inode.dir).map((inode) => inode.ino),
      state.lastAllocGroups,
    );
    const inodes = state.inodes.map(inodeFromJson);
    fs.ctx.inodes.clear();
    for (const inode of inodes) fs.ctx.inodes.set(inode.ino, inode);
    fs.data.restore(inodes, state.openFiles);
    fs.mounted = state.mounted;
    fs.tx.aborted = state.aborted ?? false;
    fs.ctx.nowMs = state.nowMs;
    fs.tx.restore(state.transaction);
    fs.journal.restore(state.journal);
    fs.ctx.mb.restore(state.allocator);
    fs.lazyInitAtMs = state.lazyInitAtMs;
    fs.superblockFree = state.superblockFree ?? null;
    return fs;
  }

  /** A new file's inode, entered in its folder. */
  private create(path: string): Inode {
    const { folder: parent, name } = this.folders.parentOf(path);
    const ino = this.inodeAllocator.allocate(parent, name, false);
    const inode = this.inodeAllocator.blankInode(ino, false);
    this.ctx.inodes.set(ino, inode);
    this.folders.addEntry(parent, name, ino, false);
    this.tx.markDirty(itableBlock(this.layout, ino));
    return inode;
  }

  private assertMounted(): void {
    if (!this.mounted) throw new ModelError('EINVAL', 'the filesystem is not mounted');
    if (this.tx.aborted) throw new ModelError('EROFS', 'Read-only file system');
  }
}
