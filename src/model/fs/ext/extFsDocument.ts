// Checking a saved ext filesystem (ExtFsState) before anything is built from it: every field's type, every
// block and inode number inside the filesystem mkfs made, every folder entry pointing at an inode the
// document holds. A damaged document must be refused, not become a filesystem that fails later.
//
// Not checked: that the folders form a tree (a document could make a folder its own child); only a
// hand-edited document can do that, not a truncated or mistyped one.

import { ModelError } from '../../errors';
import { EXT_FS_STATE_VERSION, type ExtFsState } from './ExtFsState';
import { readMballocState } from './mballoc/mballocDocument';
import { extLayoutFor, type ExtLayout } from './ExtLayout';
import {
  problem,
  readBoolean,
  readFinite,
  readList,
  readNullable,
  readObject,
  readText,
  readWhole,
  readWholeTuples,
} from '../../docReader';

/** The checked document and the layout it describes. */
export interface CheckedExtFs {
  state: ExtFsState;
  layout: ExtLayout;
}

export function readExtFsState(value: unknown, path: string): CheckedExtFs {
  const doc = readObject(value, path);
  if (doc.version !== EXT_FS_STATE_VERSION) {
    throw problem(`${path}.version`, `is not ${String(EXT_FS_STATE_VERSION)}`);
  }
  const layoutDoc = readObject(doc.layout, `${path}.layout`);
  const mkfsCommand = readText(layoutDoc.mkfsCommand, `${path}.layout.mkfsCommand`);
  const sizeBytes = readWhole(layoutDoc.sizeBytes, `${path}.layout.sizeBytes`);
  const hashSeed =
    layoutDoc.hashSeed === undefined ? undefined : readText(layoutDoc.hashSeed, `${path}.layout.hashSeed`);
  let layout: ExtLayout;
  try {
    layout = extLayoutFor(mkfsCommand, sizeBytes, hashSeed);
  } catch (error) {
    if (error instanceof ModelError)
      throw problem(`${path}.layout`, `is not a filesystem mkfs makes (${error.message})`);
    throw error;
  }
  const blocks = layout.blocksCount;
  const inodeCount = layout.inodesPerGroup * layout.groupCount;
  const runs = (v: unknown, at: string, limit: number, from: number) => {
    const list = readWholeTuples(v, at, 2) as [number, number][];
    list.forEach(([first, count], i) => {
      if (first < from || first + count > limit)
        throw problem(`${at}[${String(i)}]`, 'lies outside the filesystem');
    });
    return list;
  };
  const block = (v: unknown, at: string) => {
    const n = readWhole(v, at);
    if (n >= blocks) throw problem(at, 'lies outside the filesystem');
    return n;
  };

  const mounted = readBoolean(doc.mounted, `${path}.mounted`);
  const aborted = doc.aborted === undefined ? false : readBoolean(doc.aborted, `${path}.aborted`);
  const nowMs = readWhole(doc.nowMs, `${path}.nowMs`);
  const freeRuns = runs(doc.freeRuns, `${path}.freeRuns`, blocks, 0);
  const usedInodeRuns = runs(doc.usedInodeRuns, `${path}.usedInodeRuns`, inodeCount + 1, 1);

  const inodeList = readList(doc.inodes, `${path}.inodes`);
  const inodes = inodeList.map((raw, index) =>
    readInode(raw, `${path}.inodes[${String(index)}]`, block, runs, blocks),
  );
  const byIno = new Map<number, (typeof inodes)[number]>();
  inodes.forEach((inode, index) => {
    const at = `${path}.inodes[${String(index)}]`;
    if (inode.ino < 1 || inode.ino > inodeCount)
      throw problem(`${at}.ino`, 'is not an inode of this filesystem');
    if (byIno.has(inode.ino)) throw problem(`${at}.ino`, 'appears twice');
    byIno.set(inode.ino, inode);
  });
  if (byIno.get(2)?.dir !== true) throw problem(`${path}.inodes`, 'hold no root folder (inode 2)');
  const heldElsewhere: [number, number][] = [];
  inodes.forEach((inode, index) => {
    const at = `${path}.inodes[${String(index)}]`;
    for (const [e, [, ino, dirBlock]] of (inode.entries ?? []).entries()) {
      if (!byIno.has(ino))
        throw problem(`${at}.entries[${String(e)}]`, 'names an inode the document does not hold');
      if (dirBlock >= (inode.blockFill?.length ?? 0))
        throw problem(`${at}.entries[${String(e)}]`, 'lies past the folder’s blocks');
    }
  });

  const tx = readObject(doc.transaction, `${path}.transaction`);
  const transaction = {
    dirty: readList(tx.dirty, `${path}.transaction.dirty`).map((b, i) =>
      block(b, `${path}.transaction.dirty[${String(i)}]`),
    ),
    revokes: readWhole(tx.revokes, `${path}.transaction.revokes`),
    startMs: readNullable(tx.startMs, `${path}.transaction.startMs`, readFinite),
    freedPending: runs(tx.freedPending, `${path}.transaction.freedPending`, blocks, 0),
  };
  const journalDoc = readObject(doc.journal, `${path}.journal`);
  const journalBlocks = layout.journalExtents.reduce((sum, [, count]) => sum + count, 0);
  const journal = {
    head: readWhole(journalDoc.head, `${path}.journal.head`),
    superblockStale: readBoolean(journalDoc.superblockStale, `${path}.journal.superblockStale`),
  };
  if (journal.head < 1 || journal.head >= journalBlocks)
    throw problem(`${path}.journal.head`, 'lies outside the journal');
  const allocator = readMballocState(doc.allocator, `${path}.allocator`, layout, byIno);
  const lazyInitAtMs = readNullable(doc.lazyInitAtMs, `${path}.lazyInitAtMs`, readFinite);
  const lastAllocGroups = readWholeTuples(doc.lastAllocGroups, `${path}.lastAllocGroups`, 2) as [
    number,
    number,
  ][];
  lastAllocGroups.forEach(([ino, group], i) => {
    if (byIno.get(ino)?.dir !== true || group >= layout.groupCount)
      throw problem(
        `${path}.lastAllocGroups[${String(i)}]`,
        'is not a folder and a group of this filesystem',
      );
  });
  const openFiles = (doc.openFiles === undefined ? [] : readList(doc.openFiles, `${path}.openFiles`)).map(
    (raw, i) => {
      const ino = readWhole(raw, `${path}.openFiles[${String(i)}]`);
      if (byIno.get(ino)?.dir !== false)
        throw problem(`${path}.openFiles[${String(i)}]`, 'is not a file of this filesystem');
      return ino;
    },
  );
  let superblockFree: { blocks: number; inodes: number } | undefined;
  if (doc.superblockFree !== undefined) {
    const counts = readObject(doc.superblockFree, `${path}.superblockFree`);
    superblockFree = {
      blocks: readWhole(counts.blocks, `${path}.superblockFree.blocks`),
      inodes: readWhole(counts.inodes, `${path}.superblockFree.inodes`),
    };
    if (superblockFree.blocks > blocks || superblockFree.inodes > inodeCount)
      throw problem(`${path}.superblockFree`, 'counts more than the filesystem holds');
  }
  // Blocks taken but in no file yet: what preallocations have left, and blocks freed by the running
  // transaction.
  for (const list of allocator.groupPas) heldElsewhere.push(...list);
  for (const [, pas] of allocator.inodePas) {
    for (const pa of pas) {
      pa.taken.forEach((taken, i) => {
        if (!taken) heldElsewhere.push([pa.pstart + i, 1]);
      });
    }
  }
  heldElsewhere.push(...transaction.freedPending);
  checkBitmaps(path, layout, freeRuns, usedInodeRuns, inodes, heldElsewhere);

  return {
    layout,
    state: {
      version: EXT_FS_STATE_VERSION,
      layout: { mkfsCommand, sizeBytes, ...(hashSeed === undefined ? {} : { hashSeed }) },
      mounted,
      aborted,
      nowMs,
      freeRuns,
      usedInodeRuns,
      inodes,
      transaction,
      journal,
      allocator,
      lazyInitAtMs,
      lastAllocGroups,
      ...(superblockFree ? { superblockFree } : {}),
      openFiles,
    },
  };
}

