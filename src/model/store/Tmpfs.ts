// A RAM filesystem (tmpfs) that counts space as the kernel's shmem does: whole 4 KiB pages of file data,
// nothing for folders, holes in sparse files free, a limit in pages (half of RAM by default), and
// everything gone at a reboot. Used for /tmp, /var/tmp, /var/cache/yum and any folder moved into RAM.
//
// Sources: tmpfs(5) — `size` is "rounded up to entire pages", and the default is `size=50%` of RAM; mm/shmem.c
// (torvalds/linux) — the default limit is `totalram_pages() / 2` pages (rounded down), a folder's st_size is
// 2 × BOGO_DIRENT_SIZE (20) plus 20 per entry and costs no pages, and a write that needs pages over the
// limit fails with ENOSPC.
//
// Simplifications, each a deliberate choice: a write that does not fit is refused whole (the kernel writes
// the pages that fit, then fails; `cp` leaves that partial file behind). The inode limit (`nr_inodes`) and
// swap are not modelled. Sizes and offsets that are not whole numbers are programming errors (ModelError);
// everything a learner can cause is an outcome.

import { ModelError } from '../errors';
import { Emitter } from '../events';
import { FileTree, linuxPathProblem, type TreeNode } from './FileTree';
import { SparseFileStore } from './SparseFileStore';
import type { PageRun } from './PageRuns';
import {
  emitSparseWrite,
  openSparseFile,
  placeSparseFile,
  planTruncate,
  readUnitRuns,
  unitsFor,
  type SparseFile,
  type SparsePlan,
} from './sparseFile';
import { joinPath, splitPath } from './paths';
import { damaged, readHeader, readWhole } from './stateReader';
import {
  emitHeard,
  emitRename,
  fail,
  ok,
  requireWhole,
  type ClearReason,
  type DirEntry,
  type FileStat,
  type StoreEvents,
  type StoreOutcome,
  type StoreResult,
  type StoreUsage,
} from './storeTypes';

/** The page size tmpfs counts in (x86 and ARM Linux: 4 KiB). */
export const PAGE_BYTES = 4096;

/** shmem's made-up directory entry size: a folder's st_size grows by this per entry. */
export const BOGO_DIRENT_BYTES = 20;

/**
 * The largest file the model holds: the largest exact JavaScript integer, 8 PiB, standing in for the
 * kernel's MAX_LFS_FILESIZE (8 EiB). A write or seek past it (`dd seek=`) is EFBIG.
 */
export const TMPFS_MAX_FILE_BYTES = Number.MAX_SAFE_INTEGER;

export const TMPFS_STATE_VERSION = 1;

export interface TmpfsOptions {
  /** The `size=` mount option, rounded up to whole pages; when absent, half of `ramBytes`. */
  sizeBytes?: number;
  /** The machine's RAM (MemTotal), for the default size. */
  ramBytes?: number;
  events?: Emitter<StoreEvents>;
}

export type TmpfsEntryState =
  { path: string; kind: 'dir' } | { path: string; kind: 'file'; sizeBytes: number; pages: PageRun[] };

export interface TmpfsState {
  kind: 'tmpfs';
  version: typeof TMPFS_STATE_VERSION;
  capacityBytes: number;
  /** Every file and folder, parents before children. */
  entries: TmpfsEntryState[];
}

type TmpfsFile = SparseFile;

type Node = TreeNode<TmpfsFile, null>;

/** The default limit: half the RAM's pages, rounded down (shmem_default_max_blocks). */
export function defaultTmpfsBytes(ramBytes: number): number {
  return Math.floor(Math.floor(ramBytes / PAGE_BYTES) / 2) * PAGE_BYTES;
}

function pagesFor(bytes: number): number {
  return unitsFor(bytes, PAGE_BYTES);
}

export class Tmpfs extends SparseFileStore {
  readonly events: Emitter<StoreEvents>;
  readonly maxFileBytes = TMPFS_MAX_FILE_BYTES;
  readonly capacityPages: number;
  private tree = new FileTree<TmpfsFile, null>(false, null);
  private usedPages = 0;

