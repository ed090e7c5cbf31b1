// The stick's own filesystem when livecd-iso-to-disk formatted it ext4 (`--format` without `--msdos`):
// space counted as ext4 counts it, in whole blocks, with mke2fs's own structures set aside. Files hold
// blocks only where they were written, so a sparse file (2012's `dd seek=` overlay and home.img) takes
// space as it fills; folders take blocks for their entries and never shrink; every file and folder takes
// an inode; no file passes ext4's largest.
//
// Sources: the geometry (block size, blocks, s_overhead_clusters, reserved and free blocks, inodes) is
// mke2fs's for the partition (fs/geometry, checked against the real mke2fs). df (ext4_statfs) shows the
// size less the overhead, and Avail less the blocks `-m` reserves for root; root, livesys and the loop
// device writing the overlay file (a kernel thread: ext4_has_free_clusters lets it use the reserve) may
// use them, and every writer on the stick is one of these. ext4_max_size: with extents a file ends below
// 2^32 blocks. A directory entry takes EXT4_DIR_REC_LEN (8 + name, rounded up to 4) bytes; a folder's
// first block holds `.` and `..` (12 bytes each); with metadata_csum each block ends in a 12-byte tail;
// ext4 never gives a folder's blocks back.
//
// Simplifications: a write that does not fit is refused whole; entries are counted, not placed (a name
// never straddles blocks in a real folder, and htree's index blocks are not counted); extent-tree blocks
// of files with more than four extents are not counted (one per 340 extents).

import { ModelError } from '../errors';
import { Emitter } from '../events';
import { computeGeometry, parseMkfsCommand, type ExtGeometry } from '../fs/geometry';
import type { DeviceFilesystem, DeviceFilesystemState } from './DeviceFilesystem';
import { FileTree, linuxPathProblem, type DirNode, type TreeNode } from './FileTree';
import { SparseFileStore } from './SparseFileStore';
import { utf8Length } from './names';
import type { PageRun } from './PageRuns';
import { joinPath, splitPath } from './paths';
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
import { damaged, readHeader, readString, readWhole } from './stateReader';
import {
  emitHeard,
  emitRename,
  fail,
  ok,
  requireWhole,
  type DirEntry,
  type FileStat,
  type StoreEvents,
  type StoreOutcome,
  type StoreResult,
  type StoreUsage,
} from './storeTypes';

export const EXT4_DEVICE_STATE_VERSION = 1;

/** A new folder's `.` and `..` entries. */
const DOT_ENTRIES_BYTES = 24;
/** metadata_csum's tail at the end of every directory block. */
const DIR_TAIL_BYTES = 12;

export interface Ext4DeviceOptions {
  partitionBytes: number;
  /** The mkfs command that formatted it, with its device: `mkfs.ext4 -L LIVE /dev/sdb1`. */
  mkfsCommand: string;
  /** The volume label mkfs was given (`-L`), null for none. */
  label: string | null;
  events?: Emitter<StoreEvents>;
}

export type Ext4DeviceEntryState =
  | { path: string; kind: 'dir'; highWaterBlocks: number }
  | { path: string; kind: 'file'; sizeBytes: number; blocks: PageRun[] };

export interface Ext4DeviceState extends DeviceFilesystemState {
  kind: 'ext4';
  version: typeof EXT4_DEVICE_STATE_VERSION;
  partitionBytes: number;
  mkfsCommand: string;
  label: string | null;
  rootHighWaterBlocks: number;
  /** Every file and folder, parents before children (lost+found too). */
  entries: Ext4DeviceEntryState[];
}

interface Ext4Dir {
  /** Bytes of the entries it holds now, `.` and `..` included. */
  liveBytes: number;
  /** The most blocks it ever had: a folder keeps them. */
  highWaterBlocks: number;
}

type Node = TreeNode<SparseFile, Ext4Dir>;
type Dir = DirNode<SparseFile, Ext4Dir>;

/** EXT4_DIR_REC_LEN: the bytes one name takes in its folder. */
export function direntBytes(name: string): number {
  return Math.ceil((8 + utf8Length(name)) / 4) * 4;
}

function runBlocks(runs: readonly (readonly [number, number])[]): number {
  return runs.reduce((sum, [, count]) => sum + count, 0);
}

