// What e2fsck finds on a device of the rescue machine: nothing readable (an Invalid snapshot: every read
// is EIO), no ext filesystem at all, or the stick's root — whose journal must be recovered when ext4
// aborted it (the overlay ran out), and which is clean once a repairing check has run. The counts are
// those the summary line prints: inodes and blocks in use of the filesystem's totals; `superblockFree` is
// what the superblock said was free before the check (pass 5 reports where it differs).

import type { ExtFs } from '../fs/ext/ExtFs';
import type { FreeCounts } from '../fs/ext/ExtFsState';

export interface FsCounts {
  inodesUsed: number;
  inodesCount: number;
  blocksUsed: number;
  blocksCount: number;
}

export type FsckVerdict =
  | { kind: 'unreadable' }
  | { kind: 'no-filesystem' }
  | { kind: 'needs-journal-recovery'; counts: FsCounts; superblockFree: FreeCounts }
  | { kind: 'clean'; counts: FsCounts; superblockFree: FreeCounts };

export function fsCounts(fs: ExtFs): FsCounts {
  const { layout } = fs;
  const free = fs.freeCounts();
  const inodesCount = layout.inodesPerGroup * layout.groupCount;
  return {
    inodesUsed: inodesCount - free.inodes,
    inodesCount,
    blocksUsed: layout.blocksCount - free.blocks,
    blocksCount: layout.blocksCount,
  };
}
