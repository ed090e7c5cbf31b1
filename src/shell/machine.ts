// What the terminal's tools work on: one machine, either the running stick (its mounts, live-rw, its
// loop devices) or "another computer" with the stick plugged in (the rescue machine of the wiki's
// recovery). Tools ask it; it answers in kernel error codes, which each tool words as the real one does.

import type { FsckVerdict } from '../model/rescue/rootCheck';

export type Done = { ok: true } | { ok: false; error: string };
export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Entry {
  name: string;
  kind: 'file' | 'dir';
  sizeBytes: number;
}

export interface MountRow {
  source: string;
  mountPoint: string;
  fsType: string;
  readOnly: boolean;
  sizeBytes: number;
  usedBytes: number;
  availBytes: number;
}

export interface DmRow {
  name: string;
  major: number;
  minor: number;
  readOnly: boolean;
  openCount: number;
  /** `dmsetup status NAME` and `dmsetup table NAME` (unnamed). */
  status: string;
  table: string;
}

export interface LoopRow {
  device: string;
  file: string;
  readOnly: boolean;
}

export type WriteMode = 'truncate' | 'append' | 'in-place';

export interface Machine {
  readonly kind: 'stick' | 'rescue' | 'emergency';
  readonly hostname: string;
  /** Where the shell starts (root's home). */
  readonly homeFolder: string;
  /** The prompt in a folder: bash's `[root@localhost ~]# `, dracut's `dracut:/# `. */
  prompt(cwd: string): string;

  stat(path: string): Answer<{ kind: 'file' | 'dir'; sizeBytes: number }>;
  list(path: string): Answer<Entry[]>;
  /**
   * Writes `bytes` bytes whose content does not matter (the model keeps sizes, not contents); `in-place`
   * writes them at `offsetBytes` (dd seek= conv=notrunc), the file growing to the range's end.
   */
  write(path: string, bytes: number, mode: WriteMode, offsetBytes?: number): Done;
  /** Writes bytes whose content matters (an overlay's header) at an offset, without truncating. */
  writeBytes(path: string, offsetBytes: number, data: Uint8Array): Done;
  read(path: string): Done;
  remove(path: string, recursive: boolean): Done;
  mkdir(path: string, parents: boolean): Done;
  rename(fromPath: string, toPath: string): Done;

  mounts(): MountRow[];
  mount(source: string, mountPoint: string): Done;
  umount(target: string): Done;

  dmDevices(): DmRow[];
  dmCreate(name: string, table: string, readOnly: boolean): Done & { kernelMessage?: string };
  dmRemove(name: string): Done;

  loops(): LoopRow[];
  loopAttach(minor: number | null, file: string, readOnly: boolean): Answer<string>;
  loopDetach(minor: number): Done;
  deviceSectors(devicePath: string): Answer<number>;
  /** A block request on a device (`dd` of=/if= a /dev path), in sectors. */
  blockIo(devicePath: string, op: 'read' | 'write', offsetSectors: number, sectors: number): Done;
  fsck(devicePath: string, repair: boolean): Answer<FsckVerdict>;
}