export class Ext4Device extends SparseFileStore implements DeviceFilesystem {
  readonly kind = 'ext4';
  readonly events: Emitter<StoreEvents>;
  readonly geometry: ExtGeometry;
  readonly mkfsCommand: string;
  readonly partitionBytes: number;
  readonly label: string | null;
  /** (2^32 − 1) blocks: the largest file ext4 with extents holds. */
  readonly maxFileBytes: number;
  /** Blocks mke2fs used for its own structures (superblocks, tables, the journal), not the two folders. */
  private readonly structureBlocks: number;
  /** Inodes 1 to 10 (the root folder among them), which no entry of the tree stands for. */
  private readonly reservedInodes: number;
  private readonly dirBlockBytes: number;
  private tree!: FileTree<SparseFile, Ext4Dir>;
  private usedBlocks = 0;
  private usedInodes = 0;

  constructor(options: Ext4DeviceOptions) {
    super();
    requireWhole(options.partitionBytes, 'a partition size');
    this.geometry = computeGeometry(parseMkfsCommand(options.mkfsCommand, options.partitionBytes));
    if (this.geometry.fsType !== 'ext4') throw new ModelError('EINVAL', 'the stick is formatted ext4 here');
    this.mkfsCommand = options.mkfsCommand;
    this.partitionBytes = options.partitionBytes;
    this.label = options.label;
    if (this.label !== null && utf8Length(this.label) > 16) {
      throw new ModelError('EINVAL', 'an ext4 volume label holds at most 16 bytes');
    }
    this.events = options.events ?? new Emitter<StoreEvents>();
    const g = this.geometry;
    this.maxFileBytes = (2 ** 32 - 1) * g.blockSizeBytes;
    this.dirBlockBytes = g.blockSizeBytes - (g.features.metadataCsum ? DIR_TAIL_BYTES : 0);
    this.structureBlocks =
      g.blocksCount - g.freeBlocksCount - runBlocks(g.rootDir.runs) - runBlocks(g.lostAndFound.runs);
    this.reservedInodes = g.firstInode - 1;
    this.empty();
  }

  get blockBytes(): number {
    return this.geometry.blockSizeBytes;
  }

  get allocationUnitBytes(): number {
    return this.blockBytes;
  }

  protected get unitBytes(): number {
    return this.blockBytes;
  }

  get capacityBytes(): number {
    return (this.geometry.blocksCount - this.geometry.overheadBlocks) * this.blockBytes;
  }

  get usedBytes(): number {
    return (this.usedBlocks - this.geometry.overheadBlocks) * this.blockBytes;
  }

  get freeBytes(): number {
    return this.freeBlocks * this.blockBytes;
  }

  get reservedBytes(): number {
    return this.geometry.reservedBlocksCount * this.blockBytes;
  }

  get freeBlocks(): number {
    return this.geometry.blocksCount - this.usedBlocks;
  }

  get freeInodes(): number {
    return this.geometry.inodesCount - this.usedInodes;
  }

  usage(): StoreUsage {
    return { usedBytes: this.usedBytes, capacityBytes: this.capacityBytes };
  }

  mkdir(path: string, options: { parents?: boolean } = {}): StoreOutcome {
    if (options.parents) return this.tree.mkdirParents(splitPath(path), (at) => this.mkdir(at));
    const slot = this.tree.mkdirSlot(path);
    if (!slot.ok) return slot;
    const need = this.entryGrowth(slot.parent, slot.name) + 1;
    if (need > this.freeBlocks || this.freeInodes < 1) return fail('ENOSPC');
    this.addEntry(slot.parent, slot.name);
    slot.parent.children.set(slot.key, this.newDir(slot.name, 1));
    this.usedBlocks += need;
    this.usedInodes++;
    emitHeard(this.events, 'folder-made', () => ({
      path: joinPath([...slot.parentNames, slot.name]),
      deltaUsedBytes: need * this.blockBytes,
      usedBytes: this.usedBytes,
    }));
    return ok;
  }

  createFile(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    const slot = this.tree.slot(path);
    if (slot.ok && slot.existing) return fail('EEXIST');
    return this.write(path, sizeBytes);
  }

  /** truncate(1): shrinking frees the blocks past the new end; growing makes a hole, which takes nothing. */
  resize(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    return this.change(path, false, (file) =>
      planTruncate(file, this.blockBytes, sizeBytes, this.maxFileBytes),
    );
  }

  remove(path: string, options: { recursive?: boolean } = {}): StoreOutcome {
    const slot = this.tree.removeSlot(path, options.recursive ?? false);
    if (!slot.ok) return slot;
    const node = slot.existing;
    const freed = this.blocksBelow(node);
    slot.parent.children.delete(slot.key);
    slot.parent.data.liveBytes -= direntBytes(node.name);
    this.usedBlocks -= freed;
    this.usedInodes -= this.nodesBelow(node);
    this.emitFreed(joinPath([...slot.parentNames, node.name]), freed);
    return ok;
  }

