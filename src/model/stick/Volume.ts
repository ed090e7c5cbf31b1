// The file operations every mounted filesystem on the running stick answers, as an ops table: ext4 (the
// root on live-rw, home.img), tmpfs (RAM folders) and the stick's own filesystem (vfat or ext4). Paths
// are inside the filesystem (its root is '/'). Each operation has a one-line contract; what a learner
// can cause comes back as an outcome, and a refused change changes nothing.

import type { VolumeOutcome, VolumeResult } from './stickOutcome';

export type VolumeFsType = 'ext4' | 'tmpfs' | 'vfat';

/** How a write treats what is already there: `> f` (truncate), `>> f` (append), `dd conv=notrunc`. */
export type WriteMode = 'truncate' | 'append' | 'in-place';

export interface VolumeStat {
  kind: 'file' | 'dir';
  /** A file's length in bytes (folders: 0). */
  sizeBytes: number;
}

export interface Volume {
  readonly fsType: VolumeFsType;
  /**
   * Writes `bytes` to a file, creating it when missing; ENOENT when its folder is missing. `keepOpen`: the
   * writer keeps the file open afterwards (a daemon's log).
   */
  write(path: string, bytes: number, mode: WriteMode, keepOpen?: boolean): VolumeOutcome;
  /** Closes a file a writer kept open; absent where being open changes nothing (tmpfs, the stick's own). */
  close?(path: string): VolumeOutcome;
  /** rm (rm -r with `recursive`); a folder without it is EISDIR. */
  remove(path: string, recursive: boolean): VolumeOutcome;
  /** mkdir (mkdir -p with `parents`). */
  mkdir(path: string, parents: boolean): VolumeOutcome;
  /** rename(2) within this filesystem. */
  rename(fromPath: string, toPath: string): VolumeOutcome;
  /** touch: creates an empty file when missing, else sets its times to now. */
  touch(path: string): VolumeOutcome;
  /** Reads a whole file (which may update its access time). */
  read(path: string): VolumeOutcome;
  stat(path: string): VolumeResult<VolumeStat>;
  /** Bytes in use, as the view's gauge shows them. */
  usedBytes(): number;
  capacityBytes(): number;
}
