// computeGeometry: where mke2fs 1.47.0 puts everything, by replaying its steps on a model of the block
// bitmap (misc/mke2fs.c main):
//   1. ext2fs_initialize: numbers (superblockLayout.ts), and each group's superblock copy, GDT copy and
//      reserved GDT blocks marked used (ext2fs_reserve_super_and_bgd, lib/ext2fs/alloc_sb.c);
//   2. ext2fs_allocate_tables: bitmaps and inode tables, group by group (groupTables.ts);
//   3. create_root_dir: inode 2's block, from its (flex) group's first block;
//   4. create_lost_and_found: inode 11, 16 KiB of blocks but at least 2 and at most 12;
//   5. ext2fs_create_resize_inode (lib/ext2fs/res_gdt.c): its double-indirect block, searched from just
//      past where group 0's inode table would be without flex_bg; the reserved GDT blocks it maps are
//      already marked;
//   6. the journal, inode 8 (lib/ext2fs/mkjournal.c write_journal_inode): extent-mapped from the start of
//      get_midpoint_journal_block's group — the group holding the middle block, or with flex_bg past the
//      first flex group the start of its flex group, whichever of it and its neighbours has the most free
//      blocks — or block-mapped (ext3) from group 0, since block maps ignore that goal.
// Nothing after the journal takes blocks with Debian's mke2fs.conf (no quota, orphan_file or hugefiles).

import { newBlock } from './allocator';
import { journalBlocks } from './journalSize';
import { midpointJournalGoal } from './journalPlacement';
import { resolveMkfsParams } from './mkfsParams';
import { allocateBlockMapped, allocateDirectory, allocateExtentMapped } from './fileBlocks';
import { allocateGroupTables, type GroupTables, type TableLayoutInput } from './groupTables';
import { FIRST_INODE, groupHasSuperblock, layoutSuperblock } from './superblockLayout';
import { UsedBlocks } from './UsedBlocks';
import { labelUsedRuns } from './labelRuns';
import type { BlockRun, ExtGeometry, ExtGroup, Journal, MkfsFile, MkfsOptions, MkfsParams } from './types';

export const ROOT_INODE = 2;
export const RESIZE_INODE = 7;
export const JOURNAL_INODE = 8;
export const LOST_AND_FOUND_INODE = FIRST_INODE;

/** create_lost_and_found: expand until 16 KiB and at least 2 blocks, within the 12 direct blocks. */
export function lostAndFoundBlocks(blockSizeBytes: number): number {
  let blocks = 1;
  for (let i = 1; i < 12; i++) {
    const bytes = i * blockSizeBytes;
    if (bytes >= 16 * 1024 && bytes >= 2 * blockSizeBytes) break;
    blocks += 1;
  }
  return blocks;
}

/** The geometry of `mke2fs` run with these options. */
export function computeGeometry(options: MkfsOptions): ExtGeometry {
  return computeGeometryFromParams(resolveMkfsParams(options));
}

