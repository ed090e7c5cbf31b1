// An ext filesystem of the model as a plain JSON document, and back: for saving the stick (Journal, undo,
// "mirror my stick"). Maps become lists; free space and used inodes become runs.

import type { Inode } from './Inode';
import type { MballocState } from './mballoc/Mballoc';

/** 2: the allocator became mballoc's (preallocations, group lists, lazy init). */
export const EXT_FS_STATE_VERSION = 2;

type InodeJson = Omit<Inode, 'entries' | 'blockFill' | 'mapping' | 'blocks'> & {
  /** Derived from the extents when absent. */
  blocks?: number;
  entries?: [name: string, ino: number, block: number, recLen: number][];
  blockFill?: number[];
  mapping: [key: string, block: number][];
};

export interface ExtFsState {
  version: typeof EXT_FS_STATE_VERSION;
  layout: { mkfsCommand: string; sizeBytes: number; hashSeed?: string };
  mounted: boolean;
  /** The journal was aborted after a device error (read-only); absent in older documents. */
  aborted?: boolean;
  nowMs: number;
  freeRuns: [number, number][];
  usedInodeRuns: [number, number][];
  inodes: InodeJson[];
  transaction: { dirty: number[]; revokes: number; startMs: number | null; freedPending: [number, number][] };
  journal: { head: number; superblockStale: boolean };
  allocator: MballocState;
  /** When the lazy-init thread runs (null: it has, or the filesystem is not mounted). */
  lazyInitAtMs: number | null;
  /** Folders' i_last_alloc_group this mount: [folder inode, group]. */
  lastAllocGroups: [number, number][];
  /** Files a program keeps open for writing (absent in documents saved before there were any: none). */
  openFiles: number[];
  /** The free counts the superblock holds when they are not the bitmaps' (absent: they are). */
  superblockFree?: FreeCounts;
}

/** Free blocks and free inodes, as the superblock and e2fsck count them. */
export interface FreeCounts {
  blocks: number;
  inodes: number;
}

/**
 * An inode's plain fields, with its lists copied (a saved document must not share them with the live
 * inode). By hand rather than structuredClone: saving a base image of thousands of files is on the way
 * to the activity's first picture. A new list field must be copied here too.
 */
function copyFields<T extends Omit<Inode, 'entries' | 'mapping' | 'blocks'>>(fields: T): T {
  return {
    ...fields,
    extents: fields.extents.map(([first, count]) => [first, count]),
    rewrites: fields.rewrites.map(([first, count]) => [first, count]),
    delalloc: fields.delalloc && { ...fields.delalloc },
    ...(fields.blockFill ? { blockFill: [...fields.blockFill] } : {}),
  };
}

export function inodeToJson(inode: Inode): InodeJson {
  const { entries, mapping, ...rest } = inode;
  return {
    ...copyFields(rest),
    mapping: [...mapping],
    ...(entries
      ? {
          entries: [...entries].map(([name, e]): [string, number, number, number] => [
            name,
            e.ino,
            e.block,
            e.recLen,
          ]),
        }
      : {}),
  };
}

export function inodeFromJson(json: InodeJson): Inode {
  const { entries, mapping, blocks, ...rest } = json;
  return {
    ...copyFields(rest),
    blocks: blocks ?? rest.extents.reduce((sum, [, count]) => sum + count, 0),
    mapping: new Map(mapping),
    ...(entries
      ? { entries: new Map(entries.map(([name, ino, block, recLen]) => [name, { ino, block, recLen }])) }
      : {}),
  };
}

/** Runs of set bytes (1) in a byte map: used inodes. */
export function runsOf(bytes: Uint8Array, value: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = bytes.indexOf(value); i !== -1;) {
    let end = bytes.indexOf(value === 1 ? 0 : 1, i);
    if (end === -1) end = bytes.length;
    runs.push([i, end - i]);
    i = end >= bytes.length ? -1 : bytes.indexOf(value, end);
  }
  return runs;
}
