// Where an ext filesystem's metadata lives: the inode-table block of an inode, the descriptor block of a
// group, the group of a block or an inode, and where a new inode's blocks should go. Plain arithmetic on
// the layout, shared by the parts of ExtFs.

import type { ExtLayout } from './ExtLayout';
import type { Inode } from './Inode';

export function groupOfInode(layout: ExtLayout, ino: number): number {
  return Math.floor((ino - 1) / layout.inodesPerGroup);
}

export function groupOfBlock(layout: ExtLayout, block: number): number {
  return Math.floor((block - layout.firstDataBlock) / layout.blocksPerGroup);
}

/** The inode-table block holding inode `ino`. */
export function itableBlock(layout: ExtLayout, ino: number): number {
  const group = groupOfInode(layout, ino);
  const index = (ino - 1) % layout.inodesPerGroup;
  const perBlock = layout.blockSizeBytes / layout.inodeSizeBytes;
  return layout.inodeTableFirstBlockOf(group) + Math.floor(index / perBlock);
}

/** The block of the primary group descriptor table that describes `group`. */
export function descriptorBlock(layout: ExtLayout, group: number): number {
  const perBlock = layout.blockSizeBytes / layout.descriptorBytes;
  return layout.gdtFirstBlock + Math.floor(group / perBlock);
}

/**
 * ext4_inode_to_goal_block: the start of the inode's group — with flex groups of four or more, of the
 * first group of its flex group, or the second for a regular file (so data stays out of the way of
 * folders and metadata). Without delayed allocation the kernel adds a "colour" from the writer's process
 * id; the model leaves it out (it moves the goal within the group, and only the group is used).
 */
export function inodeGoalBlock(layout: ExtLayout, inode: Inode): number {
  const flex = layout.flexGroups;
  let group = groupOfInode(layout, inode.ino);
  if (flex >= 4) group = (group & ~(flex - 1)) + (inode.dir ? 0 : 1);
  return layout.firstDataBlock + group * layout.blocksPerGroup;
}
