// Paths and folders: a path resolved to its inode through caches (the kernel's dcache, in effect: background
// writers come back to the same paths), and folder entries added and removed in the directory blocks that
// hold them.

import { ModelError } from '../../errors';
import type { ExtFsContext } from './ExtFsContext';
import { appendExtent, ROOT_INODE, type Inode } from './Inode';
import type { JournalTransaction } from './JournalTransaction';
import { itableBlock } from './metadataBlocks';

/** metadata_csum's tail at the end of every directory block. */
const DIR_TAIL_BYTES = 12;
/** How many split paths are remembered before the cache starts over (building a tree meets thousands). */
const PATH_CACHE_SIZE = 4096;

interface PathInFolder {
  folder: Inode;
  name: string;
}

export class Folders {
  /** Resolved folders by path; cleared whenever a folder's entry goes away. */
  private readonly folderCache = new Map<string, Inode>();
  /** Paths split into their folder and last name (the same few paths come back all the time). */
  private readonly pathCache = new Map<string, PathInFolder>();

  constructor(
    private readonly ctx: ExtFsContext,
    private readonly tx: JournalTransaction,
  ) {}

  /** The inode numbered `ino`, which must exist. */
  inode(ino: number): Inode {
    const inode = this.ctx.inodes.get(ino);
    if (!inode) throw new Error(`inode ${ino} does not exist`);
    return inode;
  }

  /** What `path` names, or null. */
  lookup(path: string): Inode | null {
    const split = this.splitPath(path);
    if (!split || split.name === '') return split?.folder ?? null;
    const entry = split.folder.entries?.get(split.name);
    return entry ? this.inode(entry.ino) : null;
  }

  /** What `path` names; it must exist. */
  require(path: string): Inode {
    const inode = this.lookup(path);
    if (!inode) throw new ModelError('EINVAL', `${path}: no such file or directory`);
    return inode;
  }

  /** The folder a new or existing entry's name goes in, and the name. */
  parentOf(path: string): PathInFolder {
    const clean =
      path.endsWith('/') || path.includes('//') ? `/${path.split('/').filter(Boolean).join('/')}` : path;
    const split = this.splitPath(clean);
    if (split?.folder.dir && split.name !== '') return split;
    const slash = clean.lastIndexOf('/');
    if (clean.slice(slash + 1) === '') throw new ModelError('EINVAL', `${path}: not a file name`);
    if (!split) throw new ModelError('EINVAL', `${clean.slice(0, slash) || '/'}: no such file or directory`);
    throw new ModelError('EINVAL', `${path}: not in a directory`);
  }

  /** Whether `dir` is `folder` or lies below it. */
  isInside(dir: Inode, folder: Inode): boolean {
    for (let at = dir; ; at = this.inode(at.entries!.get('..')!.ino)) {
      if (at.ino === folder.ino) return true;
      if (at.ino === ROOT_INODE) return false;
    }
  }

  /** Enters `name` in the first of the folder's blocks with room, or in a new block. */
  addEntry(dir: Inode, name: string, ino: number, isDir: boolean): void {
    if (isDir) this.inode(ino).entries!.set('..', { ino: dir.ino, block: 0, recLen: 12 });
    const recLen = 8 + Math.ceil(name.length / 4) * 4;
    const capacity = this.ctx.layout.blockSizeBytes - DIR_TAIL_BYTES;
    let index = dir.blockFill!.findIndex((used) => used + recLen <= capacity);
    if (index < 0) {
      const last = dir.extents.at(-1)!;
      const block = this.tx.allocMetadataBlock(last[0] + last[1]);
      appendExtent(dir, [block, 1]);
      dir.blockFill!.push(0);
      index = dir.blockFill!.length - 1;
      this.tx.writeRun(block, 1);
    }
    dir.blockFill![index]! += recLen;
    dir.entries!.set(name, { ino, block: index, recLen });
    dir.mtimeMs = this.ctx.nowMs;
    this.tx.markDirty(this.dirBlock(dir, index), itableBlock(this.ctx.layout, dir.ino));
  }

  removeEntry(dir: Inode, name: string): void {
    const entry = dir.entries!.get(name)!;
    if (this.ctx.inodes.get(entry.ino)?.dir) {
      this.folderCache.clear();
      this.pathCache.clear();
    }
    dir.entries!.delete(name);
    dir.blockFill![entry.block]! -= entry.recLen;
    dir.mtimeMs = this.ctx.nowMs;
    this.tx.markDirty(this.dirBlock(dir, entry.block), itableBlock(this.ctx.layout, dir.ino));
  }

  /** The physical block of a directory's `index`-th block. */
  private dirBlock(dir: Inode, index: number): number {
    let left = index;
    for (const [first, count] of dir.extents) {
      if (left < count) return first + left;
      left -= count;
    }
    throw new Error(`directory ${dir.ino} has no block ${index}`);
  }

  /**
   * A path's folder (what its part before the last slash names: a file, when the path goes through one)
   * and last name. Folders resolve through caches: background writers come back to the same paths.
   */
  private splitPath(path: string): PathInFolder | null {
    const cached = this.pathCache.get(path);
    if (cached) return cached;
    const slash = path.lastIndexOf('/');
    const folder = this.lookupFolder(path.slice(0, slash));
    if (!folder) return null;
    const split = { folder, name: path.slice(slash + 1) };
    if (!folder.dir) return split;
    if (this.pathCache.size >= PATH_CACHE_SIZE) this.pathCache.clear();
    this.pathCache.set(path, split);
    return split;
  }

  private lookupFolder(path: string): Inode | null {
    const cached = this.folderCache.get(path);
    if (cached) return cached;
    let inode = this.inode(ROOT_INODE);
    for (const part of path.split('/').filter(Boolean)) {
      const entry = inode.entries?.get(part);
      if (!entry) return null;
      inode = this.inode(entry.ino);
    }
    if (inode.dir) this.folderCache.set(path, inode);
    return inode;
  }
}
