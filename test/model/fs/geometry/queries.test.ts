// The lookups the simulator makes on a geometry (groupOfBlock, inodeTableBlockOf, blockKindOf,
// isMetadataBlock, freeRangesAfterMkfs), the lab's 128 MiB ext4 base spelled out, and invariants that hold
// for any size and options.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockKindOf,
  computeGeometry,
  freeRangesAfterMkfs,
  groupOfBlock,
  groupOfInode,
  inodeTableBlockOf,
  isMetadataBlock,
  parseMkfsCommand,
  usedRunOf,
  type ExtGeometry,
  type MkfsOptions,
} from '../../../../src/model/fs/geometry';
import { ModelError } from '../../../../src/model/errors';

const MiB = 1024 * 1024;
const A_EXT4 = computeGeometry(
  parseMkfsCommand('mkfs.ext4 -F -E lazy_itable_init=0,lazy_journal_init=0 rootfs.img', 128 * MiB),
);
const A_EXT3 = computeGeometry(parseMkfsCommand('mkfs.ext3 -F rootfs.img', 128 * MiB));

describe("the lab's a_ext4 base (128 MiB, 1 KiB blocks, flex_bg 16)", () => {
  it('packs the bitmaps and inode tables of all 16 groups into groups 0 and 1', () => {
    const g = A_EXT4.groups;
    expect(g.map((x) => x.blockBitmapBlock)).toEqual(Array.from({ length: 16 }, (_, i) => 259 + i));
    expect(g.map((x) => x.inodeBitmapBlock)).toEqual(Array.from({ length: 16 }, (_, i) => 275 + i));
    expect(g.slice(0, 15).map((x) => x.inodeTable)).toEqual(
      Array.from({ length: 15 }, (_, i) => [291 + 512 * i, 512]),
    );
    // The 16th table does not fit before group 1's backup superblock and reserved GDT blocks.
    expect(g[15].inodeTable).toEqual([8451, 512]);
    expect(g[1].reservedGdtBlocks).toEqual([8195, 256]);
  });

  it('puts the root directory, lost+found, the resize block and the journal where mke2fs does', () => {
    expect(A_EXT4.rootDir.runs).toEqual([[7971, 1]]);
    expect(A_EXT4.lostAndFound.runs).toEqual([[7972, 12]]);
    expect(A_EXT4.resizeInodeDindBlock).toBe(7984);
    expect(A_EXT4.journal?.runs).toEqual([[49153, 4096]]);
    expect(A_EXT4.journal?.sizeBytes).toBe(4 * MiB);
  });
});