  rmdir(path: string): StoreOutcome {
    return this.tree.rmdirRefusal(this.tree.find(path)) ?? this.remove(path, { recursive: true });
  }

  rename(fromPath: string, toPath: string): StoreOutcome {
    const slots = this.tree.renameSlots(fromPath, toPath);
    if (!('from' in slots)) return slots;
    const { from, to, node, target } = slots;
    // ext4_rename adds the new name before it drops the old one; a replaced target's entry is reused.
    const growth = target ? 0 : this.entryGrowth(to.parent, to.name);
    if (growth > this.freeBlocks) return fail('ENOSPC');
    const freed = target ? this.blocksBelow(target) : 0;
    if (!target) this.addEntry(to.parent, to.name);
    else to.parent.data.liveBytes += direntBytes(to.name) - direntBytes(target.name);
    from.parent.children.delete(from.key);
    from.parent.data.liveBytes -= direntBytes(node.name);
    to.parent.children.set(to.key, node);
    const oldPath = joinPath([...from.parentNames, node.name]);
    node.name = to.name;
    this.usedBlocks += growth - freed;
    if (target) this.usedInodes -= this.nodesBelow(target);
    const newPath = joinPath([...to.parentNames, to.name]);
    const bs = this.blockBytes;
    emitRename(
      this.events,
      oldPath,
      newPath,
      (growth - freed) * bs,
      this.usedBytes,
      target ? freed * bs : null,
    );
    return ok;
  }

  stat(path: string): StoreResult<FileStat> {
    return this.tree.statOf(this.tree.find(path), (node) => this.describe(node));
  }

  list(path: string): StoreResult<DirEntry[]> {
    return this.tree.listOf(this.tree.find(path), (node) => this.describe(node));
  }

  format(): void {
    const before = this.usedBlocks;
    this.empty();
    emitHeard(this.events, 'cleared', () => ({
      reason: 'format',
      freedBytes: (before - this.usedBlocks) * this.blockBytes,
      usedBytes: this.usedBytes,
    }));
  }

  save(): Ext4DeviceState {
    const entries: Ext4DeviceEntryState[] = [];
    this.tree.walk((node, path) => {
      entries.push(
        node.kind === 'dir'
          ? { path, kind: 'dir', highWaterBlocks: node.data.highWaterBlocks }
          : { path, kind: 'file', sizeBytes: node.data.sizeBytes, blocks: node.data.pages.toJSON() },
      );
    });
    return {
      kind: 'ext4',
      version: EXT4_DEVICE_STATE_VERSION,
      partitionBytes: this.partitionBytes,
      mkfsCommand: this.mkfsCommand,
      label: this.label,
      rootHighWaterBlocks: this.tree.root.data.highWaterBlocks,
      entries,
    };
  }

  /** Loads a saved ext4 stick filesystem, or throws a ModelError naming what is wrong with the document. */
  static restore(state: unknown, events?: Emitter<StoreEvents>): Ext4Device {
    const what = 'ext4 stick filesystem';
    const doc = readHeader(state, what, 'ext4', EXT4_DEVICE_STATE_VERSION);
    const partitionBytes = readWhole(doc.partitionBytes, what, 'partitionBytes');
    const mkfsCommand = readString(doc.mkfsCommand, what, 'mkfsCommand');
    if (doc.label !== null && typeof doc.label !== 'string') throw damaged(what, 'label is not text');
    let device: Ext4Device;
    try {
      device = new Ext4Device({ partitionBytes, mkfsCommand, label: doc.label, events });
    } catch (error) {
      if (error instanceof ModelError) throw damaged(what, `mkfsCommand cannot format it (${error.message})`);
      throw error;
    }
    device.tree = new FileTree<SparseFile, Ext4Dir>(false, {
      liveBytes: DOT_ENTRIES_BYTES,
      highWaterBlocks: readWhole(doc.rootHighWaterBlocks, what, 'rootHighWaterBlocks'),
    });
    device.tree.restoreEntries(doc.entries, what, {
      pathProblem: linuxPathProblem,
      makeDir: (entry, field, name) =>
        device.newDir(name, readWhole(entry.highWaterBlocks, what, `${field}.highWaterBlocks`)),
      makeFile: (entry, field, path, name) => {
        const sizeBytes = readWhole(entry.sizeBytes, what, `${field}.sizeBytes`);
        if (sizeBytes > device.maxFileBytes) throw damaged(what, `${path} is larger than ext4 allows`);
        const blocks = unitsFor(sizeBytes, device.blockBytes);
        const pages = readUnitRuns(entry.blocks, what, `${field}.blocks`, path, blocks);
        return { kind: 'file', name, data: { sizeBytes, pages } };
      },
      placed: (parent, name) => (parent.data.liveBytes += direntBytes(name)),
    });
    device.tree.forEachDir((dir, path) => {
      if (dir.data.highWaterBlocks < device.entryBlocks(dir.data.liveBytes))
        throw damaged(what, `folder ${path} has too few blocks for its entries`);
    });
    device.usedBlocks = device.structureBlocks + device.blocksBelow(device.tree.root);
    device.usedInodes = device.reservedInodes + device.nodesBelow(device.tree.root) - 1;
    if (device.freeBlocks < 0) throw damaged(what, 'its files need more blocks than it has');
    if (device.freeInodes < 0) throw damaged(what, 'it holds more files than it has inodes');
    return device;
  }

