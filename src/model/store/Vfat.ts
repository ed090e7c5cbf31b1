// The stick's own FAT filesystem as mkfs.fat made it (fatGeometry.ts) and Linux vfat fills it: every file
// takes whole clusters — ceil(size / cluster), none for an empty file, no holes — folders take clusters for
// their 32-byte entry slots, and no file passes 4 GiB − 1 byte.
//
// Sources: Linux fs/fat/inode.c — `sb->s_maxbytes = 0xffffffff`, so a write or truncate past it is EFBIG;
// fat_statfs() reports the data clusters as the size and the free clusters as free, so a new FAT32
// filesystem shows its one root-directory cluster as used; fs/fat/dir.c — a folder starts with one
// cluster holding `.` and `..`, grows by a cluster when its slots run out (fat_add_new_entries) and never
// shrinks; a deleted entry's slots are marked free for reuse; the FAT12/16 root directory is the fixed
// area mkfs.fat made, and a full one is ENOSPC. The volume label mkfs.fat writes (`-n LIVE`) takes one
// root slot.
//
// Simplifications: a folder's slots are counted, not placed — the model assumes freed slots are always
// found again, where vfat needs a run of adjacent free slots for a long name. A write that does not fit
// is refused whole (the kernel writes what fits first). Sizes that are not whole numbers are programming
// errors (ModelError).

import { ModelError } from '../errors';
import { Emitter } from '../events';
import type { DeviceFilesystem, DeviceFilesystemState } from './DeviceFilesystem';
import { fatGeometry, type FatGeometry, type FatRules } from './fatGeometry';
import { FileTree, renameRefusal, type DirNode, type TreeNode } from './FileTree';
import { joinPath, splitPath } from './paths';
import { damaged, readHeader, readWhole } from './stateReader';
import {
  emitHeard,
  emitRename,
  fail,
  ok,
  requireWhole,
  type DirEntry,
  type FileStat,
  type StoreEvents,
  type StoreFailure,
  type StoreOutcome,
  type StoreResult,
  type StoreUsage,
} from './storeTypes';
import { DIR_ENTRY_BYTES, directorySlots, vfatName } from './vfatNames';

/** 4 GiB − 1 byte: FAT keeps a file's size in 32 bits. */
export const FAT_MAX_FILE_BYTES = 0xffffffff;

/** The folder a LiveOS stick keeps its images in. */
export const LIVEOS_DIR = '/LiveOS';

export const VFAT_STATE_VERSION = 1;

export interface VfatOptions {
  partitionBytes: number;
  /** Which mkfs.fat formatted it (fatRulesForEra); today's by default. */
  rules?: FatRules;
  /** The volume label (`mkfs.fat -n`); livecd-iso-to-disk writes LIVE. `null` for none. */
  label?: string | null;
  events?: Emitter<StoreEvents>;
}

export type VfatEntryState =
  { path: string; kind: 'dir'; highWaterSlots: number } | { path: string; kind: 'file'; sizeBytes: number };

export interface VfatState extends DeviceFilesystemState {
  kind: 'vfat';
  version: typeof VFAT_STATE_VERSION;
  partitionBytes: number;
  rules: FatRules;
  label: string | null;
  rootHighWaterSlots: number;
  /** Every file and folder, parents before children. */
  entries: VfatEntryState[];
}

interface VfatFile {
  sizeBytes: number;
}

interface VfatDir {
  /** Slots in use: `.` and `..` in a subfolder, the label in the root, and each entry's name. */
  liveSlots: number;
  /** The most slots ever in use: the folder's clusters are sized for these and never given back. */
  highWaterSlots: number;
}

type Node = TreeNode<VfatFile, VfatDir>;
type Dir = DirNode<VfatFile, VfatDir>;

export class Vfat implements DeviceFilesystem {
  readonly kind = 'vfat';
  readonly maxFileBytes = FAT_MAX_FILE_BYTES;
  readonly events: Emitter<StoreEvents>;
  readonly geometry: FatGeometry;
  readonly label: string | null;
  private tree: FileTree<VfatFile, VfatDir>;
  private usedClusters = 0;

