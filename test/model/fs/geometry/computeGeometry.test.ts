// The geometry calculator against the real mke2fs 1.47.0: every fixture scripts/mkfs-fixtures.sh made
// (test/fixtures/mkfs/*.txt) is parsed, its mkfs command is run through parseMkfsCommand and
// computeGeometry, and the result must match dumpe2fs and debugfs exactly — superblock numbers, every
// group's superblock copy, GDT, reserved GDT, bitmaps, inode table and free blocks, the journal's blocks,
// the root directory, lost+found and the resize inode's block.

import { describe, expect, it } from 'vitest';
import {
  computeGeometry,
  freeRangesAfterMkfs,
  parseMkfsCommand,
  type ExtGeometry,
} from '../../../../src/model/fs/geometry';
import {
  headerNumber,
  journalSizeText,
  listMkfsFixtures,
  loadMkfsFixture,
  recordedStableSuperblockNumbers,
  stableSuperblockNumbers,
  type DumpedGroup,
  type MkfsFixture,
  type Run,
} from './mkfsFixture';

const FIXTURES = listMkfsFixtures();

function geometryOf(fixture: MkfsFixture): ExtGeometry {
  // tune2fs -c0 -i0 -O dir_index (the LiveOS recipe) moves no block; only the mkfs command matters.
  for (const command of fixture.commands.slice(1)) expect(command).toMatch(/^tune2fs -c0 -i0 -O dir_index /);
  return computeGeometry(parseMkfsCommand(fixture.commands[0], fixture.sizeBytes));
}

/** The computed groups in the shape the dumpe2fs parser gives. */
function dumpedShape(geometry: ExtGeometry): DumpedGroup[] {
  return geometry.groups.map((g) => ({
    index: g.index,
    firstBlock: g.firstBlock,
    lastBlock: g.lastBlock,
    ...(g.superblockBlock !== undefined
      ? { superblock: { block: g.superblockBlock, primary: !g.superblockIsBackup } }
      : {}),
    ...(g.gdtBlocks ? { gdtBlocks: [...g.gdtBlocks] as Run } : {}),
    ...(g.reservedGdtBlocks ? { reservedGdtBlocks: [...g.reservedGdtBlocks] as Run } : {}),
    blockBitmapBlock: g.blockBitmapBlock,
    inodeBitmapBlock: g.inodeBitmapBlock,
    inodeTable: [...g.inodeTable] as Run,
    freeBlocksCount: g.freeBlocksCount,
    freeRanges: g.freeRanges.map((r) => [...r] as Run),
  }));
}

it('there are fixtures, including the kernel lab bases', () => {
  expect(FIXTURES).toEqual(expect.arrayContaining(['a_ext4_128m', 'a_ext3_128m', 'f_liveos_4k_512m']));
  expect(FIXTURES.length).toBeGreaterThanOrEqual(14);
});

describe.each(FIXTURES)('%s', (name) => {
  const fixture = loadMkfsFixture(name);
  const geometry = geometryOf(fixture);

  it('superblock numbers match dumpe2fs', () => {
    const f = fixture;
    expect({
      ...stableSuperblockNumbers(geometry),
      freeBlocksCount: geometry.freeBlocksCount,
      freeInodesCount: geometry.freeInodesCount,
      groupCount: geometry.groupCount,
    }).toEqual({
      ...recordedStableSuperblockNumbers(f),
      freeBlocksCount: headerNumber(f, 'Free blocks'),
      freeInodesCount: headerNumber(f, 'Free inodes'),
      groupCount: f.groups.length,
    });
  });

  it('every group: superblock copy, GDT, reserved GDT, bitmaps, inode table, free blocks', () => {
    expect(dumpedShape(geometry)).toEqual(fixture.groups);
  });

  it('free blocks right after mkfs', () => {
    const fromDump: Run[] = [];
    for (const group of fixture.groups)
      for (const [first, count] of group.freeRanges) {
        const last = fromDump[fromDump.length - 1];
        if (last && last[0] + last[1] === first) last[1] += count;
        else fromDump.push([first, count]);
      }
    expect(freeRangesAfterMkfs(geometry).map((r) => [...r])).toEqual(fromDump);
  });

  it('the journal: size, extents and mapping blocks', () => {
    const stat = fixture.stats.get(8);
    const journalBlocks = fixture.header.get('Total journal blocks');
    if (journalBlocks === undefined) {
      expect(geometry.journal).toBeUndefined();
      expect(stat?.extents ?? []).toEqual([]);
      return;
    }
    const journal = geometry.journal!;
    expect(journal.blocksCount).toBe(Number(journalBlocks));
    expect(journalSizeText(journal.sizeBytes)).toBe(fixture.header.get('Total journal size'));
    expect(journal.sizeBytes).toBe(stat!.sizeBytes);
    expect(stat!.mapping).toBe(geometry.features.extents ? 'extents' : 'blocks');
    expect(journal.extents).toEqual(stat!.extents);
    expect([...journal.mappingBlocks].sort((a, b) => a - b)).toEqual(
      stat!.mappingBlocks.map((m) => m.block).sort((a, b) => a - b),
    );
  });

  it('the root directory, lost+found and the resize inode', () => {
    expect(geometry.rootDir.extents).toEqual(fixture.stats.get(2)!.extents);
    expect(geometry.lostAndFound.extents).toEqual(fixture.stats.get(11)!.extents);
    const resize = fixture.stats.get(7)!;
    const dind = resize.mappingBlocks.find((m) => m.kind === 'DIND')?.block;
    expect(geometry.resizeInodeDindBlock).toBe(dind);
  });
});
