// What mke2fs decides before the layout: command lines read into options, the mke2fs.conf profile, the
// page rounding of the device size, the journal size table and the reserved GDT arithmetic.

import { describe, expect, it } from 'vitest';
import {
  defaultJournalBlocks,
  groupHasSuperblock,
  parseMkfsCommand,
  resolveMkfsParams,
} from '../../../../src/model/fs/geometry';
import { ModelError } from '../../../../src/model/errors';
import { reservedGdtBlocks } from '../../../../src/model/fs/geometry/superblockLayout';

const MiB = 1024 * 1024;

describe('parseMkfsCommand', () => {
  it('reads the LiveOS recipe and drops what moves no block', () => {
    expect(
      parseMkfsCommand(
        'mkfs.ext4 -F -b 4096 -m 1 -E lazy_itable_init=0,lazy_journal_init=0 -L SoaS-Live x',
        512 * MiB,
      ),
    ).toEqual({ sizeBytes: 512 * MiB, fsType: 'ext4', blockSizeBytes: 4096, reservedPercent: 1 });
  });

  it('reads joined flags and arguments as getopt does', () => {
    expect(parseMkfsCommand('/sbin/mke2fs -Fjb1024 -O ^flex_bg,64bit -Tsmall -t ext4 d', MiB)).toEqual({
      sizeBytes: MiB,
      fsType: 'ext4',
      journal: true,
      blockSizeBytes: 1024,
      usageTypes: 'small',
      featureEdits: { flex_bg: false, '64bit': true },
    });
    expect(parseMkfsCommand('mke2fs -j d', MiB).fsType).toBe('ext3');
    expect(parseMkfsCommand('mke2fs d', MiB).fsType).toBe('ext2');
    expect(parseMkfsCommand('mkfs.ext3 -J size=16 -i 8k d', MiB)).toMatchObject({
      journalSizeMiB: 16,
      inodeRatioBytes: 8192,
    });
  });

  it('refuses what would move blocks in ways the model does not follow', () => {
    expect(() => parseMkfsCommand('mkfs.ext4 -E stride=16 d', MiB)).toThrow(ModelError);
    expect(() => parseMkfsCommand('mkfs.ext4 d 1000', MiB)).toThrow(ModelError);
    expect(() => parseMkfsCommand('mkfs.xfs d', MiB)).toThrow(ModelError);
    expect(() => parseMkfsCommand('mkfs.ext4 -J device=/dev/sdb d', MiB)).toThrow(ModelError);
  });
});

describe('resolveMkfsParams', () => {
  it('picks the profile by size: floppy < 3 MiB, small < 512 MiB, else default', () => {
    const of = (sizeBytes: number) => resolveMkfsParams({ sizeBytes, fsType: 'ext4' });
    expect(of(3 * MiB - 4096)).toMatchObject({
      profileTypes: ['ext4', 'floppy'],
      blockSizeBytes: 1024,
      inodeRatioBytes: 8192,
    });
    expect(of(3 * MiB)).toMatchObject({
      profileTypes: ['ext4', 'small'],
      blockSizeBytes: 1024,
      inodeRatioBytes: 4096,
    });
    expect(of(512 * MiB - 4096)).toMatchObject({ profileTypes: ['ext4', 'small'], blockSizeBytes: 1024 });
    expect(of(512 * MiB)).toMatchObject({
      profileTypes: ['ext4'],
      blockSizeBytes: 4096,
      inodeRatioBytes: 16384,
    });
  });

  it('rounds the device down to whole 4 KiB pages before converting to blocks', () => {
    expect(resolveMkfsParams({ sizeBytes: 64 * MiB + 3072, fsType: 'ext4' }).requestedBlocksCount).toBe(
      65536,
    );
    expect(
      resolveMkfsParams({ sizeBytes: 64 * MiB + 3072, fsType: 'ext4', blockSizeBytes: 1024 })
        .requestedBlocksCount,
    ).toBe(65536);
    expect(resolveMkfsParams({ sizeBytes: 1024 * MiB - 1, fsType: 'ext4' }).requestedBlocksCount).toBe(
      262143,
    );
  });

  it("has ext4's features and flex_bg 16, ext3's journal, ext2's neither", () => {
    expect(resolveMkfsParams({ sizeBytes: 128 * MiB, fsType: 'ext4' })).toMatchObject({
      flexBgGroups: 16,
      features: {
        flexBg: true,
        bit64: true,
        extents: true,
        hasJournal: true,
        resizeInode: true,
        sparseSuper: true,
      },
    });
    expect(resolveMkfsParams({ sizeBytes: 128 * MiB, fsType: 'ext3' })).toMatchObject({
      flexBgGroups: 0,
      features: { flexBg: false, bit64: false, extents: false, hasJournal: true },
    });
    expect(resolveMkfsParams({ sizeBytes: 128 * MiB, fsType: 'ext2' }).features.hasJournal).toBe(false);
  });
});

describe('the tables', () => {
  it("ext2fs_default_journal_size, 1.47's table", () => {
    const table: [number, number][] = [
      [2047, 0],
      [2048, 1024],
      [32767, 1024],
      [32768, 4096],
      [262144, 8192],
      [524288, 16384],
      [1048576, 16384], // 4 GiB of 4 KiB blocks: 64 MiB (1.42's table gave 128 MiB)
      [4194304, 32768],
      [8388608, 65536],
      [16777216, 131072],
      [33554432, 262144],
    ];
    for (const [blocks, journal] of table)
      expect(defaultJournalBlocks(blocks), `${blocks} blocks`).toBe(journal);
  });

  it('calc_reserved_gdt_blocks', () => {
    // 128 MiB of 1 KiB blocks, 64-byte descriptors: capped at one block of pointers.
    expect(reservedGdtBlocks(131072, 1, 8192, 16, 1, 1024)).toBe(256);
    // 512 MiB of 4 KiB blocks: room to grow 1024-fold, 4096 groups, 64 descriptor blocks, one in use.
    expect(reservedGdtBlocks(131072, 0, 32768, 64, 1, 4096)).toBe(63);
    // 32-byte descriptors halve it.
    expect(reservedGdtBlocks(131072, 0, 32768, 128, 1, 4096)).toBe(31);
  });

  it('ext2fs_bg_has_super with sparse_super: 0, 1 and powers of 3, 5, 7', () => {
    const groups = Array.from({ length: 400 }, (_, g) => g).filter((g) => groupHasSuperblock(g, true));
    expect(groups).toEqual([0, 1, 3, 5, 7, 9, 25, 27, 49, 81, 125, 243, 343]);
    expect(groupHasSuperblock(6, false)).toBe(true);
  });
});