describe('lookups', () => {
  it('groupOfBlock: block 0 of a 1 KiB filesystem is before group 0', () => {
    expect(groupOfBlock(A_EXT4, 0)).toBe(-1);
    expect(groupOfBlock(A_EXT4, 1)).toBe(0);
    expect(groupOfBlock(A_EXT4, 8192)).toBe(0);
    expect(groupOfBlock(A_EXT4, 8193)).toBe(1);
    expect(groupOfBlock(A_EXT4, 131071)).toBe(15);
    expect(() => groupOfBlock(A_EXT4, 131072)).toThrow(ModelError);
  });

  it('inodeTableBlockOf: four 256-byte inodes a 1 KiB block, tables per group', () => {
    expect(inodeTableBlockOf(A_EXT4, 1)).toEqual({ block: 291, offsetBytes: 0 });
    expect(inodeTableBlockOf(A_EXT4, 2)).toEqual({ block: 291, offsetBytes: 256 });
    expect(inodeTableBlockOf(A_EXT4, 11)).toEqual({ block: 293, offsetBytes: 512 });
    expect(inodeTableBlockOf(A_EXT4, 2049)).toEqual({ block: 803, offsetBytes: 0 });
    expect(inodeTableBlockOf(A_EXT4, 32768)).toEqual({ block: 8962, offsetBytes: 768 });
    expect(groupOfInode(A_EXT4, 32768)).toBe(15);
    expect(() => inodeTableBlockOf(A_EXT4, 0)).toThrow(ModelError);
  });

  it('blockKindOf and isMetadataBlock', () => {
    const kinds: [number, string][] = [
      [0, 'bootBlock'],
      [1, 'superblock'],
      [2, 'gdt'],
      [3, 'reservedGdt'],
      [259, 'blockBitmap'],
      [290, 'inodeBitmap'],
      [291, 'inodeTable'],
      [7971, 'rootDir'],
      [7983, 'lostAndFound'],
      [7984, 'resizeInode'],
      [7985, 'free'],
      [8193, 'superblock'],
      [49153, 'journal'],
      [53249, 'free'],
    ];
    for (const [block, kind] of kinds) expect(blockKindOf(A_EXT4, block), `block ${block}`).toBe(kind);
    expect(usedRunOf(A_EXT4, 8451)).toEqual({
      firstBlock: 8451,
      blocksCount: 512,
      kind: 'inodeTable',
      ownerGroup: 15,
    });
    expect(isMetadataBlock(A_EXT4, 8451)).toBe(true);
    expect(isMetadataBlock(A_EXT4, 7985)).toBe(false);
    expect(isMetadataBlock(A_EXT4, 0)).toBe(false);
    // ext3's block-mapped journal: its indirect blocks sit among its blocks.
    expect(blockKindOf(A_EXT3, 798)).toBe('journal');
    expect(blockKindOf(A_EXT3, 799)).toBe('journalMapping');
    expect(blockKindOf(A_EXT3, 800)).toBe('journal');
  });

  it('freeRangesAfterMkfs runs across group boundaries', () => {
    const free = freeRangesAfterMkfs(A_EXT4);
    expect(free[0]).toEqual([7985, 208]);
    expect(free).toContainEqual([8963, 7422 + 8192]); // group 1's tail and all of group 2
    expect(free.reduce((n, [, c]) => n + c, 0)).toBe(A_EXT4.freeBlocksCount);
  });
});

/** Problems with a geometry's consistency: every block in exactly one used or free run, tables labelled. */
function inconsistencies(g: ExtGeometry): string[] {
  const problems: string[] = [];
  const pieces: [number, number][] = [
    ...g.usedRuns.map((r): [number, number] => [r.firstBlock, r.blocksCount]),
    ...freeRangesAfterMkfs(g).map((r): [number, number] => [r[0], r[1]]),
  ].sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [first, count] of pieces) {
    if (first !== next || count <= 0) problems.push(`run [${first}, ${count}] after block ${next - 1}`);
    next = first + count;
  }
  if (next !== g.blocksCount) problems.push(`runs end at ${next}, not ${g.blocksCount}`);
  if (g.groups.length !== g.groupCount) problems.push('group count');
  if (g.inodesCount !== g.inodesPerGroup * g.groupCount) problems.push('inode count');
  for (const group of g.groups) {
    if (blockKindOf(g, group.blockBitmapBlock) !== 'blockBitmap') problems.push(`group ${group.index} bb`);
    if (blockKindOf(g, group.inodeBitmapBlock) !== 'inodeBitmap') problems.push(`group ${group.index} ib`);
    if (blockKindOf(g, group.inodeTable[0]) !== 'inodeTable') problems.push(`group ${group.index} it`);
    if (group.inodeTable[1] !== g.inodeTableBlocksPerGroup) problems.push(`group ${group.index} it size`);
  }
  const journalBlocks = g.journal?.extents.reduce((n, e) => n + e.blocksCount, 0) ?? 0;
  if (journalBlocks !== (g.journal?.blocksCount ?? 0)) problems.push('journal blocks');
  if ((g.journal === undefined) !== !(g.features.hasJournal && journalBlocks > 0)) problems.push('journal');
  return problems;
}

describe('invariants for any size', () => {
  const optionsArb: fc.Arbitrary<MkfsOptions> = fc.record({
    sizeBytes: fc.integer({ min: 2 * MiB, max: 64 * 1024 * MiB }),
    fsType: fc.constantFrom('ext2' as const, 'ext3' as const, 'ext4' as const),
    blockSizeBytes: fc.option(fc.constantFrom(1024, 2048, 4096), { nil: undefined }),
    reservedPercent: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  });

  it('used and free runs tile the filesystem; the tables are labelled where the groups say', () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        expect(inconsistencies(computeGeometry(options))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
