// What the parts of an ExtFs share: the layout, the block allocator, the inodes and the simulated clock,
// in one object, so that time moved by the filesystem is the time every part stamps.

import type { ExtLayout } from './ExtLayout';
import type { InodeTable } from './InodeTable';
import type { Mballoc } from './mballoc/Mballoc';

export interface ExtFsContext {
  readonly layout: ExtLayout;
  readonly mb: Mballoc;
  readonly inodes: InodeTable;
  /** ext3's files are block-mapped and allocated at write time; ext4's have extents, allocated at writeback. */
  readonly blockMapped: boolean;
  /** Simulated time, in ms. */
  nowMs: number;
}
