// An inode of the ext filesystem model: what the model keeps of a file or a folder (not its contents).

import type { Extent } from './mballoc/Mballoc';

/** The root folder's inode (EXT4_ROOT_INO). */
export const ROOT_INODE = 2;

export interface Inode {
  ino: number;
  dir: boolean;
  sizeBytes: number;
  /** Allocated data, in logical order. */
  extents: Extent[];
  /** How many blocks the extents hold (kept with them: appends are frequent, lists can be long). */
  blocks: number;
  /** The extent-tree leaf, once the inode holds more than four extents. */
  extentBlock: number | null;
  links: number;
  atimeMs: number;
  mtimeMs: number;
  /** Logical blocks written but not yet allocated (delayed allocation), and when they were dirtied. */
  delalloc: { fromBlock: number; dirtiedMs: number } | null;
  /** Allocated blocks rewritten in place, waiting for writeback: [first logical, count]. */
  rewrites: [number, number][];
  /** Block-mapped files (ext3): indirect blocks by their place in the tree (see blockMap.ts). */
  mapping: Map<string, number>;
  /** Directories: entry name → index of the directory block holding it. */
  entries?: Map<string, { ino: number; block: number; recLen: number }>;
  /** Directories: bytes used in each of its blocks. */
  blockFill?: number[];
}

/** Adds blocks at the inode's logical end, as part of its last extent when they follow it on disk. */
export function appendExtent(inode: Inode, [first, count]: Extent): void {
  const last = inode.extents.at(-1);
  if (last && last[0] + last[1] === first) last[1] += count;
  else inode.extents.push([first, count]);
  inode.blocks += count;
}
