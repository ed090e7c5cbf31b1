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

import type { BlockSink } from '../BlockSink';
import { ModelError } from '../../errors';
import { FreeBlocks } from './FreeBlocks';
import { EXT3_JOURNAL, EXT4_JOURNAL, Jbd2Journal } from './Jbd2Journal';
import { BlockMapAllocator } from './BlockMapAllocator';
import { DocumentProblem } from '../../docReader';
import { readExtFsState } from './extFsDocument';
import { EXT_FS_STATE_VERSION, inodeFromJson, inodeToJson, runsOf, type ExtFsState } from './ExtFsState';
import type { ExtLayout } from './ExtLayout';
import type { Inode } from './Inode';
import { MbAllocator, type Extent } from './MbAllocator';

/** Extents an inode holds itself (i_block); more need an extent-tree leaf block. */
const INODE_EXTENTS = 4;
/** metadata_csum's tail at the end of every directory block. */
const DIR_TAIL_BYTES = 12;
const COMMIT_INTERVAL_MS = 5000;
const DIRTY_EXPIRE_MS = 30000;
const DAY_MS = 24 * 3600 * 1000;
const ROOT_INODE = 2;

export interface ExtFsFile {
  path: string;
  sizeBytes: number;
}

export class ExtFs {
  private readonly free: FreeBlocks;
  private readonly inodeUsed: Uint8Array;
  private readonly inodes = new Map<number, Inode>();
  private readonly allocator: MbAllocator;
  /** ext3's block-mapped files are allocated at write time; ext4's extent files at writeback. */
  private readonly blockMap: BlockMapAllocator | null;
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
  /** Files with data waiting for writeback. */
  private readonly dirtyData = new Set<Inode>();
  /** Freed in the running transaction: free again once it commits. */
  private freedPending: Extent[] = [];

  constructor(
    readonly layout: ExtLayout,
    sink: BlockSink,
  ) {
    this.sink = sink;
    this.free = new FreeBlocks(layout.blocksCount);
    for (const [first, count] of layout.freeRangesAfterMkfs) this.free.setFree(first, count, true);
    this.allocator = new MbAllocator(layout, this.free);
    this.blockMap =
      layout.kind === 'ext3'
        ? new BlockMapAllocator(layout, this.allocator, (block) => {
            this.markDirty([block, ...this.bitmapAndDescriptorBlocks([block, 1])]);
            this.writeHome([block]);
          })
        : null;
    this.journal = new Jbd2Journal(
      layout.journalExtents,
      layout.blockSizeBytes,
      layout.kind === 'ext4' ? EXT4_JOURNAL : EXT3_JOURNAL,
    );
    this.inodeUsed = new Uint8Array(layout.inodesPerGroup * layout.groupCount + 1);
    this.inodeUsed.fill(1, 1, layout.firstInode + 1);
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
    return this.layout.blocksCount - this.free.freeCount - this.allocator.preallocatedBlocks();
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
    this.journalAborted = false;
    this.journal.reset();
    this.writeHome([this.layout.superblockBlock]);
  }

  umount(): void {
    this.sync();
    this.allocator.discardPreallocations();
    this.writeRuns(this.journal.markEmpty());
    this.writeHome([this.layout.superblockBlock]);
    this.mounted = false;
  }

  /** Lets simulated time pass: the journal commits every 5 s, dirty data is written back after 30 s. */
  advance(ms: number): void {
    const until = this.nowMs + ms;
    while (this.transactionStartMs !== null && this.transactionStartMs + COMMIT_INTERVAL_MS <= until) {
      this.nowMs = Math.max(this.nowMs, this.transactionStartMs + COMMIT_INTERVAL_MS);
      this.writebackExpired();
      this.commit();
    }
    this.nowMs = until;
    this.writebackExpired();
  }

  sync(): void {
    for (const inode of this.dirtyData) this.writeback(inode);
    this.commit();
  }

  mkdir(path: string): void {
    this.assertMounted();
    const [parent, name] = this.parentOf(path);
    const ino = this.allocInode(this.groupOfInode(parent.ino));
    const block = this.allocMetadataBlock(ino);
    const dir = this.newDir(ino, [block, 1]);
    this.inodes.set(ino, dir);
    this.addEntry(parent, name, ino, true);
    parent.links++;
    this.writeHome([block]);
    this.markDirty([block, this.itableBlock(ino)]);
  }

