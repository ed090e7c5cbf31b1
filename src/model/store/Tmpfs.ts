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
import { isWholeNumber } from '../units';
import { FileTree, type TreeNode } from './FileTree';
import { checkLinuxName } from './names';
import { PageRuns, type PageRun } from './PageRuns';
import { joinPath, splitPath } from './paths';
import { damaged, readArray, readHeader, readRecord, readString, readWhole } from './stateReader';
import {
  fail,
  ok,
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

interface TmpfsFile {
  sizeBytes: number;
  pages: PageRuns;
}

type Node = TreeNode<TmpfsFile, null>;

/** What a file change would take (negative: free), and how to make it; or EFBIG past the largest file. */
type Plan = { newPages: number; apply: () => void } | 'EFBIG';

/** The default limit: half the RAM's pages, rounded down (shmem_default_max_blocks). */
export function defaultTmpfsBytes(ramBytes: number): number {
  return Math.floor(Math.floor(ramBytes / PAGE_BYTES) / 2) * PAGE_BYTES;
}

function requireWhole(value: number, what: string): void {
  if (!isWholeNumber(value)) throw new ModelError('EINVAL', `${what} must be a whole number of bytes`);
}

function pagesFor(bytes: number): number {
  return Math.ceil(bytes / PAGE_BYTES);
}

export class Tmpfs {
  readonly events: Emitter<StoreEvents>;
  readonly capacityPages: number;
  private tree = new FileTree<TmpfsFile, null>(false, null);
  private usedPages = 0;

  constructor(options: TmpfsOptions) {
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
    if (options.parents) {
      const names = splitPath(path);
      let at = '';
      for (const [index, name] of names.entries()) {
        at += `/${name}`;
        const found = this.tree.find(at);
        if (found.ok) {
          if (found.node.kind !== 'dir') return fail(index === names.length - 1 ? 'EEXIST' : 'ENOTDIR');
          continue;
        }
        const made = this.mkdir(at);
        if (!made.ok) return made;
      }
      return ok;
    }
    const slot = this.tree.slot(path);
    if (!slot.ok) return slot.error === 'EINVAL' ? fail('EEXIST') : slot;
    if (slot.existing) return fail('EEXIST');
    const bad = checkLinuxName(slot.name);
    if (bad) return bad;
    slot.parent.children.set(slot.key, { kind: 'dir', name: slot.name, data: null, children: new Map() });
    if (this.events.wants('folder-made')) {
      this.events.emit('folder-made', {
        path: joinPath([...slot.parentNames, slot.name]),
        deltaUsedBytes: 0,
        usedBytes: this.usedBytes,
      });
    }
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

  /** `> file`: creates or empties the file, then writes `sizeBytes` bytes. */
  write(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    return this.change(path, (file) => {
      const pages = pagesFor(sizeBytes);
      return {
        newPages: pages - file.pages.count,
        apply: () => {
          file.pages.dropFrom(0);
          file.pages.add(0, pages);
          file.sizeBytes = sizeBytes;
        },
      };
    });
  }

  /** `>> file`: writes `bytes` more at the end; creates the file when missing. */
  append(path: string, bytes: number): StoreOutcome {
    requireWhole(bytes, 'an append');
    return this.change(path, (file) => this.writeRange(file, file.sizeBytes, bytes));
  }

  /** `dd seek= conv=notrunc`: writes `lengthBytes` at `offsetBytes`; a gap before it stays a hole. */
  writeAt(path: string, offsetBytes: number, lengthBytes: number): StoreOutcome {
    requireWhole(offsetBytes, 'an offset');
    requireWhole(lengthBytes, 'a length');
    return this.change(path, (file) => this.writeRange(file, offsetBytes, lengthBytes));
  }

  /** truncate(1): shrinking drops the pages past the new end, growing makes a hole; creates when missing. */
  truncate(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    return this.change(path, (file) => {
      const keep = pagesFor(sizeBytes);
      const heldBelow = keep - file.pages.missing(0, keep);
      return {
        newPages: heldBelow - file.pages.count,
        apply: () => {
          file.pages.dropFrom(keep);
          file.sizeBytes = sizeBytes;
        },
      };
    });
  }

  /** rm; with `recursive`, rm -r. A folder without `recursive` is EISDIR, as rm says "Is a directory". */
  remove(path: string, options: { recursive?: boolean } = {}): StoreOutcome {
    const slot = this.tree.slot(path);
    if (!slot.ok) return slot;
    const node = slot.existing;
    if (!node) return fail('ENOENT');
    if (node.kind === 'dir' && !options.recursive) return fail('EISDIR');
    const freedPages = this.pagesBelow(node);
    slot.parent.children.delete(slot.key);
    this.usedPages -= freedPages;
    this.emitFreed(joinPath([...slot.parentNames, node.name]), freedPages);
    return ok;
  }

  /** rmdir(2): only an empty folder. */
  rmdir(path: string): StoreOutcome {
    const slot = this.tree.slot(path);
    if (!slot.ok) return slot;
    const node = slot.existing;
    if (!node) return fail('ENOENT');
    if (node.kind !== 'dir') return fail('ENOTDIR');
    if (node.children.size > 0) return fail('ENOTEMPTY');
    return this.remove(path, { recursive: true });
  }

  /** rename(2): moves or renames; replaces a file, or an empty folder with a folder. */
  rename(fromPath: string, toPath: string): StoreOutcome {
    const from = this.tree.slot(fromPath);
    if (!from.ok) return from;
    const node = from.existing;
    if (!node) return fail('ENOENT');
    const to = this.tree.slot(toPath);
    if (!to.ok) return to;
    const bad = checkLinuxName(to.name);
    if (bad) return bad;
    const target = to.existing;
    if (target === node) return ok;
    if (node.kind === 'dir' && this.tree.contains(node, to.parent)) return fail('EINVAL');
    let freedPages = 0;
    if (target) {
      if (node.kind === 'file' && target.kind === 'dir') return fail('EISDIR');
      if (node.kind === 'dir' && target.kind === 'file') return fail('ENOTDIR');
      if (target.kind === 'dir' && target.children.size > 0) return fail('ENOTEMPTY');
      freedPages = this.pagesBelow(target);
    }
    from.parent.children.delete(from.key);
    to.parent.children.delete(to.key);
    node.name = to.name;
    to.parent.children.set(to.key, node);
    this.usedPages -= freedPages;
    const newPath = joinPath([...to.parentNames, to.name]);
    if (target) this.emitFreed(newPath, freedPages);
    if (this.events.wants('renamed')) {
      this.events.emit('renamed', {
        fromPath: joinPath([...from.parentNames, from.name]),
        toPath: newPath,
        deltaUsedBytes: (0 - freedPages) * PAGE_BYTES,
        usedBytes: this.usedBytes,
      });
    }
    return ok;
  }

  stat(path: string): StoreResult<FileStat> {
    const found = this.tree.find(path);
    if (!found.ok) return found;
    return { ok: true, value: { path: found.path, ...this.describe(found.node) } };
  }

  /** readdir(3) in name order; ENOTDIR for a file. */
  list(path: string): StoreResult<DirEntry[]> {
    const found = this.tree.find(path);
    if (!found.ok) return found;
    if (found.node.kind !== 'dir') return fail('ENOTDIR');
    return {
      ok: true,
      value: this.tree.entries(found.node).map((node) => ({ name: node.name, ...this.describe(node) })),
    };
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
    const entries = readArray(doc.entries, what, 'entries');
    entries.forEach((raw, index) => {
      const field = `entries[${String(index)}]`;
      const entry = readRecord(raw, what, field);
      const path = readString(entry.path, what, `${field}.path`);
      const names = splitPath(path);
      if (names.length === 0 || joinPath(names) !== path)
        throw damaged(what, `${field}.path is not a plain path`);
      const slot = tmpfs.tree.slot(path);
      if (!slot.ok) throw damaged(what, `${path} comes before its folder`);
      if (slot.existing) throw damaged(what, `${path} appears twice`);
      if (checkLinuxName(slot.name)) throw damaged(what, `${path} has a name Linux refuses`);
      let node: Node;
      if (entry.kind === 'dir') {
        node = { kind: 'dir', name: slot.name, data: null, children: new Map() };
      } else if (entry.kind === 'file') {
        const sizeBytes = readWhole(entry.sizeBytes, what, `${field}.sizeBytes`);
        const runs = readArray(entry.pages, what, `${field}.pages`).map((run, r) => {
          const pair = readArray(run, what, `${field}.pages[${String(r)}]`);
          if (pair.length !== 2) throw damaged(what, `${field}.pages[${String(r)}] is not a run`);
          return [readWhole(pair[0], what, `${field}.pages`), readWhole(pair[1], what, `${field}.pages`)];
        });
        let end = 0;
        for (const [start, count] of runs) {
          if (count === 0 || start < end) throw damaged(what, `${path} has page runs out of order`);
          end = start + count;
        }
        if (end > pagesFor(sizeBytes)) throw damaged(what, `${path} holds pages past its end`);
        const pages = PageRuns.fromRuns(runs as PageRun[]);
        tmpfs.usedPages += pages.count;
        node = { kind: 'file', name: slot.name, data: { sizeBytes, pages } };
      } else {
        throw damaged(what, `${field}.kind is neither a file nor a folder`);
      }
      slot.parent.children.set(slot.key, node);
    });
    if (tmpfs.usedPages > tmpfs.capacityPages) throw damaged(what, 'its files hold more pages than it has');
    return tmpfs;
  }

  /**
   * Runs one file change: finds or (when it would succeed) creates the file, asks `plan` how many pages
   * the change needs (negative: frees), refuses it whole with ENOSPC when they are not free, else applies.
   */
  private change(path: string, plan: (file: TmpfsFile) => Plan): StoreOutcome {
    const slot = this.tree.slot(path);
    if (!slot.ok) return slot.error === 'EINVAL' ? fail('EISDIR') : slot;
    const existing = slot.existing;
    if (existing?.kind === 'dir') return fail('EISDIR');
    if (!existing) {
      const bad = checkLinuxName(slot.name);
      if (bad) return bad;
    }
    const file: TmpfsFile = existing ? existing.data : { sizeBytes: 0, pages: new PageRuns() };
    const before = file.pages.count;
    const planned = plan(file);
    if (planned === 'EFBIG') return fail('EFBIG');
    const { newPages, apply } = planned;
    if (newPages > 0 && this.usedPages + newPages > this.capacityPages) return fail('ENOSPC');
    apply();
    if (!existing) slot.parent.children.set(slot.key, { kind: 'file', name: slot.name, data: file });
    const delta = file.pages.count - before;
    this.usedPages += delta;
    if (this.events.wants('file-written')) {
      this.events.emit('file-written', {
        path: joinPath([...slot.parentNames, slot.name]),
        sizeBytes: file.sizeBytes,
        fileUsedBytes: file.pages.count * PAGE_BYTES,
        deltaUsedBytes: delta * PAGE_BYTES,
        usedBytes: this.usedBytes,
      });
    }
    return ok;
  }

  private writeRange(file: TmpfsFile, offsetBytes: number, lengthBytes: number): Plan {
    if (offsetBytes + lengthBytes > TMPFS_MAX_FILE_BYTES) return 'EFBIG';
    if (lengthBytes === 0) return { newPages: 0, apply: () => undefined };
    const first = Math.floor(offsetBytes / PAGE_BYTES);
    const count = pagesFor(offsetBytes + lengthBytes) - first;
    return {
      newPages: file.pages.missing(first, count),
      apply: () => {
        file.pages.add(first, count);
        file.sizeBytes = Math.max(file.sizeBytes, offsetBytes + lengthBytes);
      },
    };
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

  private emitFreed(path: string, freedPages: number): void {
    if (this.events.wants('freed')) {
      this.events.emit('freed', { path, freedBytes: freedPages * PAGE_BYTES, usedBytes: this.usedBytes });
    }
  }

  private empty(reason: ClearReason): void {
    const freedPages = this.usedPages;
    this.tree = new FileTree<TmpfsFile, null>(false, null);
    this.usedPages = 0;
    if (this.events.wants('cleared')) {
      this.events.emit('cleared', { reason, freedBytes: freedPages * PAGE_BYTES, usedBytes: 0 });
    }
  }
}