  constructor(options: VfatOptions) {
    requireWhole(options.partitionBytes, 'a partition size');
    const made = fatGeometry(options.partitionBytes, options.rules);
    if (!made.ok) throw new ModelError('EINVAL', `mkfs.fat cannot format this partition: ${made.message}`);
    this.geometry = made.geometry;
    this.label = options.label === undefined ? 'LIVE' : options.label;
    if (this.label !== null && this.label.length > 11) {
      throw new ModelError('EINVAL', 'a FAT volume label holds at most 11 characters');
    }
    this.events = options.events ?? new Emitter<StoreEvents>();
    this.tree = this.emptyTree();
    this.usedClusters = this.dirClusters(this.tree.root);
  }

  get clusterBytes(): number {
    return this.geometry.clusterBytes;
  }

  get allocationUnitBytes(): number {
    return this.clusterBytes;
  }

  get capacityBytes(): number {
    return this.geometry.clusterCount * this.clusterBytes;
  }

  get usedBytes(): number {
    return this.usedClusters * this.clusterBytes;
  }

  get freeBytes(): number {
    return this.capacityBytes - this.usedBytes;
  }

  /** FAT keeps nothing back for root. */
  get reservedBytes(): number {
    return 0;
  }

  get freeClusters(): number {
    return this.geometry.clusterCount - this.usedClusters;
  }

  usage(): StoreUsage {
    return { usedBytes: this.usedBytes, capacityBytes: this.capacityBytes };
  }

  /** Clusters a file of `sizeBytes` takes: none when empty, else every cluster it touches. */
  clustersFor(sizeBytes: number): number {
    return Math.ceil(sizeBytes / this.clusterBytes);
  }

  mkdir(path: string, options: { parents?: boolean } = {}): StoreOutcome {
    const names = this.vfatNames(path);
    if (!names.ok) return names;
    if (options.parents) return this.tree.mkdirParents(names.value, (at) => this.mkdir(at));
    const slot = this.tree.slot(joinPath(names.value));
    if (!slot.ok) return slot.error === 'EINVAL' ? fail('EEXIST') : slot;
    if (slot.existing) return fail('EEXIST');
    const growth = this.growthFor(slot.parent, directorySlots(slot.name));
    if (!growth.ok) return growth;
    const need = growth.clusters + 1;
    if (need > this.freeClusters) return fail('ENOSPC');
    growth.apply();
    slot.parent.children.set(slot.key, {
      kind: 'dir',
      name: slot.name,
      data: { liveSlots: 2, highWaterSlots: 2 },
      children: new Map(),
    });
    this.usedClusters += need;
    emitHeard(this.events, 'folder-made', () => ({
      path: joinPath([...slot.parentNames, slot.name]),
      deltaUsedBytes: need * this.clusterBytes,
      usedBytes: this.usedBytes,
    }));
    return ok;
  }

  createFile(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    return this.change(path, { create: 'only' }, () => sizeBytes);
  }

  write(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    return this.change(path, { create: 'allowed' }, () => sizeBytes);
  }

  resize(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    return this.change(path, { create: 'never' }, () => sizeBytes);
  }

  append(path: string, bytes: number): StoreOutcome {
    requireWhole(bytes, 'an append');
    return this.change(path, { create: 'allowed' }, (file) => file.sizeBytes + bytes);
  }

  /** FAT has no holes: writing past the end takes every cluster up to the new end (the gap reads as zeros). */
  writeAt(path: string, offsetBytes: number, lengthBytes: number): StoreOutcome {
    requireWhole(offsetBytes, 'an offset');
    requireWhole(lengthBytes, 'a length');
    return this.change(path, { create: 'allowed' }, (file) =>
      lengthBytes === 0 ? file.sizeBytes : Math.max(file.sizeBytes, offsetBytes + lengthBytes),
    );
  }

