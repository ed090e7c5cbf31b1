// What the filesystem model needs to know of an ext3/4 image's on-disk layout: where the fixed metadata
// sits and which blocks are free after mkfs. A narrow view of the mke2fs geometry (../geometry), so the
// filesystem can also run on a small hand-made layout in tests.

import { ModelError } from '../../errors';
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
  /** Inodes in use after mkfs: 1–10 reserved, 11 lost+found. */
  firstInode: number;
  /** How it was made, when it came from a mkfs command line: enough to make it again. */
  source?: { mkfsCommand: string; sizeBytes: number };
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
    firstInode: geometry.firstInode,
  };
}

/** The layout `mkfs` (a command line such as `mkfs.ext4 -F -b 4096 -m 1`) gives an image of `sizeBytes`. */
export function extLayoutFor(mkfsCommand: string, sizeBytes: number): ExtLayout {
  return {
    ...layoutFromGeometry(computeGeometry(parseMkfsCommand(mkfsCommand, sizeBytes))),
    source: { mkfsCommand, sizeBytes },
  };
}
