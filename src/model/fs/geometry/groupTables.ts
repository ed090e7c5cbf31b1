// Where mke2fs puts each group's block bitmap, inode bitmap and inode table (lib/ext2fs/alloc_tables.c,
// ext2fs_allocate_group_table and flexbg_offset, e2fsprogs 1.47.0), group by group in order.
//
// Without flex_bg, each group's tables go in the group itself: the first free block (after the superblock
// copy and GDT, if any) for the block bitmap, the next for the inode bitmap, then the first free run long
// enough for the inode table.
//
// With flex_bg, the groups of a flex group share one area at the flex group's start: all block bitmaps,
// then (table_offset blocks after the first block bitmap) all inode bitmaps, then (table_offset after the
// first inode bitmap) all inode tables. table_offset is the flex_bg size, except in the last flex group,
// where it is the number of groups left, so that its tables stay contiguous. Each group's block is searched
// for just after the previous group's (flexbg_offset's quick check over the next rem_grps*size blocks, at
// most a quarter group), stepping over obstacles such as a backup superblock and its reserved GDT blocks —
// which is how the 16th inode table of a 1 KiB filesystem ends up in group 1 after its reserved GDT blocks.
// When that fails, the search starts again at the flex group's first block.

import { ModelError } from '../../errors';
import { getFreeBlocks, type AllocContext } from './allocator';

export interface GroupTables {
  readonly blockBitmapBlock: number;
  readonly inodeBitmapBlock: number;
  readonly inodeTableFirstBlock: number;
}

export interface TableLayoutInput extends AllocContext {
  readonly groupCount: number;
  readonly blocksPerGroup: number;
  readonly inodeTableBlocksPerGroup: number;
  /** 0 without flex_bg. */
  readonly flexBgGroups: number;
  groupFirstBlock(group: number): number;
  groupLastBlock(group: number): number;
}

/** Marks used the first `count` free blocks found from each start in turn (up to `lastBlock`). */
function takeFreeBlocks(
  fs: TableLayoutInput,
  group: number,
  what: string,
  count: number,
  starts: number[],
  lastBlock: number,
): number {
  for (const start of starts) {
    const found = getFreeBlocks(fs, start, lastBlock, count);
    if (found === undefined) continue;
    fs.used.mark(found, count);
    return found;
  }
  throw new ModelError('ENOSPC', `mke2fs would fail: no room for group ${group}'s ${what}`);
}

/** flexbg_offset: where to start looking for `elemSize` blocks for `group`. */
function flexbgOffset(
  fs: TableLayoutInput,
  group: number,
  startBlock: number,
  remainingGroups: number,
  elemSize: number,
): number {
  const flexSize = fs.flexBgGroups;
  const flexGroup = Math.floor(group / flexSize);
  const size = Math.min(remainingGroups * elemSize, Math.floor(fs.blocksPerGroup / 4));

  // Keep going from the previous group's block if there is room soon after it.
  if (startBlock !== 0 && startBlock < fs.blocksCount) {
    const found = getFreeBlocks(fs, startBlock, startBlock + size, elemSize);
    if (found !== undefined) return found;
  }
  const flexFirst = fs.groupFirstBlock(flexSize * flexGroup);
  const lastGroup = Math.min(group | (flexSize - 1), fs.groupCount - 1);
  const lastBlock = fs.groupLastBlock(lastGroup);
  return (
    getFreeBlocks(fs, flexFirst, lastBlock, size) ??
    getFreeBlocks(fs, flexFirst, lastBlock, elemSize) ??
    getFreeBlocks(fs, 0, lastBlock, elemSize) ??
    0
  );
}

/**
 * Allocates one group's tables, marking them used; `previous` is the previous group's (flex_bg packs
 * relative to it).
 */
export function allocateGroupTables(
  fs: TableLayoutInput,
  group: number,
  previous: GroupTables | undefined,
): GroupTables {
  const itb = fs.inodeTableBlocksPerGroup;
  const groupFirst = fs.groupFirstBlock(group);
  let lastBlock = fs.groupLastBlock(group);
  const take = (what: string, count: number, starts: number[]) =>
    takeFreeBlocks(fs, group, what, count, starts, lastBlock);

  if (!fs.flexBgGroups) {
    const bb = take('block bitmap', 1, [groupFirst]);
    const ib = take('inode bitmap', 1, [groupFirst]);
    const it = take('inode table', itb, [groupFirst]);
    return { blockBitmapBlock: bb, inodeBitmapBlock: ib, inodeTableFirstBlock: it };
  }

  const flexSize = fs.flexBgGroups;
  const lastGroup = Math.min(group | (flexSize - 1), fs.groupCount - 1);
  const remainingGroups = lastGroup - group + 1;
  const continuing = group % flexSize !== 0 && previous !== undefined;
  let tableOffset = flexSize;
  if (group % flexSize === 0 && lastGroup === fs.groupCount - 1) {
    // The last flex group: keep its tables contiguous.
    tableOffset = lastGroup & (flexSize - 1);
    tableOffset = tableOffset === 0 ? flexSize : tableOffset + 1;
  }
  lastBlock = fs.groupLastBlock(lastGroup);

  // Each table is looked for from its flex_bg offset; a bitmap may then fall back to anywhere in the
  // group, the inode table may not (alloc_tables.c).
  const from = (preferred: number, count: number) =>
    flexbgOffset(fs, group, preferred, remainingGroups, count);
  const bb = take('block bitmap', 1, [from(continuing ? previous.blockBitmapBlock + 1 : 0, 1), groupFirst]);
  const ib = take('inode bitmap', 1, [
    from(continuing ? previous.inodeBitmapBlock + 1 : bb + tableOffset, 1),
    groupFirst,
  ]);
  const it = take('inode table', itb, [
    from(continuing ? previous.inodeTableFirstBlock + itb : ib + tableOffset, itb),
  ]);
  return { blockBitmapBlock: bb, inodeBitmapBlock: ib, inodeTableFirstBlock: it };
}
