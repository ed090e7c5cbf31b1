// The inodes in use, by number. Inode numbers are dense within a group, so each group that has any gets a
// plain array; a Map of them all slowed down as files came and went every few minutes (the quiet writers).

import type { Inode } from './Inode';

export class InodeTable {
  private readonly groups: ((Inode | undefined)[] | undefined)[];

  constructor(
    private readonly inodesPerGroup: number,
    groupCount: number,
  ) {
    this.groups = new Array<undefined>(groupCount).fill(undefined);
  }

  get(ino: number): Inode | undefined {
    return this.groups[Math.floor((ino - 1) / this.inodesPerGroup)]?.[(ino - 1) % this.inodesPerGroup];
  }

  set(ino: number, inode: Inode): void {
    const group = Math.floor((ino - 1) / this.inodesPerGroup);
    let slots = this.groups[group];
    if (!slots) {
      slots = new Array<undefined>(this.inodesPerGroup).fill(undefined);
      this.groups[group] = slots;
    }
    slots[(ino - 1) % this.inodesPerGroup] = inode;
  }

  delete(ino: number): void {
    const slots = this.groups[Math.floor((ino - 1) / this.inodesPerGroup)];
    if (slots) slots[(ino - 1) % this.inodesPerGroup] = undefined;
  }

  clear(): void {
    this.groups.fill(undefined);
  }

  /** Every inode, by number. */
  *values(): IterableIterator<Inode> {
    for (const slots of this.groups) {
      if (slots) for (const inode of slots) if (inode) yield inode;
    }
  }
}