  /** `dd of=PATH` and friends: create if missing; `truncate` empties first (O_TRUNC). */
  write(path: string, bytes: number, how: 'truncate' | 'in-place' | 'append' = 'truncate'): void {
    this.assertMounted();
    const inode = this.lookup(path) ?? this.create(path);
    if (inode.dir) throw new ModelError('EINVAL', `${path} is a directory`);
    if (how === 'truncate') this.truncate(inode);
    const start = how === 'append' ? inode.sizeBytes : 0;
    const end = start + bytes;
    const block = this.layout.blockSizeBytes;
    const allocated = this.allocatedBlocks(inode);
    const firstBlock = Math.floor(start / block);
    const endBlock = Math.ceil(end / block);
    // Delayed allocation still reserves the blocks at write time: a write that cannot fit fails now.
    const available =
      this.free.freeCount + this.allocator.preallocatedBlocks() - this.delallocReserved(inode);
    if (endBlock > allocated && endBlock - allocated > available) {
      throw new ModelError('ENOSPC', 'No space left on device');
    }
    if (this.blockMap && endBlock > allocated) this.allocateMapped(inode, allocated, endBlock);
    const rewriteEnd = Math.min(endBlock, this.allocatedBlocks(inode));
    if (rewriteEnd > firstBlock) inode.rewrites.push([firstBlock, rewriteEnd - firstBlock]);
    if (endBlock > rewriteEnd) inode.delalloc ??= { fromBlock: allocated, dirtiedMs: this.nowMs };
    this.dirtyData.add(inode);
    inode.sizeBytes = Math.max(inode.sizeBytes, end);
    inode.mtimeMs = this.nowMs;
    this.markDirty([this.itableBlock(inode.ino)]);
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
    const [parent, name] = this.parentOf(path);
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
    const [fromParent, fromName] = this.parentOf(from);
    const entry = fromParent.entries!.get(fromName);
    if (!entry) throw new ModelError('EINVAL', `${from}: no such file or directory`);
    const [toParent, toName] = this.parentOf(to);
    const replaced = toParent.entries!.get(toName);
    if (replaced?.ino === entry.ino) return;
    const moving = this.inode(entry.ino);
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
      freeRuns: this.free.freeRuns(),
      usedInodeRuns: runsOf(this.inodeUsed, 1),
      inodes: [...this.inodes.values()].map(inodeToJson),
      transaction: {
        dirty: [...this.dirty],
        revokes: this.revokes,
        startMs: this.transactionStartMs,
        freedPending: this.freedPending.map(([first, count]) => [first, count]),
      },
      journal: this.journal.save(),
      allocator: this.allocator.save(),
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
    const fs = new ExtFs(checked.layout, sink);
    fs.free.setFree(0, fs.layout.blocksCount, false);
    for (const [first, count] of state.freeRuns) fs.free.setFree(first, count, true);
    fs.inodeUsed.fill(0);
    for (const [first, count] of state.usedInodeRuns) fs.inodeUsed.fill(1, first, first + count);
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
    fs.allocator.restore(state.allocator);
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

  private commit(): void {
    if (this.dirty.size === 0 && this.revokes === 0) {
      this.transactionStartMs = null;
      return;
    }
    this.writeRuns(this.journal.commit(this.dirty.size, this.revokes).blocks);
    this.writeHome([...this.dirty]);
    for (const [first, count] of this.freedPending) this.free.setFree(first, count, true);
    this.freedPending = [];
    this.dirty = new Set();
    this.revokes = 0;
    this.transactionStartMs = null;
  }

  private writeHome(blocks: number[]): void {
    const sorted = [...blocks].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const b of sorted) {
      const last = runs.at(-1);
      if (last && last[0] + last[1] === b) last[1]++;
      else runs.push([b, 1]);
    }
    this.writeRuns(runs);
  }

  private writeRuns(runs: [number, number][]): void {
    for (const [first, count] of runs) {
      if (!this.sink.writeBlocks(first, count)) this.journalAborted = true;
    }
  }

  // --- data: delayed allocation and writeback ----------------------------------------------------------

