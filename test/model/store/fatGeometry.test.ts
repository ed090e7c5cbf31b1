// The FAT layout mkfs.fat makes with its defaults: the same numbers as the real program for every size
// it was run on, the cluster sizes a stick of each size gets, and the arithmetic that must always hold.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fatGeometry, fatRulesForEra, type FatRules } from '../../../src/model/store/fatGeometry';
import { MKFS_FAT_3_0_12, MKFS_FAT_4_2, type MkfsFatRow } from './mkfsFatGolden';

function geometry(sizeBytes: number, rules?: FatRules) {
  const made = fatGeometry(sizeBytes, rules);
  if (!made.ok) throw new Error(made.message);
  return made.geometry;
}

function asRow(sizeBytes: number, rules: FatRules): MkfsFatRow {
  const g = geometry(sizeBytes, rules);
  return [
    sizeBytes,
    g.totalSectors,
    g.fatBits,
    g.sectorsPerCluster,
    g.fatSectors,
    g.clusterCount,
    g.reservedSectors,
    g.rootEntries,
  ];
}

describe('fatGeometry against the real mkfs.fat', () => {
  it('matches mkfs.fat 4.2 for every size it was run on', () => {
    expect(MKFS_FAT_4_2.length).toBeGreaterThan(400);
    for (const row of MKFS_FAT_4_2) expect(asRow(row[0], 'dosfstools-4.2')).toEqual(row);
  });

  it('matches mkdosfs 3.0.12 for every size it was run on', () => {
    expect(MKFS_FAT_3_0_12.length).toBe(MKFS_FAT_4_2.length);
    for (const row of MKFS_FAT_3_0_12) expect(asRow(row[0], 'dosfstools-3.0.12')).toEqual(row);
  });
});

describe('fatGeometry for sticks', () => {
  it('gives FAT32 4 KiB clusters up to 8 GiB, 8 KiB to 16 GiB, and today 32 KiB above 32 GiB', () => {
    const clusterBytes = (sizeBytes: number, rules?: FatRules) => geometry(sizeBytes, rules).clusterBytes;
    expect([1e9, 4e9, 16e9, 64e9].map((size) => clusterBytes(size))).toEqual([4096, 4096, 8192, 32768]);
    expect([1e9, 4e9, 16e9, 64e9].map((size) => clusterBytes(size, 'dosfstools-3.0.12'))).toEqual([
      4096, 4096, 8192, 16384,
    ]);
    expect(geometry(64e9).fatBits).toBe(32);
  });

  it('lays out a 1 GB stick with 32 reserved sectors, two FATs of 1904 sectors and 243,652 clusters', () => {
    expect(geometry(1e9)).toEqual({
      rules: 'dosfstools-4.2',
      partitionBytes: 1e9,
      totalSectors: 1_953_063,
      fatBits: 32,
      sectorsPerCluster: 8,
      clusterBytes: 4096,
      reservedSectors: 32,
      fatCount: 2,
      fatSectors: 1904,
      rootEntries: 0,
      firstDataSector: 32 + 2 * 1904,
      clusterCount: 243_652,
    });
  });

  it('aligns the reserved area to a whole 32 KiB cluster on a 64 GB stick', () => {
    expect(geometry(64e9).reservedSectors).toBe(64);
  });

  it('chooses FAT16 below 512 MiB, FAT12 for the smallest, and FAT32 from 512 MiB (2012: above 520 MiB)', () => {
    expect(geometry(256 * 2 ** 20)).toMatchObject({ fatBits: 16, sectorsPerCluster: 8, rootEntries: 512 });
    expect(geometry(8 * 2 ** 20)).toMatchObject({ fatBits: 12, sectorsPerCluster: 4 });
    expect(geometry(512 * 2 ** 20).fatBits).toBe(32);
    expect(geometry(512 * 2 ** 20, 'dosfstools-3.0.12').fatBits).toBe(16);
    expect(geometry(521 * 2 ** 20, 'dosfstools-3.0.12').fatBits).toBe(32);
  });

  it('uses 2012 mkdosfs for the 2012 era and today’s mkfs.fat otherwise', () => {
    expect(fatRulesForEra('soas-2012')).toBe('dosfstools-3.0.12');
    expect(fatRulesForEra('fedora-today')).toBe('dosfstools-4.2');
  });

  it('refuses partitions the model does not take', () => {
    expect(fatGeometry(4 * 2 ** 20 - 1)).toEqual({
      ok: false,
      message: 'a FAT partition in Cellar is at least 4 MiB',
    });
    expect(fatGeometry(2 ** 41).ok).toBe(false);
    expect(fatGeometry(1.5e9 + 0.5).ok).toBe(false);
  });
});

describe('fatGeometry properties', () => {
  it('always fits its structures in the partition and a FAT entry for every cluster', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4 * 2 ** 20, max: 2 ** 41 - 2 ** 20 }),
        fc.constantFrom<FatRules>('dosfstools-4.2', 'dosfstools-3.0.12'),
        (sizeBytes, rules) => {
          const g = geometry(sizeBytes, rules);
          const rootSectors = (g.rootEntries * 32) / 512;
          expect(g.firstDataSector).toBe(g.reservedSectors + 2 * g.fatSectors + rootSectors);
          expect(g.firstDataSector + g.clusterCount * g.sectorsPerCluster).toBeLessThanOrEqual(
            g.totalSectors,
          );
          expect(g.totalSectors).toBeLessThanOrEqual(Math.floor(sizeBytes / 512));
          expect(((g.clusterCount + 2) * g.fatBits) / 8).toBeLessThanOrEqual(g.fatSectors * 512);
          if (g.fatBits === 12) expect(g.clusterCount).toBeLessThanOrEqual(4084);
          if (g.fatBits === 16) expect(g.clusterCount).toBeGreaterThanOrEqual(4085);
          if (g.fatBits === 16) expect(g.clusterCount).toBeLessThanOrEqual(65524);
          if (g.fatBits === 32) expect(g.clusterCount).toBeGreaterThanOrEqual(65525);
          expect(g.clusterBytes).toBe(g.sectorsPerCluster * 512);
        },
      ),
      { numRuns: 500 },
    );
  });
});
