// Which group a new inode goes to (fs/ext4/ialloc.c, Linux 6.1). A folder made at the top of the
// filesystem is spread out: its name's hash picks where to start looking, and the first (flex) group with
// fewer folders and at least average free inodes and blocks takes it (find_group_orlov). Other folders stay
// near their parent unless it is crowded; files go to their folder's group, or its flex group
// (find_group_other). A file's data then aims at its inode's group, so this decides where data lands.

import { halfMd4Hash } from './dirHash';

export interface GroupCounts {
  groupCount: number;
  /** Groups per flex group; 1 without flex_bg (ext4_flex_bg_size). */
  flexSize: number;
  inodesPerGroup: number;
  blocksPerGroup: number;
  freeInodes(group: number): number;
  /** Free blocks as the group descriptor counts them. */
  freeBlocks(group: number): number;
  folders(group: number): number;
}

export interface Parent {
  /** The folder's own group (of its inode). */
  group: number;
  /** i_last_alloc_group: where its last new inode went, this mount. */
  lastAllocGroup: number | null;
  ino: number;
}

interface Stats {
  freeInodes: number;
  freeBlocks: number;
  folders: number;
}

/** get_orlov_stats: a group's counts, or its flex group's. */
function statsOf(counts: GroupCounts, group: number, flex: boolean): Stats {
  const first = flex ? group * counts.flexSize : group;
  const last = flex ? Math.min(first + counts.flexSize, counts.groupCount) : first + 1;
  const stats = { freeInodes: 0, freeBlocks: 0, folders: 0 };
  for (let g = first; g < last; g++) {
    stats.freeInodes += counts.freeInodes(g);
    stats.freeBlocks += counts.freeBlocks(g);
    stats.folders += counts.folders(g);
  }
  return stats;
}

function totals(counts: GroupCounts): Stats {
  return statsOf({ ...counts, flexSize: counts.groupCount }, 0, true);
}

/**
 * find_group_orlov, for a folder named `name` (`topLevel`: made in the root folder); -1 when no group has a
 * free inode.
 */
export function findGroupOrlov(
  counts: GroupCounts,
  parent: Parent,
  topLevel: boolean,
  name: string,
  seed: readonly number[],
): number {
  const real = counts.groupCount;
  const flex = counts.flexSize > 1;
  const ngroups = flex ? Math.ceil(real / counts.flexSize) : real;
  const all = totals(counts);
  const aveFreeInodes = Math.floor(all.freeInodes / ngroups);
  const aveFreeBlocks = Math.floor(all.freeBlocks / ngroups);
  const inFlex = (grp: number): number => {
    if (!flex) return grp;
    // Inodes are packed at the start of the flex group's inode tables.
    for (let g = grp * counts.flexSize; g < Math.min((grp + 1) * counts.flexSize, real); g++) {
      if (counts.freeInodes(g) > 0) return g;
    }
    return -1;
  };

  let found = -1;
  if (topLevel) {
    let bestFolders = counts.inodesPerGroup;
    const start = halfMd4Hash(name, seed) % ngroups;
    for (let i = 0; i < ngroups; i++) {
      const g = (start + i) % ngroups;
      const stats = statsOf(counts, g, flex);
      if (!stats.freeInodes || stats.folders >= bestFolders) continue;
      if (stats.freeInodes < aveFreeInodes || stats.freeBlocks < aveFreeBlocks) continue;
      found = g;
      bestFolders = stats.folders;
    }
  } else {
    const scale = flex ? counts.flexSize : 1;
    const maxFolders = Math.floor(all.folders / ngroups) + Math.floor((counts.inodesPerGroup * scale) / 16);
    const minInodes = Math.max(1, aveFreeInodes - Math.floor((counts.inodesPerGroup * scale) / 4));
    // Below zero the kernel used to compare it as unsigned and skip every group; 6.1.y takes 0 since the
    // stable fix "ext4: avoid negative min_clusters in find_group_orlov()".
    const minBlocks = Math.max(0, aveFreeBlocks - Math.floor((counts.blocksPerGroup * scale) / 4));
    const from = parent.lastAllocGroup ?? parent.group;
    const start = flex ? Math.floor(from / counts.flexSize) : from;
    for (let i = 0; i < ngroups && found === -1; i++) {
      const g = (start + i) % ngroups;
      const stats = statsOf(counts, g, flex);
      if (stats.folders >= maxFolders || stats.freeInodes < minInodes) continue;
      if (stats.freeBlocks < minBlocks) continue;
      found = g;
    }
  }
  const group = found === -1 ? -1 : inFlex(found);
  return group !== -1 ? group : fallback(counts, parent.group, all.freeInodes);
}

/** find_group_other, for a file; -1 when no group has a free inode. */
export function findGroupOther(counts: GroupCounts, parent: Parent, seed: readonly number[]): number {
  const ngroups = counts.groupCount;
  if (counts.flexSize > 1) {
    // The parent's flex group, then the one of its last new inode, then Orlov from the next flex group.
    for (const from of [parent.group, parent.lastAllocGroup]) {
      if (from === null) continue;
      const first = from & ~(counts.flexSize - 1);
      for (let g = first; g < Math.min(first + counts.flexSize, ngroups); g++) {
        if (counts.freeInodes(g) > 0) return g;
      }
    }
    return findGroupOrlov(counts, parent, false, '', seed);
  }
  const usable = (g: number) => counts.freeInodes(g) > 0 && counts.freeBlocks(g) > 0;
  if (usable(parent.group)) return parent.group;
  // Files of one folder land together, files of folders sharing a group apart: a quadratic hash from the
  // folder's inode number.
  let group = (parent.group + parent.ino) % ngroups;
  for (let i = 1; i < ngroups; i <<= 1) {
    group = (group + i) % ngroups;
    if (usable(group)) return group;
  }
  group = parent.group;
  for (let i = 0; i < ngroups; i++) {
    group = (group + 1) % ngroups;
    if (counts.freeInodes(group) > 0) return group;
  }
  return -1;
}

/** Orlov's fallback: the first group from the parent's with at least average free inodes, then any. */
function fallback(counts: GroupCounts, parentGroup: number, freeInodes: number): number {
  for (const average of [Math.floor(freeInodes / counts.groupCount), 0]) {
    for (let i = 0; i < counts.groupCount; i++) {
      const g = (parentGroup + i) % counts.groupCount;
      const free = counts.freeInodes(g);
      if (free > 0 && free >= average) return g;
    }
  }
  return -1;
}