type InodeJson = ExtFsState['inodes'][number];

/**
 * The bitmaps agree with the inodes: free runs do not overlap, no inode's block is free, and every inode
 * held (and every one mkfs reserves) is marked in use — else the next allocation would hand out an inode
 * or a block still in use.
 */
function checkBitmaps(
  path: string,
  layout: ExtLayout,
  freeRuns: [number, number][],
  usedInodeRuns: [number, number][],
  inodes: InodeJson[],
  heldElsewhere: [number, number][],
): void {
  const free = new Uint8Array(layout.blocksCount);
  for (const [first, count] of freeRuns) {
    if (free.subarray(first, first + count).includes(1)) throw problem(`${path}.freeRuns`, 'overlap');
    free.fill(1, first, first + count);
  }
  const used = new Uint8Array(layout.inodesPerGroup * layout.groupCount + 1);
  for (const [first, count] of usedInodeRuns) used.fill(1, first, first + count);
  // Inodes 1 to firstInode - 1 are reserved for good; firstInode is lost+found, which root may delete.
  if (used.subarray(1, layout.firstInode).includes(0)) {
    throw problem(`${path}.usedInodeRuns`, 'leave out inodes mkfs reserves');
  }
  const inUse = (runs: [number, number][], at: string) => {
    for (const [first, count] of runs) {
      if (free.subarray(first, first + count).includes(1)) throw problem(at, 'holds blocks marked free');
    }
  };
  inodes.forEach((inode, index) => {
    const at = `${path}.inodes[${String(index)}]`;
    if (used[inode.ino] !== 1) throw problem(at, 'is not marked in use');
    inUse(inode.extents, at);
    if (inode.extentBlock !== null) inUse([[inode.extentBlock, 1]], at);
    inUse(
      inode.mapping.map(([, b]): [number, number] => [b, 1]),
      at,
    );
  });
  inUse(heldElsewhere, `${path}.allocator`);
}

