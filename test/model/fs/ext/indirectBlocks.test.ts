// Where an ext3 file's indirect blocks go (block-mapped files): next to the pointer before them in the same
// parent (ext4_find_goal → ext4_find_near), so they follow one another wherever the file's data goes. The
// kernel lab's a_ext3 shows it: the 16 MiB file's first copied chunks are in group 0 (chunk 1677, its
// indirect blocks), its data in groups 2–5.

import { describe, expect, it } from 'vitest';
import { buildBaseImage } from '../../../../src/model/fs/baseImage';
import { branchGoal } from '../../../../src/model/fs/ext/blockMap';
import { applyFileOp } from '../../../../src/model/fs/fileOps';

/** A 64 MiB ext3 (1 KiB blocks, 8192 to a group) with a new 16 MiB file: its indirect and data blocks. */
function bigFileBlocks() {
  const fs = buildBaseImage({
    fs: 'ext3',
    size_bytes: 64 * 1024 * 1024,
    mkfs: 'mkfs.ext3 -F root.img',
    tree: { files: 40, bytes: 400 * 1024 },
  });
  fs.attach({ writeBlocks: () => true });
  fs.mount();
  applyFileOp(fs, { op: 'write', path: '/big', bytes: 16 * 1024 * 1024 });
  const { inodes } = fs.save();
  const ino = inodes.find((inode) => inode.ino === 2)!.entries!.find(([name]) => name === 'big')![1];
  const big = inodes.find((inode) => inode.ino === ino)!;
  const group = (block: number) => Math.floor((block - fs.layout.firstDataBlock) / fs.layout.blocksPerGroup);
  // In the order they were allocated: the single, the double, then the double's 63 children.
  return { indirect: big.mapping.map(([, block]) => block), lastData: big.extents.at(-1)![0], group };
}

describe('ext3 indirect blocks', () => {
  it('each new one aims at the pointer before it in its parent, else at the parent, else at the inode’s goal', () => {
    const p = 256; // 1 KiB blocks
    const mapping = new Map([
      ['1', 500],
      ['2', 501],
      ['2/0', 502],
    ]);
    // The single indirect block: after the twelfth data block, the inode's last direct pointer.
    expect(branchGoal(12, p, new Map(), 9000)).toBe(9000);
    // The double indirect block: after the single, the inode's pointer before it, not after the data.
    expect(branchGoal(12 + p, p, new Map([['1', 500]]), 9000)).toBe(500);
    // The double's second child: after its first.
    expect(branchGoal(12 + 2 * p, p, mapping, 9000)).toBe(502);
    // A data block: after the data block before it in the same indirect block.
    expect(branchGoal(13 + p, p, mapping, 9000)).toBe(9000);
    // The first data block under the double's second child: nothing before it there, so after that child.
    expect(branchGoal(12 + 2 * p, p, new Map([...mapping, ['2/1', 503]]), 9000)).toBe(503);
    // The first block of a file: the inode's goal (undefined).
    expect(branchGoal(0, p, new Map(), undefined)).toBeUndefined();
  });

  it('a big file’s indirect blocks follow one another in its first group while its data goes on to later groups', () => {
    const { indirect, lastData, group } = bigFileBlocks();
    expect(indirect).toHaveLength(1 + 1 + 63);
    expect(group(lastData)).toBeGreaterThanOrEqual(2);
    expect([...new Set(indirect.map(group))]).toEqual([group(indirect[0]!)]);
    // Each right after the one before, but where the file's data had already taken that block.
    const adjacent = indirect.slice(1).filter((block, i) => block === indirect[i]! + 1);
    expect(adjacent.length).toBeGreaterThanOrEqual(60);
  });
});
