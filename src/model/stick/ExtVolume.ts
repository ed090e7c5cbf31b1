// An ext4 filesystem as the running stick uses it (the root on live-rw, home.img on its loop file): the
// ExtFs model, which decides which blocks each operation writes, plus what the kernel checks before it
// lets an operation start — a missing folder, a name already taken, no room left — so every learner
// mistake is an outcome and ExtFs only ever sees requests it can carry out.
//
// Free space is counted as df counts it: the filesystem's size leaves out mkfs's own structures (the
// superblock's overhead), and blocks reserved for root (`mkfs -m`) are not offered to files. Blocks a
// write will need are held back from the moment the write is accepted, as ext4's delayed allocation
// reserves them, until writeback allocates them for real (sync, or 30 s later).
//
// Simplifications: reserved blocks are withheld from every writer, root's too; a write's extent-tree block
// is allowed for with one spare block.

import { ModelError } from '../errors';
import type { ExtFs } from '../fs/ext/ExtFs';
import { mkdirEach } from '../store/FileTree';
import { splitPath } from '../store/paths';
import { done, failed, type VolumeOutcome, type VolumeResult } from './stickOutcome';
import { isWithin, parentOf } from './stickPaths';
import type { Volume, VolumeStat, WriteMode } from './Volume';

/** ext4's dirty_expire_centisecs (3000): dirty data is written back 30 s after it was dirtied. */
const WRITEBACK_AFTER_MS = 30_000;

export interface ExtVolumeSpec {
  fs: ExtFs;
  /** Blocks mkfs reserved for root (`-m`, 5 % by default, 1 % for LiveOS roots). */
  reservedBlocks: number;
  /** The superblock's s_overhead_clusters: what df leaves out of the size. */
  overheadBlocks: number;
}

export class ExtVolume implements Volume {
  readonly fsType = 'ext4';
  readonly fs: ExtFs;
  readonly reservedBlocks: number;
  readonly overheadBlocks: number;
  /** Blocks promised to accepted writes that writeback has not allocated yet. */
  private pending: { blocks: number; dirtiedMs: number }[] = [];

  constructor(spec: ExtVolumeSpec) {
    this.fs = spec.fs;
    this.reservedBlocks = spec.reservedBlocks;
    this.overheadBlocks = spec.overheadBlocks;
  }

  get blockSizeBytes(): number {
    return this.fs.layout.blockSizeBytes;
  }

  /** Blocks a new write may still take: free, less root's reserve and what accepted writes will need. */
  freeBlocksForFiles(): number {
    const pendingBlocks = this.pending.reduce((sum, p) => sum + p.blocks, 0);
    return Math.max(
      0,
      this.fs.layout.blocksCount - this.fs.usedBlocks() - this.reservedBlocks - pendingBlocks,
    );
  }

  usedBytes(): number {
    return (this.fs.usedBlocks() - this.overheadBlocks) * this.blockSizeBytes;
  }

  capacityBytes(): number {
    return (this.fs.layout.blocksCount - this.overheadBlocks) * this.blockSizeBytes;
  }

  write(path: string, bytes: number, mode: WriteMode, keepOpen = false): VolumeOutcome {
    const folder = this.requireFolder(parentOf(path));
    if (!folder.ok) return folder;
    const existing = this.stat(path);
    if (existing.ok && existing.value.kind === 'dir') return failed('EISDIR');
    const sizeBytes = existing.ok ? existing.value.sizeBytes : 0;
    const blocks = (n: number) => Math.ceil(n / this.blockSizeBytes);
    const needed =
      mode === 'truncate'
        ? blocks(bytes)
        : mode === 'append'
          ? blocks(sizeBytes + bytes) - blocks(sizeBytes)
          : Math.max(0, blocks(bytes) - blocks(sizeBytes));
    if (needed > 0 && needed + 1 > this.freeBlocksForFiles()) return failed('ENOSPC');
    return this.guard(() => {
      this.fs.write(path, bytes, mode, keepOpen);
      if (needed > 0) this.pending.push({ blocks: needed, dirtiedMs: this.fs.clockMs });
    });
  }

  remove(path: string, recursive: boolean): VolumeOutcome {
    if (path === '/') return failed('EBUSY');
    const found = this.stat(path);
    if (!found.ok) return found;
    if (found.value.kind === 'dir' && !recursive) return failed('EISDIR');
    return this.guard(() => this.fs.rm(path, recursive));
  }

