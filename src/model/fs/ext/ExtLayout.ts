// What the filesystem model needs to know of an ext3/4 image's on-disk layout: where the fixed metadata
// sits and which blocks are free after mkfs. A narrow view of the mke2fs geometry (../geometry), so the
// filesystem can also run on a small hand-made layout in tests.

import { ModelError } from '../../errors';
import { seedFromUuid } from './dirHash';
import {
  computeGeometry,
  freeRangesAfterMkfs,
  parseMkfsCommand,
  type ExtGeometry,
  type MkfsFile,
} from '../geometry';

export interface ExtLayout {
  kind: 'ext3' | 'ext4';
  blockSizeBytes: number;
  blocksCount: number;
  firstDataBlock: number;
  blocksPerGroup: number;
  groupCount: number;
  /** Groups per flex group (flex_bg), 0 without it. */
  flexGroups: number;
  inodesPerGroup: number;
  inodeSizeBytes: number;
  /** Group descriptor size in bytes (64 with the 64bit feature, else 32). */
  descriptorBytes: number;
  superblockBlock: number;
  /** The primary group descriptor table. */
  gdtFirstBlock: number;
  blockBitmapOf(group: number): number;
  inodeBitmapOf(group: number): number;
  inodeTableFirstBlockOf(group: number): number;
  /** The journal's blocks on disk, in journal order: [firstBlock, count] extents. */
  journalExtents: [number, number][];
  rootDirBlock: number;
  lostFoundBlocks: [number, number];
  /** Blocks mkfs left free, as [first, count] ranges. */
  freeRangesAfterMkfs: [number, number][];
  /** Groups mkfs marked BLOCK_UNINIT (their bitmap is implied, never read): see blockUninitGroups. */
  blockUninitAfterMkfs: boolean[];
  /** Inodes in use after mkfs: 1–10 reserved, 11 lost+found. */
  firstInode: number;
  /** s_hash_seed: seeds the name hash that spreads top-level folders (see inodeGroups.ts). */
  hashSeed: number[];
  /** How it was made, when it came from a mkfs command line: enough to make it again. */
  source?: { mkfsCommand: string; sizeBytes: number; hashSeed?: string };
}

/** The layout view of what mke2fs made. */
export function layoutFromGeometry(geometry: ExtGeometry): ExtLayout {
  const group0 = geometry.groups[0]!;
  if (geometry.fsType === 'ext2' || !geometry.journal) {
    throw new ModelError('EINVAL', 'only ext3 and ext4 with a journal are modelled');
  }
  const firstBlockOf = (file: MkfsFile) => file.extents[0]!.firstBlock;
  return {
    kind: geometry.fsType,
    blockSizeBytes: geometry.blockSizeBytes,
    blocksCount: geometry.blocksCount,
    firstDataBlock: geometry.firstDataBlock,
    blocksPerGroup: geometry.blocksPerGroup,
    groupCount: geometry.groupCount,
    flexGroups: geometry.flexBgGroups,
    inodesPerGroup: geometry.inodesPerGroup,
    inodeSizeBytes: geometry.inodeSizeBytes,
    descriptorBytes: geometry.descriptorBytes,
    superblockBlock: group0.superblockBlock ?? geometry.firstDataBlock,
    gdtFirstBlock: group0.gdtBlocks![0],
    blockBitmapOf: (group) => geometry.groups[group]!.blockBitmapBlock,
    inodeBitmapOf: (group) => geometry.groups[group]!.inodeBitmapBlock,
    inodeTableFirstBlockOf: (group) => geometry.groups[group]!.inodeTable[0],
    journalExtents: geometry.journal.extents.map((e) => [e.firstBlock, e.blocksCount]),
    rootDirBlock: firstBlockOf(geometry.rootDir),
    lostFoundBlocks: [firstBlockOf(geometry.lostAndFound), geometry.lostAndFound.extents[0]!.blocksCount],
    freeRangesAfterMkfs: freeRangesAfterMkfs(geometry).map(([first, count]) => [first, count]),
    blockUninitAfterMkfs: blockUninitGroups(geometry),
    firstInode: geometry.firstInode,
    hashSeed: [0, 0, 0, 0],
  };
}

/**
 * The groups mke2fs leaves BLOCK_UNINIT: with group checksums (metadata_csum), every group but the last
 * that holds nothing but superblock and descriptor copies (ext2fs_initialize sets the flag, placing
 * bitmaps, inode tables or the journal in a group clears it).
 */
function blockUninitGroups(geometry: ExtGeometry): boolean[] {
  const uninit = geometry.groups.map((_, g) => geometry.features.metadataCsum && g < geometry.groupCount - 1);
  const copies = new Set(['superblock', 'gdt', 'reservedGdt', 'bootBlock']);
  for (const run of geometry.usedRuns) {
    if (copies.has(run.kind)) continue;
    const first = Math.max(
      0,
      Math.floor((run.firstBlock - geometry.firstDataBlock) / geometry.blocksPerGroup),
    );
    const last = Math.floor(
      (run.firstBlock + run.blocksCount - 1 - geometry.firstDataBlock) / geometry.blocksPerGroup,
    );
    for (let g = first; g <= last; g++) uninit[g] = false;
  }
  return uninit;
}

/**
 * The layout `mkfs` (a command line such as `mkfs.ext4 -F -b 4096 -m 1`) gives an image of `sizeBytes`.
 * mke2fs picks a random hash seed; `hashSeed` (the UUID dumpe2fs shows as "Directory Hash Seed") names one,
 * and without it the seed is zero — which the kernel reads as "use MD4's own starting values" — so that
 * Cellar's images come out the same every time.
 */
export function extLayoutFor(mkfsCommand: string, sizeBytes: number, hashSeed?: string): ExtLayout {
  return {
    ...layoutFromGeometry(computeGeometry(parseMkfsCommand(mkfsCommand, sizeBytes))),
    ...(hashSeed === undefined ? {} : { hashSeed: seedFromUuid(hashSeed) }),
    source: { mkfsCommand, sizeBytes, ...(hashSeed === undefined ? {} : { hashSeed }) },
  };
}
