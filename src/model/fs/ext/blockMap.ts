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