  constructor(options: TmpfsOptions) {
    super();
    this.events = options.events ?? new Emitter<StoreEvents>();
    let limitBytes: number;
    if (options.sizeBytes !== undefined) {
      requireWhole(options.sizeBytes, 'a tmpfs size');
      limitBytes = options.sizeBytes;
    } else if (options.ramBytes !== undefined) {
      requireWhole(options.ramBytes, 'the RAM size');
      limitBytes = defaultTmpfsBytes(options.ramBytes);
    } else {
      throw new ModelError('EINVAL', 'a tmpfs needs a size or the RAM size');
    }
    this.capacityPages = pagesFor(limitBytes);
    if (this.capacityPages === 0) throw new ModelError('EINVAL', 'a tmpfs must hold at least one page');
  }

  get capacityBytes(): number {
    return this.capacityPages * PAGE_BYTES;
  }

  protected get unitBytes(): number {
    return PAGE_BYTES;
  }

  get usedBytes(): number {
    return this.usedPages * PAGE_BYTES;
  }

  get freeBytes(): number {
    return this.capacityBytes - this.usedBytes;
  }

  usage(): StoreUsage {
    return { usedBytes: this.usedBytes, capacityBytes: this.capacityBytes };
  }

  /** mkdir(2); with `parents`, mkdir -p: missing folders on the way are made, an existing folder is fine. */
  mkdir(path: string, options: { parents?: boolean } = {}): StoreOutcome {
    if (options.parents) return this.tree.mkdirParents(splitPath(path), (at) => this.mkdir(at));
    const slot = this.tree.mkdirSlot(path);
    if (!slot.ok) return slot;
    slot.parent.children.set(slot.key, { kind: 'dir', name: slot.name, data: null, children: new Map() });
    emitHeard(this.events, 'folder-made', () => ({
      path: joinPath([...slot.parentNames, slot.name]),
      deltaUsedBytes: 0,
      usedBytes: this.usedBytes,
    }));
    return ok;
  }