export function computeGeometryFromParams(params: MkfsParams): ExtGeometry {
  const sb = layoutSuperblock(params);
  const { features } = params;
  const { blocksCount, firstDataBlock, blocksPerGroup, groupCount } = sb;
  const bs = sb.blockSizeBytes;
  const itb = sb.inodeTableBlocksPerGroup;
  const flexBgGroups = params.flexBgGroups;
  const used = new UsedBlocks(blocksCount);

  const groupFirstBlock = (g: number): number => firstDataBlock + g * blocksPerGroup;
  const groupLastBlock = (g: number): number =>
    g === groupCount - 1 ? blocksCount - 1 : groupFirstBlock(g) + blocksPerGroup - 1;
  const fs: TableLayoutInput = {
    used,
    blocksCount,
    firstDataBlock,
    groupCount,
    blocksPerGroup,
    inodeTableBlocksPerGroup: itb,
    flexBgGroups,
    groupFirstBlock,
    groupLastBlock,
  };

  // 1. Superblock copies, GDT copies and reserved GDT blocks.
  const copies: { superblock?: number; gdt?: BlockRun; reservedGdt?: BlockRun }[] = [];
  let initialFreeBlocks = 0;
  for (let g = 0; g < groupCount; g++) {
    const groupBlocks = groupLastBlock(g) - groupFirstBlock(g) + 1;
    let usedHere = 0;
    if (!groupHasSuperblock(g, sb.sparseSuper)) {
      copies.push({});
    } else {
      const superblock = groupFirstBlock(g);
      used.mark(superblock, 1);
      const descFirst = superblock + 1;
      const descEnd = Math.min(descFirst + sb.gdtBlocksCount + sb.reservedGdtBlocksCount, blocksCount);
      used.mark(descFirst, descEnd - descFirst);
      const gdtCount = Math.min(sb.gdtBlocksCount, descEnd - descFirst);
      const rsvCount = descEnd - descFirst - gdtCount;
      copies.push({
        superblock,
        gdt: [descFirst, gdtCount],
        ...(rsvCount > 0 ? { reservedGdt: [descFirst + gdtCount, rsvCount] as BlockRun } : {}),
      });
      usedHere = 1 + sb.gdtBlocksCount + sb.reservedGdtBlocksCount;
    }
    initialFreeBlocks += groupBlocks - usedHere - (flexBgGroups ? 0 : 2 + itb);
  }

  // 2. Bitmaps and inode tables.
  const tables: GroupTables[] = [];
  for (let g = 0; g < groupCount; g++) tables.push(allocateGroupTables(fs, g, tables[g - 1]));
  const metadataBlocks = used.usedCount(firstDataBlock, blocksCount - 1);

  // 3–4. The root directory and lost+found; a new inode's first block goes in its flex group's first group.
  const goalOfInode = (inode: number): number => {
    let group = Math.floor((inode - 1) / sb.inodesPerGroup);
    if (flexBgGroups) group -= group % flexBgGroups;
    return groupFirstBlock(group);
  };
  const rootDir = allocateDirectory(fs, ROOT_INODE, 1, goalOfInode(ROOT_INODE), features.extents);
  const lostAndFound = allocateDirectory(
    fs,
    LOST_AND_FOUND_INODE,
    lostAndFoundBlocks(bs),
    goalOfInode(LOST_AND_FOUND_INODE),
    features.extents,
  );

  // 5. The resize inode's double-indirect block.
  let resizeInodeDindBlock: number | undefined;
  if (features.resizeInode) {
    const sbBlock = firstDataBlock === 0 && bs === 1024 ? 1 : firstDataBlock;
    const goal = sbBlock + sb.gdtBlocksCount + sb.reservedGdtBlocksCount + 2 + itb;
    resizeInodeDindBlock = newBlock(fs, goal, `inode ${RESIZE_INODE}`);
    used.mark(resizeInodeDindBlock, 1);
  }

  // 6. The journal.
  let journal: Journal | undefined;
  const journalCount = features.hasJournal
    ? journalBlocks(blocksCount, bs, initialFreeBlocks, params.journalSizeMiB)
    : 0;
  if (journalCount > 0) {
    let file: MkfsFile;
    if (features.extents) {
      const midpoint = midpointJournalGoal(fs);
      const free = used.firstFree(midpoint, blocksCount - 1);
      file = allocateExtentMapped(fs, JOURNAL_INODE, journalCount, free < 0 ? midpoint : free, bs);
    } else {
      file = allocateBlockMapped(fs, JOURNAL_INODE, journalCount, goalOfInode(JOURNAL_INODE), bs);
    }
    journal = { ...file, blocksCount: journalCount, sizeBytes: journalCount * bs };
  }

  // The result, group by group.
  const groups: ExtGroup[] = [];
  for (let g = 0; g < groupCount; g++) {
    const first = groupFirstBlock(g);
    const last = groupLastBlock(g);
    const copy = copies[g];
    const freeRanges = used.freeRuns(first, last);
    groups.push({
      index: g,
      firstBlock: first,
      lastBlock: last,
      blocksCount: last - first + 1,
      ...(copy.superblock !== undefined ? { superblockBlock: copy.superblock } : {}),
      superblockIsBackup: copy.superblock !== undefined && g > 0,
      ...(copy.gdt ? { gdtBlocks: copy.gdt } : {}),
      ...(copy.reservedGdt ? { reservedGdtBlocks: copy.reservedGdt } : {}),
      blockBitmapBlock: tables[g].blockBitmapBlock,
      inodeBitmapBlock: tables[g].inodeBitmapBlock,
      inodeTable: [tables[g].inodeTableFirstBlock, itb],
      inodes: [g * sb.inodesPerGroup + 1, sb.inodesPerGroup],
      freeRanges,
      freeBlocksCount: freeRanges.reduce((sum, [, n]) => sum + n, 0),
    });
  }
  const freeBlocksCount = groups.reduce((sum, group) => sum + group.freeBlocksCount, 0);

  return {
    params,
    fsType: params.fsType,
    features,
    blockSizeBytes: bs,
    blocksCount,
    firstDataBlock,
    blocksPerGroup,
    groupCount,
    descriptorBytes: sb.descriptorBytes,
    gdtBlocksCount: sb.gdtBlocksCount,
    reservedGdtBlocksCount: sb.reservedGdtBlocksCount,
    flexBgGroups,
    inodesCount: sb.inodesCount,
    inodesPerGroup: sb.inodesPerGroup,
    inodeSizeBytes: sb.inodeSizeBytes,
    inodesPerBlock: bs / sb.inodeSizeBytes,
    inodeTableBlocksPerGroup: itb,
    firstInode: FIRST_INODE,
    reservedBlocksCount: sb.reservedBlocksCount,
    overheadBlocks: metadataBlocks + journalCount + firstDataBlock,
    freeBlocksCount,
    freeInodesCount: sb.inodesCount - FIRST_INODE,
    groups,
    rootDir,
    lostAndFound,
    ...(resizeInodeDindBlock !== undefined ? { resizeInodeDindBlock } : {}),
    ...(journal ? { journal } : {}),
    usedRuns: labelUsedRuns({
      firstDataBlock,
      groups,
      rootDir,
      lostAndFound,
      resizeInodeDindBlock,
      journal,
    }),
  };
}