  remove(path: string, options: { recursive?: boolean } = {}): StoreOutcome {
    const names = this.vfatNames(path);
    if (!names.ok) return names.error === 'EINVAL' ? fail('ENOENT') : names;
    const slot = this.tree.removeSlot(joinPath(names.value), options.recursive ?? false);
    if (!slot.ok) return slot;
    const node = slot.existing;
    const freed = this.clustersBelow(node);
    slot.parent.children.delete(slot.key);
    slot.parent.data.liveSlots -= directorySlots(node.name);
    this.usedClusters -= freed;
    this.emitFreed(joinPath([...slot.parentNames, node.name]), freed);
    return ok;
  }

  rmdir(path: string): StoreOutcome {
    return this.tree.rmdirRefusal(this.find(path)) ?? this.remove(path, { recursive: true });
  }

  rename(fromPath: string, toPath: string): StoreOutcome {
    const fromNames = this.vfatNames(fromPath);
    if (!fromNames.ok) return fromNames.error === 'EINVAL' ? fail('ENOENT') : fromNames;
    const toNames = this.vfatNames(toPath);
    if (!toNames.ok) return toNames;
    const from = this.tree.slot(joinPath(fromNames.value));
    if (!from.ok) return from;
    const node = from.existing;
    if (!node) return fail('ENOENT');
    const to = this.tree.slot(joinPath(toNames.value));
    if (!to.ok) return to;
    const target = to.existing;
    const refused = renameRefusal(node, target);
    if (refused) return refused;
    if (node.kind === 'dir' && target !== node && this.tree.contains(node, to.parent)) return fail('EINVAL');
    if (target === node && node.name === to.name) return ok;
    // vfat_rename writes the new entry before it removes the old one, so for a moment the folder holds
    // both; a replaced target keeps its own entry (and its stored name), so its folder does not grow.
    const replaced = target && target !== node ? target : undefined;
    const growth = replaced ? null : this.growthFor(to.parent, directorySlots(to.name));
    if (growth && !growth.ok) return growth;
    const needed = growth ? growth.clusters : 0;
    if (needed > this.freeClusters) return fail('ENOSPC');
    const freed = replaced ? this.clustersBelow(replaced) : 0;
    growth?.apply();
    const oldPath = joinPath([...from.parentNames, node.name]);
    from.parent.data.liveSlots -= directorySlots(node.name);
    from.parent.children.delete(from.key);
    to.parent.children.delete(to.key);
    node.name = replaced ? replaced.name : to.name;
    to.parent.children.set(to.key, node);
    this.usedClusters += needed - freed;
    const newPath = joinPath([...to.parentNames, node.name]);
    const cb = this.clusterBytes;
    emitRename(
      this.events,
      oldPath,
      newPath,
      (needed - freed) * cb,
      this.usedBytes,
      replaced ? freed * cb : null,
    );
    return ok;
  }

  stat(path: string): StoreResult<FileStat> {
    return this.tree.statOf(this.find(path), (node) => this.describe(node));
  }

  list(path: string): StoreResult<DirEntry[]> {
    return this.tree.listOf(this.find(path), (node) => this.describe(node));
  }

  format(): void {
    const before = this.usedClusters;
    this.tree = this.emptyTree();
    this.usedClusters = this.dirClusters(this.tree.root);
    const freed = before - this.usedClusters;
    emitHeard(this.events, 'cleared', () => ({
      reason: 'format',
      freedBytes: freed * this.clusterBytes,
      usedBytes: this.usedBytes,
    }));
  }

  save(): VfatState {
    const entries: VfatEntryState[] = [];
    this.tree.walk((node, path) => {
      entries.push(
        node.kind === 'dir'
          ? { path, kind: 'dir', highWaterSlots: node.data.highWaterSlots }
          : { path, kind: 'file', sizeBytes: node.data.sizeBytes },
      );
    });
    return {
      kind: 'vfat',
      version: VFAT_STATE_VERSION,
      partitionBytes: this.geometry.partitionBytes,
      rules: this.geometry.rules,
      label: this.label,
      rootHighWaterSlots: this.tree.root.data.highWaterSlots,
      entries,
    };
  }