  /** A new file of `sizeBytes` written bytes (every page held); EEXIST when the name is taken. */
  createFile(path: string, sizeBytes = 0): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    const slot = this.tree.slot(path);
    if (!slot.ok) return slot;
    if (slot.existing) return fail('EEXIST');
    return this.write(path, sizeBytes);
  }

  /** truncate(1): shrinking drops the pages past the new end, growing makes a hole; creates when missing. */
  truncate(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    return this.change(path, true, (file) => planTruncate(file, PAGE_BYTES, sizeBytes, TMPFS_MAX_FILE_BYTES));
  }

  /** rm; with `recursive`, rm -r. A folder without `recursive` is EISDIR, as rm says "Is a directory". */
  remove(path: string, options: { recursive?: boolean } = {}): StoreOutcome {
    const slot = this.tree.removeSlot(path, options.recursive ?? false);
    if (!slot.ok) return slot;
    const node = slot.existing;
    const freedPages = this.pagesBelow(node);
    slot.parent.children.delete(slot.key);
    this.usedPages -= freedPages;
    this.emitFreed(joinPath([...slot.parentNames, node.name]), freedPages);
    return ok;
  }

  /** rmdir(2): only an empty folder. */
  rmdir(path: string): StoreOutcome {
    return this.tree.rmdirRefusal(this.tree.find(path)) ?? this.remove(path, { recursive: true });
  }

  /** rename(2): moves or renames; replaces a file, or an empty folder with a folder. */
  rename(fromPath: string, toPath: string): StoreOutcome {
    const slots = this.tree.renameSlots(fromPath, toPath);
    if (!('from' in slots)) return slots;
    const { from, to, node, target } = slots;
    const freedPages = target ? this.pagesBelow(target) : 0;
    from.parent.children.delete(from.key);
    to.parent.children.delete(to.key);
    node.name = to.name;
    to.parent.children.set(to.key, node);
    this.usedPages -= freedPages;
    const newPath = joinPath([...to.parentNames, to.name]);
    const freedBytes = freedPages * PAGE_BYTES;
    const oldPath = joinPath([...from.parentNames, from.name]);
    emitRename(this.events, oldPath, newPath, 0 - freedBytes, this.usedBytes, target ? freedBytes : null);
    return ok;
  }

  stat(path: string): StoreResult<FileStat> {
    return this.tree.statOf(this.tree.find(path), (node) => this.describe(node));
  }

  /** readdir(3) in name order; ENOTDIR for a file. */
  list(path: string): StoreResult<DirEntry[]> {
    return this.tree.listOf(this.tree.find(path), (node) => this.describe(node));
  }

  /** The machine restarted: RAM forgets everything. */
  reboot(): void {
    this.empty('reboot');
  }

  /** Unmounted and mounted again (or the learner emptied it): the same as a reboot for this store. */
  clear(): void {
    this.empty('clear');
  }

  save(): TmpfsState {
    const entries: TmpfsEntryState[] = [];
    this.tree.walk((node, path) => {
      entries.push(
        node.kind === 'dir'
          ? { path, kind: 'dir' }
          : { path, kind: 'file', sizeBytes: node.data.sizeBytes, pages: node.data.pages.toJSON() },
      );
    });
    return { kind: 'tmpfs', version: TMPFS_STATE_VERSION, capacityBytes: this.capacityBytes, entries };
  }

  /** Loads a saved tmpfs, or throws a ModelError naming what is wrong with the document. */
  static restore(state: unknown, events?: Emitter<StoreEvents>): Tmpfs {
    const what = 'tmpfs';
    const doc = readHeader(state, what, 'tmpfs', TMPFS_STATE_VERSION);
    const capacityBytes = readWhole(doc.capacityBytes, what, 'capacityBytes');
    if (capacityBytes === 0 || capacityBytes % PAGE_BYTES !== 0) {
      throw damaged(what, 'capacityBytes is not a positive number of pages');
    }
    const tmpfs = new Tmpfs({ sizeBytes: capacityBytes, events });
    tmpfs.tree.restoreEntries(doc.entries, what, {
      pathProblem: linuxPathProblem,
      makeDir: (_entry, _field, name) => ({ kind: 'dir', name, data: null, children: new Map() }),
      makeFile: (entry, field, path, name) => {
        const sizeBytes = readWhole(entry.sizeBytes, what, `${field}.sizeBytes`);
        const pages = readUnitRuns(entry.pages, what, `${field}.pages`, path, pagesFor(sizeBytes));
        tmpfs.usedPages += pages.count;
        return { kind: 'file', name, data: { sizeBytes, pages } };
      },
    });
    if (tmpfs.usedPages > tmpfs.capacityPages) throw damaged(what, 'its files hold more pages than it has');
    return tmpfs;
  }

  /**
   * Runs one file change: finds or (when it would succeed) creates the file, asks `plan` how many pages
   * the change needs (negative: frees), refuses it whole with ENOSPC when they are not free, else applies.
   */
  protected change(path: string, create: boolean, plan: (file: TmpfsFile) => SparsePlan): StoreOutcome {
    const opened = openSparseFile(this.tree, path, create);
    if (!opened.ok) return opened;
    const { file } = opened;
    const before = file.pages.count;
    const planned = plan(file);
    if (planned === 'EFBIG') return fail('EFBIG');
    const { newPages, apply } = planned;
    if (newPages > 0 && this.usedPages + newPages > this.capacityPages) return fail('ENOSPC');
    apply();
    if (opened.isNew) placeSparseFile(opened);
    const delta = file.pages.count - before;
    this.usedPages += delta;
    emitSparseWrite(this.events, opened, delta, PAGE_BYTES, this.usedBytes);
    return ok;
  }

  private pagesBelow(node: Node): number {
    if (node.kind === 'file') return node.data.pages.count;
    let pages = 0;
    for (const child of node.children.values()) pages += this.pagesBelow(child);
    return pages;
  }

  private describe(node: Node): Omit<FileStat, 'path'> {
    if (node.kind === 'file') {
      return { kind: 'file', sizeBytes: node.data.sizeBytes, usedBytes: node.data.pages.count * PAGE_BYTES };
    }
    return { kind: 'dir', sizeBytes: (2 + node.children.size) * BOGO_DIRENT_BYTES, usedBytes: 0 };
  }

  private empty(reason: ClearReason): void {
    const freedPages = this.usedPages;
    this.tree = new FileTree<TmpfsFile, null>(false, null);
    this.usedPages = 0;
    emitHeard(this.events, 'cleared', () => ({ reason, freedBytes: freedPages * PAGE_BYTES, usedBytes: 0 }));
  }
}