  /** SparseFileStore's change; a new file also needs an inode and room for its name in its folder. */
  protected change(path: string, create: boolean, plan: (file: SparseFile) => SparsePlan): StoreOutcome {
    const opened = openSparseFile(this.tree, path, create);
    if (!opened.ok) return opened;
    const { file, isNew, slot } = opened;
    const planned = plan(file);
    if (planned === 'EFBIG') return fail('EFBIG');
    const growth = isNew ? this.entryGrowth(slot.parent, slot.name) : 0;
    if (planned.newPages + growth > this.freeBlocks || (isNew && this.freeInodes < 1)) return fail('ENOSPC');
    const before = file.pages.count;
    planned.apply();
    if (isNew) {
      this.addEntry(slot.parent, slot.name);
      placeSparseFile(opened);
      this.usedInodes++;
    }
    const delta = file.pages.count - before + growth;
    this.usedBlocks += delta;
    emitSparseWrite(this.events, opened, delta, this.blockBytes, this.usedBytes);
    return ok;
  }

  /** Blocks a folder of `liveBytes` of entries needs (at least one). */
  private entryBlocks(liveBytes: number): number {
    return Math.max(1, Math.ceil(liveBytes / this.dirBlockBytes));
  }

  /** The blocks a folder must grow by to hold one more name. */
  private entryGrowth(dir: Dir, name: string): number {
    return Math.max(0, this.entryBlocks(dir.data.liveBytes + direntBytes(name)) - dir.data.highWaterBlocks);
  }

  private addEntry(dir: Dir, name: string): void {
    dir.data.liveBytes += direntBytes(name);
    dir.data.highWaterBlocks = Math.max(dir.data.highWaterBlocks, this.entryBlocks(dir.data.liveBytes));
  }

  private newDir(name: string, highWaterBlocks: number): Dir {
    return {
      kind: 'dir',
      name,
      data: { liveBytes: DOT_ENTRIES_BYTES, highWaterBlocks },
      children: new Map(),
    };
  }

  /** What mke2fs leaves: the root folder and lost+found, with their blocks and inodes. */
  private empty(): void {
    this.tree = new FileTree<SparseFile, Ext4Dir>(false, {
      liveBytes: DOT_ENTRIES_BYTES,
      highWaterBlocks: runBlocks(this.geometry.rootDir.runs),
    });
    this.addEntry(this.tree.root, 'lost+found');
    this.tree.root.children.set(
      'lost+found',
      this.newDir('lost+found', runBlocks(this.geometry.lostAndFound.runs)),
    );
    this.usedBlocks = this.geometry.blocksCount - this.geometry.freeBlocksCount;
    this.usedInodes = this.geometry.inodesCount - this.geometry.freeInodesCount;
  }

  private blocksBelow(node: Node): number {
    if (node.kind === 'file') return node.data.pages.count;
    let blocks = node.data.highWaterBlocks;
    for (const child of node.children.values()) blocks += this.blocksBelow(child);
    return blocks;
  }

  /** Entries at or below a node (each an inode). */
  private nodesBelow(node: Node): number {
    if (node.kind === 'file') return 1;
    let count = 1;
    for (const child of node.children.values()) count += this.nodesBelow(child);
    return count;
  }

  private describe(node: Node): Omit<FileStat, 'path'> {
    if (node.kind === 'file') {
      return {
        kind: 'file',
        sizeBytes: node.data.sizeBytes,
        usedBytes: node.data.pages.count * this.blockBytes,
      };
    }
    const usedBytes = node.data.highWaterBlocks * this.blockBytes;
    return { kind: 'dir', sizeBytes: usedBytes, usedBytes };
  }
}