  private writebackExpired(): void {
    for (const inode of this.dirtyData) {
      if (inode.delalloc && this.nowMs - inode.delalloc.dirtiedMs >= DIRTY_EXPIRE_MS) this.writeback(inode);
    }
  }

  private writeback(inode: Inode): void {
    const block = this.layout.blockSizeBytes;
    for (const [first, count] of inode.rewrites) this.writeRuns(this.physicalRuns(inode, first, count));
    inode.rewrites = [];
    if (!inode.delalloc) {
      this.dirtyData.delete(inode);
      return;
    }
    const wanted = Math.ceil(inode.sizeBytes / block);
    const have = this.allocatedBlocks(inode);
    inode.delalloc = null;
    this.dirtyData.delete(inode);
    if (wanted <= have) return;
    const last = inode.extents.at(-1);
    const extents = this.allocator.allocate({
      count: wanted - have,
      fileBlocks: wanted,
      goalBlock: last ? last[0] + last[1] : null,
      goalGroup: this.goalGroupOf(inode),
    });
    const meta = new Set<number>([this.itableBlock(inode.ino)]);
    for (const extent of extents) {
      this.appendExtent(inode, extent);
      this.writeRuns([extent]);
      for (const b of this.bitmapAndDescriptorBlocks(extent)) meta.add(b);
    }
    if (inode.extents.length > INODE_EXTENTS) {
      inode.extentBlock ??= this.allocMetadataBlock(inode.ino);
      meta.add(inode.extentBlock);
    }
    this.markDirty([...meta]);
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

  /** ext3: blocks are allocated as they are written; closing the file gives back its unused window. */
  private allocateMapped(inode: Inode, from: number, to: number): void {
    const extents = this.blockMap!.allocate(inode, from, to, this.goalGroupOf(inode));
    const meta = new Set<number>();
    for (const extent of extents) for (const b of this.bitmapAndDescriptorBlocks(extent)) meta.add(b);
    this.markDirty([...meta]);
    if (inode.window && inode.window.count > 0) this.free.release(inode.window.physical, inode.window.count);
    inode.window = null;
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
    let logical = 0;
    for (const [physical, length] of inode.extents) {
      const from = Math.max(first, logical);
      const to = Math.min(first + count, logical + length);
      if (to > from) out.push([physical + from - logical, to - from]);
      logical += length;
    }
    return out;
  }

  private truncate(inode: Inode): void {
    if (inode.extents.length === 0 && inode.sizeBytes === 0) return;
    this.freeExtents(inode);
    inode.sizeBytes = 0;
    inode.delalloc = null;
    inode.rewrites = [];
    // O_TRUNC puts the inode on the orphan list while it shrinks: the superblock is journaled.
    this.markDirty([this.itableBlock(inode.ino), this.layout.superblockBlock]);
  }

  private freeExtents(inode: Inode): void {
    const meta = new Set<number>();
    for (const extent of inode.extents) {
      this.freedPending.push(extent);
      for (const b of this.bitmapAndDescriptorBlocks(extent)) meta.add(b);
    }
    if (inode.extentBlock !== null) {
      this.freedPending.push([inode.extentBlock, 1]);
      this.revokes++;
      inode.extentBlock = null;
    }
    for (const block of inode.mapping.values()) {
      this.freedPending.push([block, 1]);
      for (const b of this.bitmapAndDescriptorBlocks([block, 1])) meta.add(b);
      this.revokes++;
    }
    inode.mapping.clear();
    inode.extents = [];
    inode.blocks = 0;
    this.markDirty([...meta]);
  }

  // --- inodes and directories --------------------------------------------------------------------------

  private create(path: string): Inode {
    const [parent, name] = this.parentOf(path);
    const ino = this.allocInode(this.groupOfInode(parent.ino));
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
    const group = this.groupOfInode(inode.ino);
    this.inodeUsed[inode.ino] = 0;
    this.inodes.delete(inode.ino);
    this.dirtyData.delete(inode);
    this.markDirty([
      this.itableBlock(inode.ino),
      this.layout.inodeBitmapOf(group),
      this.descriptorBlock(group),
      this.layout.superblockBlock,
    ]);
  }

  private allocInode(preferredGroup: number): number {
    const ipg = this.layout.inodesPerGroup;
    for (let step = 0; step < this.layout.groupCount; step++) {
      const group = (preferredGroup + step) % this.layout.groupCount;
      const ino = this.inodeUsed.indexOf(0, group * ipg + 1);
      if (ino !== -1 && ino <= (group + 1) * ipg) {
        this.inodeUsed[ino] = 1;
        this.markDirty([this.layout.inodeBitmapOf(group), this.descriptorBlock(group)]);
        return ino;
      }
    }
    throw new ModelError('ENOSPC', 'no free inodes');
  }

  /** Directory and extent blocks are allocated at once, near the inode (no delayed allocation). */
  private allocMetadataBlock(ino: number): number {
    const goalGroup = this.goalGroupOf(this.inodes.get(ino) ?? this.blankInode(ino, true));
    const [extent] = this.allocator.allocate({ count: 1, fileBlocks: 1, goalBlock: null, goalGroup });
    if (!extent) throw new ModelError('ENOSPC', 'no space left on device');
    this.markDirty(this.bitmapAndDescriptorBlocks(extent));
    return extent[0];
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
    this.inodeUsed[ino] = 1;
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
      window: null,
    };
  }

