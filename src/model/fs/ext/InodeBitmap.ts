// The inode bitmaps of all groups, with what the group descriptors count of them (free inodes, folders),
// kept up to date so the inode allocator can compare groups without counting.

import { runsOf } from './ExtFsState';

export class InodeBitmap {
  private readonly used: Uint8Array;
  readonly freeIn: Int32Array;
  readonly foldersIn: Int32Array;
  /** No inode before this one is free in its group (so a search need not look there). */
  private readonly firstFreeHint: Int32Array;

  constructor(
    private readonly inodesPerGroup: number,
    groupCount: number,
    /** Inodes 1 to `reserved` are in use from mkfs on, `folders` among them (the root, lost+found). */
    reserved: number,
    folders: readonly number[],
  ) {
    this.used = new Uint8Array(inodesPerGroup * groupCount + 1);
    this.freeIn = new Int32Array(groupCount).fill(inodesPerGroup);
    this.foldersIn = new Int32Array(groupCount);
    this.firstFreeHint = new Int32Array(groupCount);
    for (let ino = 1; ino <= reserved; ino++) this.take(ino, folders.includes(ino));
  }

  groupOf(ino: number): number {
    return Math.floor((ino - 1) / this.inodesPerGroup);
  }

  take(ino: number, folder: boolean): void {
    this.used[ino] = 1;
    this.freeIn[this.groupOf(ino)]!--;
    if (folder) this.foldersIn[this.groupOf(ino)]!++;
  }

  release(ino: number, folder: boolean): void {
    this.used[ino] = 0;
    const group = this.groupOf(ino);
    this.firstFreeHint[group] = Math.min(this.firstFreeHint[group]!, ino - 1 - group * this.inodesPerGroup);
    this.freeIn[group]!++;
    if (folder) this.foldersIn[group]!--;
  }

  /** The group's first free inode (find_inode_bit), or -1. */
  firstFree(group: number): number {
    const ino = this.used.indexOf(0, group * this.inodesPerGroup + 1 + this.firstFreeHint[group]!);
    const found = ino === -1 || ino > (group + 1) * this.inodesPerGroup ? -1 : ino;
    this.firstFreeHint[group] = found === -1 ? this.inodesPerGroup : found - 1 - group * this.inodesPerGroup;
    return found;
  }

  /** The inodes in use as [first, count] runs (what a saved filesystem keeps). */
  usedRuns(): [number, number][] {
    return runsOf(this.used, 1);
  }

  /** Loads a saved bitmap; `folders` are the inodes that are folders. */
  restore(usedRuns: [number, number][], folders: Iterable<number>): void {
    this.used.fill(0);
    this.freeIn.fill(this.inodesPerGroup);
    this.foldersIn.fill(0);
    this.firstFreeHint.fill(0);
    for (const [first, count] of usedRuns)
      for (let ino = first; ino < first + count; ino++) this.take(ino, false);
    for (const ino of folders) this.foldersIn[this.groupOf(ino)]!++;
  }
}
