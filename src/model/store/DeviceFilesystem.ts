// The stick's own filesystem (device space, mounted at /run/initramfs/live or, in 2012, /mnt/live), as an
// ops table every kind implements: vfat (Vfat) and ext4 (Ext4Device). Each operation has a one-line
// contract; what a learner can cause (a full stick, a file too large) comes back as an outcome, and a
// failed change changes nothing. ext4 has holes: a file may be longer than the space it takes.

import type { Emitter } from '../events';
import type { DirEntry, FileStat, StoreEvents, StoreOutcome, StoreResult, StoreUsage } from './storeTypes';

export type DeviceFilesystemKind = 'vfat' | 'ext4';

/** The part of every saved device filesystem that says which kind of document it is. */
export interface DeviceFilesystemState {
  kind: DeviceFilesystemKind;
  version: number;
}

export interface DeviceFilesystem {
  readonly kind: DeviceFilesystemKind;
  /** The volume label (`mkfs -L`/`-n`), which names the overlay file; null for none. */
  readonly label: string | null;
  /** What a file takes space in: a vfat cluster, an ext4 block. */
  readonly allocationUnitBytes: number;
  /** Bytes for files and folders, what `df` shows as the size (vfat: data clusters × cluster size). */
  readonly capacityBytes: number;
  /** Bytes in use, folders and the filesystem's own structures that live among the data included. */
  readonly usedBytes: number;
  /** Bytes root (the installer, livesys, the loop device) can still write. */
  readonly freeBytes: number;
  /** Of the free bytes, those kept for root, which df's Avail leaves out (ext4's `-m`; vfat: 0). */
  readonly reservedBytes: number;
  /** The largest file the filesystem can hold (vfat: 4 GiB − 1 byte; a write past it is EFBIG). */
  readonly maxFileBytes: number;
  readonly events: Emitter<StoreEvents>;

  usage(): StoreUsage;
  /** A new file of `sizeBytes` (all of it allocated); EEXIST if the name is taken. */
  createFile(path: string, sizeBytes: number): StoreOutcome;
  /** Creates or replaces a file with one of `sizeBytes` (`cp`, `dd of=`). */
  write(path: string, sizeBytes: number): StoreOutcome;
  /** Sets an existing file's length (truncate); growing allocates on filesystems without holes. */
  resize(path: string, sizeBytes: number): StoreOutcome;
  /** Adds `bytes` at the end of a file, creating it when missing (`>>`). */
  append(path: string, bytes: number): StoreOutcome;
  /**
   * `dd seek= conv=notrunc`: writes `lengthBytes` at `offsetBytes`, creating the file when missing; the
   * file grows to the range's end. Space is taken for the range (ext4: the blocks it has no data in yet;
   * vfat, which has no holes: every cluster up to the new end).
   */
  writeAt(path: string, offsetBytes: number, lengthBytes: number): StoreOutcome;
  /** rm: removes a file; with `recursive` also a folder and all it holds (without it, a folder is EISDIR). */
  remove(path: string, options?: { recursive?: boolean }): StoreOutcome;
  /** rmdir(2): removes an empty folder. */
  rmdir(path: string): StoreOutcome;
  /** rename(2): moves or renames, replacing a file or an empty folder at the target. */
  rename(fromPath: string, toPath: string): StoreOutcome;
  /** mkdir(2); with `parents`, mkdir -p. */
  mkdir(path: string, options?: { parents?: boolean }): StoreOutcome;
  stat(path: string): StoreResult<FileStat>;
  /** A folder's entries in name order. */
  list(path: string): StoreResult<DirEntry[]>;
  /** mkfs again over the same partition: everything goes. */
  format(): void;
  save(): DeviceFilesystemState;
}
