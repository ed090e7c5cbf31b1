// The shape of a block-mapped file (ext3, no extents): 12 direct pointers in the inode, then a single, a
// double and a triple indirect block of blockSize/4 pointers each. Which indirect blocks a logical block
// needs, named by their place in the tree ("1", "2", "2/5", …), so a file can keep the ones it has.

const DIRECT_POINTERS = 12;

/** The indirect blocks logical block `logical` needs, from the top of the tree down. */
export function indirectKeys(logical: number, pointersPerBlock: number): string[] {
  const p = pointersPerBlock;
  let index = logical - DIRECT_POINTERS;
  if (index < 0) return [];
  if (index < p) return ['1'];
  index -= p;
  if (index < p * p) return ['2', `2/${Math.floor(index / p)}`];
  index -= p * p;
  return ['3', `3/${Math.floor(index / (p * p))}`, `3/${Math.floor(index / p)}`];
}

/**
 * Where the first missing block on the way to `logical` should go, for a file written in order up to it
 * (ext4_find_goal → ext4_find_near): next to the pointer just before it in the same parent (the previous
 * indirect block, or `blockBefore`, the data block before), else next to the parent indirect block, else
 * (undefined) at the inode's goal. So a file's indirect blocks follow one another wherever its data went.
 */
export function branchGoal(
  logical: number,
  pointersPerBlock: number,
  mapping: ReadonlyMap<string, number>,
  blockBefore: number | undefined,
): number | undefined {
  const keys = indirectKeys(logical, pointersPerBlock);
  // The first missing level: an indirect block, or (keys.length) the data block itself.
  const found = keys.findIndex((key) => !mapping.has(key));
  const level = found === -1 ? keys.length : found;
  const parent = level === 0 ? undefined : mapping.get(keys[level - 1]!); // undefined: the inode
  if (logical === 0) return parent;
  const before = indirectKeys(logical - 1, pointersPerBlock);
  // The inode is every top-level pointer's parent; below it, the block before must hang from the same one.
  if (level > 0 && before[level - 1] !== keys[level - 1]) return parent;
  const sibling = before[level];
  // No indirect block before at this level: the pointer before is the data block before.
  return (sibling === undefined ? blockBefore : mapping.get(sibling)) ?? parent;
}