  private addEntry(dir: Inode, name: string, ino: number, isDir: boolean): void {
    if (isDir) this.inode(ino).entries!.set('..', { ino: dir.ino, block: 0, recLen: 12 });
    const recLen = 8 + Math.ceil(name.length / 4) * 4;
    const capacity = this.layout.blockSizeBytes - DIR_TAIL_BYTES;
    let index = dir.blockFill!.findIndex((used) => used + recLen <= capacity);
    if (index < 0) {
      const block = this.allocMetadataBlock(dir.ino);
      this.appendExtent(dir, [block, 1]);
      dir.blockFill!.push(0);
      index = dir.blockFill!.length - 1;
      this.writeHome([block]);
    }
    dir.blockFill![index]! += recLen;
    dir.entries!.set(name, { ino, block: index, recLen });
    dir.mtimeMs = this.nowMs;
    this.markDirty([this.dirBlock(dir, index), this.itableBlock(dir.ino)]);
  }

  private removeEntry(dir: Inode, name: string): void {
    const entry = dir.entries!.get(name)!;
    if (this.inodes.get(entry.ino)?.dir) this.folderCache.clear();
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

  /** Folders resolve through a cache (the kernel's dcache, in effect): background writers hit the same ones. */
  private lookup(path: string): Inode | null {
    const slash = path.lastIndexOf('/');
    const folder = this.lookupFolder(path.slice(0, slash));
    const name = path.slice(slash + 1);
    if (!folder || name === '') return folder;
    const entry = folder.entries?.get(name);
    return entry ? this.inode(entry.ino) : null;
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

  private parentOf(path: string): [Inode, string] {
    const parts = path.split('/').filter(Boolean);
    const name = parts.pop();
    if (!name) throw new ModelError('EINVAL', `${path}: not a file name`);
    const parent = this.require(`/${parts.join('/')}`);
    if (!parent.dir) throw new ModelError('EINVAL', `${path}: not in a directory`);
    return [parent, name];
  }

  private inode(ino: number): Inode {
    const inode = this.inodes.get(ino);
    if (!inode) throw new Error(`inode ${ino} does not exist`);
    return inode;
  }

  // --- where metadata lives ----------------------------------------------------------------------------

  /**
   * ext4_inode_to_goal_block's group: with flex groups of four or more, the first group of the inode's flex
   * group, or the second for a regular file (so data stays out of the way of folders and metadata).
   */
  private goalGroupOf(inode: Inode): number {
    const flex = this.layout.flexGroups;
    const group = this.groupOfInode(inode.ino);
    if (flex < 4) return group;
    return Math.min((group & ~(flex - 1)) + (inode.dir ? 0 : 1), this.layout.groupCount - 1);
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

  /** The block bitmaps and group descriptors an allocation or a free in this extent changes. */
  private bitmapAndDescriptorBlocks([first, count]: Extent): number[] {
    const out: number[] = [];
    for (let g = this.groupOfBlock(first); g <= this.groupOfBlock(first + count - 1); g++) {
      out.push(this.layout.blockBitmapOf(g), this.descriptorBlock(g));
    }
    return out;
  }
}