function readInode(
  raw: unknown,
  at: string,
  block: (v: unknown, at: string) => number,
  runs: (v: unknown, at: string, limit: number, from: number) => [number, number][],
  blocks: number,
): InodeJson {
  const doc = readObject(raw, at);
  const dir = readBoolean(doc.dir, `${at}.dir`);
  const inode: InodeJson = {
    ino: readWhole(doc.ino, `${at}.ino`),
    dir,
    sizeBytes: readWhole(doc.sizeBytes, `${at}.sizeBytes`),
    extents: runs(doc.extents, `${at}.extents`, blocks, 0),
    extentBlock: readNullable(doc.extentBlock, `${at}.extentBlock`, block),
    links: readWhole(doc.links, `${at}.links`),
    atimeMs: readFinite(doc.atimeMs, `${at}.atimeMs`),
    mtimeMs: readFinite(doc.mtimeMs, `${at}.mtimeMs`),
    delalloc: readNullable(doc.delalloc, `${at}.delalloc`, (v, p) => {
      const d = readObject(v, p);
      return {
        fromBlock: readWhole(d.fromBlock, `${p}.fromBlock`),
        dirtiedMs: readFinite(d.dirtiedMs, `${p}.dirtiedMs`),
      };
    }),
    rewrites: readWholeTuples(doc.rewrites, `${at}.rewrites`, 2) as [number, number][],
    mapping: readList(doc.mapping, `${at}.mapping`).map((item, i) => {
      const p = `${at}.mapping[${String(i)}]`;
      const pair = readList(item, p);
      if (pair.length !== 2) throw problem(p, 'is not a [key, block] pair');
      return [readText(pair[0], `${p}[0]`), block(pair[1], `${p}[1]`)] as [string, number];
    }),
  };
  const extentBlocks = inode.extents.reduce((sum, [, count]) => sum + count, 0);
  if (doc.blocks !== undefined) {
    // Saved since ExtFs kept each file's block count; older documents leave it to be derived.
    inode.blocks = readWhole(doc.blocks, `${at}.blocks`);
    if (inode.blocks !== extentBlocks) throw problem(`${at}.blocks`, 'is not what its extents hold');
  }
  if (!dir) {
    if (doc.entries !== undefined || doc.blockFill !== undefined)
      throw problem(at, 'is a file with folder entries');
    return inode;
  }
  const blockFill = readList(doc.blockFill, `${at}.blockFill`).map((n, i) =>
    readWhole(n, `${at}.blockFill[${String(i)}]`),
  );
  if (blockFill.length !== extentBlocks)
    throw problem(`${at}.blockFill`, 'does not match the folder’s blocks');
  const entries = readList(doc.entries, `${at}.entries`).map((item, i) => {
    const p = `${at}.entries[${String(i)}]`;
    const entry = readList(item, p);
    if (entry.length !== 4) throw problem(p, 'is not a [name, inode, block, length] entry');
    const name = readText(entry[0], `${p}[0]`);
    if (name === '' || name.includes('/')) throw problem(`${p}[0]`, 'is not a file name');
    return [
      name,
      readWhole(entry[1], `${p}[1]`),
      readWhole(entry[2], `${p}[2]`),
      readWhole(entry[3], `${p}[3]`),
    ] as [string, number, number, number];
  });
  if (new Set(entries.map(([name]) => name)).size !== entries.length)
    throw problem(`${at}.entries`, 'name a file twice');
  return { ...inode, blockFill, entries };
}