  mkdir(path: string, parents: boolean): VolumeOutcome {
    if (parents) {
      const kindAt = (at: string) => {
        const found = this.stat(at);
        return found.ok ? found.value.kind : null;
      };
      return mkdirEach(splitPath(path), kindAt, (at) => this.mkdir(at, false));
    }
    if (path === '/' || this.fs.exists(path)) return failed('EEXIST');
    const folder = this.requireFolder(parentOf(path));
    if (!folder.ok) return folder;
    if (this.freeBlocksForFiles() < 1) return failed('ENOSPC');
    return this.guard(() => this.fs.mkdir(path));
  }

  rename(fromPath: string, toPath: string): VolumeOutcome {
    const from = this.stat(fromPath);
    if (!from.ok) return from;
    if (fromPath === '/' || toPath === '/') return failed('EBUSY');
    const folder = this.requireFolder(parentOf(toPath));
    if (!folder.ok) return folder;
    if (fromPath === toPath) return done;
    if (from.value.kind === 'dir' && isWithin(toPath, fromPath)) return failed('EINVAL');
    const target = this.stat(toPath);
    if (target.ok) {
      if (from.value.kind === 'file' && target.value.kind === 'dir') return failed('EISDIR');
      if (from.value.kind === 'dir' && target.value.kind === 'file') return failed('ENOTDIR');
      if (target.value.kind === 'dir' && (this.fs.readdir(toPath) ?? []).length > 0)
        return failed('ENOTEMPTY');
    }
    return this.guard(() => this.fs.rename(fromPath, toPath));
  }

  touch(path: string): VolumeOutcome {
    const folder = this.requireFolder(parentOf(path));
    if (!folder.ok) return folder;
    return this.guard(() => this.fs.touch(path));
  }

  close(path: string): VolumeOutcome {
    const found = this.stat(path);
    if (!found.ok) return found;
    if (found.value.kind === 'dir') return failed('EISDIR');
    if (!this.fs.isKeptOpen(path)) return failed('EINVAL');
    this.fs.close(path);
    return done;
  }

  read(path: string): VolumeOutcome {
    const found = this.stat(path);
    if (!found.ok) return found;
    if (found.value.kind === 'dir') return failed('EISDIR');
    return this.guard(() => this.fs.read(path));
  }

  /** Whether a path is a file (with its length) or a folder; ENOENT, or ENOTDIR when a file is its parent. */
  stat(path: string): VolumeResult<VolumeStat> {
    if (path === '/') return { ok: true, value: { kind: 'dir', sizeBytes: 0 } };
    const found = this.fs.stat(path);
    if (found) return { ok: true, value: found };
    const parent = parentOf(path);
    return failed(parent !== '/' && this.fs.stat(parent)?.kind === 'file' ? 'ENOTDIR' : 'ENOENT');
  }

  sync(): void {
    this.fs.sync();
    this.pending = [];
  }

  /** Lets time pass: commits every 5 s, writeback of data dirtied 30 s ago (ExtFs decides the blocks). */
  advance(ms: number): void {
    this.fs.advance(ms);
    const now = this.fs.clockMs;
    this.pending = this.pending.filter((p) => now - p.dirtiedMs < WRITEBACK_AFTER_MS);
  }

  /** The blocks accepted writes still hold back, as [blocks, dirtiedMs] runs (for saving the stick). */
  pendingWrites(): [blocks: number, dirtiedMs: number][] {
    return this.pending.map((p) => [p.blocks, p.dirtiedMs]);
  }

  /** Holds back blocks for accepted writes again, as a saved stick had them (see pendingWrites). */
  restorePendingWrites(pending: readonly (readonly [number, number])[]): void {
    this.pending = pending.map(([blocks, dirtiedMs]) => ({ blocks, dirtiedMs }));
  }

  mount(): void {
    this.pending = [];
    this.fs.mount();
  }

  umount(): void {
    this.fs.umount();
    this.pending = [];
  }

  private requireFolder(path: string): VolumeOutcome {
    const found = this.stat(path);
    if (!found.ok) return found;
    return found.value.kind === 'dir' ? done : failed('ENOTDIR');
  }

  /**
   * Runs an ExtFs change; a full inode table or block map (ENOSPC) and a filesystem that went read-only
   * after a write error (EROFS) are outcomes.
   */
  private guard(change: () => void): VolumeOutcome {
    try {
      change();
      return done;
    } catch (error) {
      if (error instanceof ModelError && (error.code === 'ENOSPC' || error.code === 'EROFS'))
        return failed(error.code);
      throw error;
    }
  }
}
