// Where new inodes go and how they go away (fs/ext4/ialloc.c): __ext4_new_inode picks a group (Orlov for
// folders, see inodeGroups.ts) and takes its first free inode; ext4_free_inode gives one back, its blocks
// with it.

import { ModelError } from '../../errors';
import type { ExtFsContext } from './ExtFsContext';
import type { FileData } from './FileData';
import { ROOT_INODE, type Inode } from './Inode';
import { InodeBitmap } from './InodeBitmap';
import { findGroupOrlov, findGroupOther, type GroupCounts } from './inodeGroups';
import type { JournalTransaction } from './JournalTransaction';
import { descriptorBlock, groupOfInode, itableBlock } from './metadataBlocks';

export class InodeAllocator {
  private readonly bitmap: InodeBitmap;
  private counts: GroupCounts | null = null;
  /** i_last_alloc_group of folders in the inode cache (this mount): where their last new inode went. */
  private readonly lastAllocGroup = new Map<number, number>();

  constructor(
    private readonly ctx: ExtFsContext,
    private readonly tx: JournalTransaction,
    private readonly data: FileData,
  ) {
    const layout = ctx.layout;
    this.bitmap = new InodeBitmap(layout.inodesPerGroup, layout.groupCount, layout.firstInode, [
      ROOT_INODE,
      layout.firstInode,
    ]);
  }

  /** __ext4_new_inode: the group (Orlov for folders), then its first free inode. */
  allocate(parent: Inode, name: string, dir: boolean): number {
    const layout = this.ctx.layout;
    const counts = this.groupCounts();
    const from = {
      group: groupOfInode(layout, parent.ino),
      lastAllocGroup: this.lastAllocGroup.get(parent.ino) ?? null,
      ino: parent.ino,
    };
    const seed = layout.hashSeed;
    const group = dir
      ? findGroupOrlov(counts, from, parent.ino === ROOT_INODE, name, seed)
      : findGroupOther(counts, from, seed);
    if (group === -1) throw new ModelError('ENOSPC', 'no free inodes');
    this.lastAllocGroup.set(parent.ino, group);
    const ino = this.bitmap.firstFree(group);
    this.bitmap.take(ino, dir);
    this.tx.markDirty(layout.inodeBitmapOf(group), descriptorBlock(layout, group));
    return ino;
  }

  /** One link fewer; the last one gone (or a folder's), the inode and its blocks are freed. */
  release(inode: Inode): void {
    inode.links--;
    if (inode.links > 0 && !inode.dir) return;
    // A folder's blocks are metadata: freeing them writes revoke records into the journal.
    if (inode.dir) this.tx.revoke(inode.blocks);
    this.data.release(inode);
    const layout = this.ctx.layout;
    const group = groupOfInode(layout, inode.ino);
    this.bitmap.release(inode.ino, inode.dir);
    this.ctx.inodes.delete(inode.ino);
    // i_last_alloc_group lives in the in-core inode: it goes with the folder.
    this.lastAllocGroup.delete(inode.ino);
    this.tx.markDirty(
      itableBlock(layout, inode.ino),
      layout.inodeBitmapOf(group),
      descriptorBlock(layout, group),
      layout.superblockBlock,
    );
  }

  blankInode(ino: number, dir: boolean): Inode {
    return {
      ino,
      dir,
      sizeBytes: 0,
      extents: [],
      blocks: 0,
      extentBlock: null,
      links: 1,
      atimeMs: this.ctx.nowMs,
      mtimeMs: this.ctx.nowMs,
      delalloc: null,
      rewrites: [],
      mapping: new Map(),
    };
  }

  /** A folder on blocks [first, first + count), holding only "." and "..". */
  newDir(ino: number, [first, count]: [number, number]): Inode {
    const dir = this.blankInode(ino, true);
    dir.extents = [[first, count]];
    dir.blocks = count;
    dir.links = 2;
    dir.entries = new Map();
    dir.blockFill = new Array<number>(count).fill(0);
    dir.blockFill[0] = 24; // "." and ".."
    dir.entries.set('.', { ino, block: 0, recLen: 12 });
    dir.entries.set('..', { ino, block: 0, recLen: 12 });
    return dir;
  }

  /** A new mount: the inode cache starts empty, so no folder remembers its last group. */
  mounted(): void {
    this.lastAllocGroup.clear();
  }

  /** Free inodes, as the group descriptors count them. */
  freeInodes(): number {
    return this.bitmap.freeIn.reduce((sum, free) => sum + free, 0);
  }

  /** The inodes in use as [first, count] runs. */
  usedRuns(): [number, number][] {
    return this.bitmap.usedRuns();
  }

  /** The folders' last groups: [folder inode, group]. */
  lastAllocGroups(): [number, number][] {
    return [...this.lastAllocGroup];
  }

  /** Loads what `usedRuns` and `lastAllocGroups` saved; `folders` are the inodes that are folders. */
  restore(
    usedRuns: [number, number][],
    folders: Iterable<number>,
    lastAllocGroups: [number, number][],
  ): void {
    this.bitmap.restore(usedRuns, folders);
    for (const [ino, group] of lastAllocGroups) this.lastAllocGroup.set(ino, group);
  }

  /** What the group descriptors count, for the inode allocator (made once; it reads the live state). */
  private groupCounts(): GroupCounts {
    const { layout, mb } = this.ctx;
    this.counts ??= {
      groupCount: layout.groupCount,
      flexSize: Math.max(1, layout.flexGroups),
      inodesPerGroup: layout.inodesPerGroup,
      blocksPerGroup: layout.blocksPerGroup,
      freeInodes: (g) => this.bitmap.freeIn[g]!,
      freeBlocks: (g) => {
        const start = layout.firstDataBlock + g * layout.blocksPerGroup;
        const freed = this.tx.freedWithin(start, start + layout.blocksPerGroup);
        return mb.buddy.freeIn(g) + mb.preallocatedIn(g) + freed;
      },
      folders: (g) => this.bitmap.foldersIn[g]!,
    };
    return this.counts;
  }
}