  /** Loads a saved vfat, or throws a ModelError naming what is wrong with the document. */
  static restore(state: unknown, events?: Emitter<StoreEvents>): Vfat {
    const what = 'vfat filesystem';
    const doc = readHeader(state, what, 'vfat', VFAT_STATE_VERSION);
    const partitionBytes = readWhole(doc.partitionBytes, what, 'partitionBytes');
    if (doc.rules !== 'dosfstools-4.2' && doc.rules !== 'dosfstools-3.0.12') {
      throw damaged(what, 'rules is not a known mkfs.fat');
    }
    if (doc.label !== null && (typeof doc.label !== 'string' || doc.label.length > 11)) {
      throw damaged(what, 'label is not a FAT volume label');
    }
    if (!fatGeometry(partitionBytes, doc.rules).ok)
      throw damaged(what, 'partitionBytes is not a FAT partition');
    const vfat = new Vfat({ partitionBytes, rules: doc.rules, label: doc.label, events });
    const root = vfat.tree.root;
    root.data.highWaterSlots = readWhole(doc.rootHighWaterSlots, what, 'rootHighWaterSlots');
    vfat.tree.restoreEntries(doc.entries, what, {
      pathProblem: (path, field) => {
        const names = vfat.vfatNames(path);
        const plain = names.ok && names.value.length > 0 && joinPath(names.value) === path;
        return plain ? null : `${field}.path is not a plain vfat path`;
      },
      makeDir: (entry, field, name) => {
        const highWaterSlots = readWhole(entry.highWaterSlots, what, `${field}.highWaterSlots`);
        return { kind: 'dir', name, data: { liveSlots: 2, highWaterSlots }, children: new Map() };
      },
      makeFile: (entry, field, path, name) => {
        const sizeBytes = readWhole(entry.sizeBytes, what, `${field}.sizeBytes`);
        if (sizeBytes > FAT_MAX_FILE_BYTES) throw damaged(what, `${path} is larger than FAT allows`);
        return { kind: 'file', name, data: { sizeBytes } };
      },
      placed: (parent, name) => (parent.data.liveSlots += directorySlots(name)),
    });
    vfat.tree.forEachDir((dir, path) => {
      if (dir.data.highWaterSlots < dir.data.liveSlots)
        throw damaged(what, `folder ${path} has too few slots`);
    });
    const { fatBits, rootEntries } = vfat.geometry;
    if (fatBits !== 32 && root.data.highWaterSlots > rootEntries) {
      throw damaged(what, 'its root folder holds more entries than FAT12/16 allows');
    }
    vfat.usedClusters = vfat.clustersBelow(root);
    if (vfat.usedClusters > vfat.geometry.clusterCount)
      throw damaged(what, 'its files need more clusters than it has');
    return vfat;
  }

  /**
   * One file change: finds the file (or the place for a new one), asks for its new size, and refuses the
   * change whole with EFBIG past 4 GiB − 1 or ENOSPC when the clusters (the file's and its folder's) are
   * not free; `create` says whether the file may, must not, or must be new.
   */
  private change(
    path: string,
    options: { create: 'only' | 'allowed' | 'never' },
    newSize: (file: VfatFile) => number,
  ): StoreOutcome {
    const names = this.vfatNames(path);
    if (!names.ok) return names;
    const slot = this.tree.slot(joinPath(names.value));
    if (!slot.ok) return slot.error === 'EINVAL' ? fail('EISDIR') : slot;
    const existing = slot.existing;
    if (existing && options.create === 'only') return fail('EEXIST');
    if (existing?.kind === 'dir') return fail('EISDIR');
    if (!existing && options.create === 'never') return fail('ENOENT');
    const file: VfatFile = existing ? existing.data : { sizeBytes: 0 };
    const sizeBytes = newSize(file);
    if (sizeBytes > FAT_MAX_FILE_BYTES) return fail('EFBIG');
    const growth = existing ? null : this.growthFor(slot.parent, directorySlots(slot.name));
    if (growth && !growth.ok) return growth;
    const delta =
      this.clustersFor(sizeBytes) - this.clustersFor(file.sizeBytes) + (growth ? growth.clusters : 0);
    if (delta > this.freeClusters) return fail('ENOSPC');
    growth?.apply();
    file.sizeBytes = sizeBytes;
    if (!existing) slot.parent.children.set(slot.key, { kind: 'file', name: slot.name, data: file });
    this.usedClusters += delta;
    emitHeard(this.events, 'file-written', () => ({
      path: joinPath([...slot.parentNames, slot.name]),
      sizeBytes,
      fileUsedBytes: this.clustersFor(sizeBytes) * this.clusterBytes,
      deltaUsedBytes: delta * this.clusterBytes,
      usedBytes: this.usedBytes,
    }));
    return ok;
  }

