// What e2fsck finds on a device of the rescue machine: nothing readable (an Invalid snapshot: every read
// is EIO), no ext filesystem at all, or the stick's root — whose journal must be recovered when ext4
// aborted it (the overlay ran out), and which is clean once a repairing check has run. The counts are
// those the summary line prints: inodes and blocks in use of the filesystem's totals.

import type { ExtFs } from '../fs/ext/ExtFs';

export interface FsCounts {
  inodesUsed: number;
  inodesCount: number;
  blocksUsed: number;
  blocksCount: number;
}

export type FsckVerdict =
  | { kind: 'unreadable' }
  | { kind: 'no-filesystem' }
  | { kind: 'needs-journal-recovery'; counts: FsCounts }
  | { kind: 'clean'; counts: FsCounts };

export function fsCounts(fs: ExtFs): FsCounts {
  const { layout } = fs;
  return {
    // Inodes 1 to firstInode-1 are reserved (the root folder among them) and always in use.
    inodesUsed: layout.firstInode - 1 + countEntries(fs, '/'),
    inodesCount: layout.inodesPerGroup * layout.groupCount,
    blocksUsed: fs.usedBlocks(),
    blocksCount: layout.blocksCount,
  };
}

function countEntries(fs: ExtFs, path: string): number {
  let count = 0;
  for (const entry of fs.readdir(path) ?? []) {
    count++;
    if (entry.kind === 'dir') count += countEntries(fs, `${path === '/' ? '' : path}/${entry.name}`);
  }
  return count;
}
