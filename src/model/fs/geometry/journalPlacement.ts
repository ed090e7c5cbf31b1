// Where mke2fs starts looking for the journal's blocks (lib/ext2fs/mkjournal.c get_midpoint_journal_block,
// e2fsprogs 1.47.0): the middle of the filesystem, moved to the emptiest nearby group so the journal is not
// cut by a superblock backup or packed metadata. It decides the journal's place only for extent-mapped
// journals; ext2fs_fallocate ignores the goal for block-mapped ones (ext3), which start from group 0.

import type { TableLayoutInput } from './groupTables';

/**
 * get_midpoint_journal_block: the first block of the group holding the filesystem's middle block, or of
 * whichever neighbour has more free blocks; with flex_bg and past the first flex group, the group is first
 * moved back to its flex group's start (then forward past full groups), and only the next group competes.
 */
export function midpointJournalGoal(fs: TableLayoutInput): number {
  const { blocksCount, flexBgGroups, firstDataBlock, blocksPerGroup } = fs;
  /** The group's free-block count, as its descriptor has it at this point. */
  const freeIn = (g: number): number => {
    const first = fs.groupFirstBlock(g);
    const last = fs.groupLastBlock(g);
    return last - first + 1 - fs.used.usedCount(first, last);
  };
  // ext2fs_group_of_blk2 of (blocks - first data block) / 2, itself counted from the first data block.
  const middle = Math.floor((blocksCount - firstDataBlock) / 2);
  let group = Math.floor((middle - firstDataBlock) / blocksPerGroup);
  let start: number;
  if (flexBgGroups && group > flexBgGroups) {
    group -= group % flexBgGroups;
    while (group < fs.groupCount && freeIn(group) === 0) group++;
    if (group === fs.groupCount) group = 0;
    start = group;
  } else start = group > 0 ? group - 1 : group;
  const end = group + 1 < fs.groupCount ? group + 1 : group;
  let best = start;
  for (let g = start + 1; g <= end; g++) if (freeIn(g) > freeIn(best)) best = g;
  return fs.groupFirstBlock(best);
}