  /**
   * What adding a name of `slots` slots to a folder costs: the clusters the folder must grow by, and the
   * change to make once the caller has checked they are free. A full FAT12/16 root directory is ENOSPC.
   */
  private growthFor(
    dir: Dir,
    slots: number,
  ): { ok: true; clusters: number; apply: () => void } | StoreFailure {
    const live = dir.data.liveSlots + slots;
    const highWater = Math.max(dir.data.highWaterSlots, live);
    if (dir === this.tree.root && this.geometry.fatBits !== 32) {
      if (live > this.geometry.rootEntries) return fail('ENOSPC');
      return { ok: true, clusters: 0, apply: () => this.setSlots(dir, live, highWater) };
    }
    const clusters = this.slotClusters(highWater) - this.slotClusters(dir.data.highWaterSlots);
    return { ok: true, clusters, apply: () => this.setSlots(dir, live, highWater) };
  }

  private setSlots(dir: Dir, live: number, highWater: number): void {
    dir.data.liveSlots = live;
    dir.data.highWaterSlots = highWater;
  }

  private slotClusters(slots: number): number {
    return Math.max(1, Math.ceil((slots * DIR_ENTRY_BYTES) / this.clusterBytes));
  }

  /** A folder's own clusters: none for the fixed FAT12/16 root, else at least one. */
  private dirClusters(dir: Dir): number {
    if (dir === this.tree.root && this.geometry.fatBits !== 32) return 0;
    return this.slotClusters(dir.data.highWaterSlots);
  }

  private clustersBelow(node: Node): number {
    if (node.kind === 'file') return this.clustersFor(node.data.sizeBytes);
    let clusters = this.dirClusters(node);
    for (const child of node.children.values()) clusters += this.clustersBelow(child);
    return clusters;
  }

  private describe(node: Node): Omit<FileStat, 'path'> {
    if (node.kind === 'file') {
      const sizeBytes = node.data.sizeBytes;
      return { kind: 'file', sizeBytes, usedBytes: this.clustersFor(sizeBytes) * this.clusterBytes };
    }
    const usedBytes = this.dirClusters(node) * this.clusterBytes;
    const fixedRoot = node === this.tree.root && this.geometry.fatBits !== 32;
    return {
      kind: 'dir',
      sizeBytes: fixedRoot ? this.geometry.rootEntries * DIR_ENTRY_BYTES : usedBytes,
      usedBytes,
    };
  }

  /** A path's names as vfat stores them (trailing dots dropped), or why vfat refuses one. */
  private vfatNames(path: string): { ok: true; value: string[] } | StoreFailure {
    const names: string[] = [];
    for (const raw of splitPath(path)) {
      const name = vfatName(raw);
      if (!name.ok) return name;
      names.push(name.name);
    }
    return { ok: true, value: names };
  }

  private find(path: string) {
    const names = this.vfatNames(path);
    if (!names.ok) return names.error === 'EINVAL' ? fail('ENOENT') : names;
    return this.tree.find(joinPath(names.value));
  }

  private emptyTree(): FileTree<VfatFile, VfatDir> {
    const labelSlots = this.label === null ? 0 : 1;
    return new FileTree<VfatFile, VfatDir>(true, { liveSlots: labelSlots, highWaterSlots: labelSlots });
  }

  private emitFreed(path: string, freedClusters: number): void {
    emitHeard(this.events, 'freed', () => ({
      path,
      freedBytes: freedClusters * this.clusterBytes,
      usedBytes: this.usedBytes,
    }));
  }
}
