// --format in both eras (the partitions, the new filesystem's room, what is wiped) and which root
// image is copied (--skipcompress and --xo, with the vfat fallbacks).

import { describe, expect, it } from 'vitest';
import { computeGeometry, parseMkfsCommand } from '../../../../src/model/fs/geometry';
import { FEDORA_TODAY_IMAGE, planInstall, SOAS_2012_IMAGE } from '../../../../src/model/stick/installer';
import {
  bigStick,
  fileAt,
  installedSoasStick,
  makeStick,
  MIB,
  plan,
  planned,
  refusal,
  requestFor,
} from './helpers';

const WIKI_SIZES = '--overlay-size-mb 300 --home-size-mb 200 --unencrypted-home';

/** df's size of what `mkfs` makes of a partition, from the mke2fs geometry (checked against the real one). */
function dfSize(mkfs: string, partitionBytes: number): number {
  const g = computeGeometry(parseMkfsCommand(mkfs, partitionBytes));
  return (g.blocksCount - g.overheadBlocks) * g.blockSizeBytes;
}

describe('2012 --format', () => {
  it('makes one partition of the device less 3 MB, ext4 by default', () => {
    const result = plan('soas-2012', `livecd-iso-to-disk --format --overlay-size-mb 100 SoaS.iso /dev/sdb`);
    expect(result).toMatchObject({
      formatted: true,
      filesystem: 'ext4',
      label: 'LIVE',
      targetPartition: '/dev/sdb1',
    });
    expect(result.partitions).toEqual({ primaryBytes: 997_000_000, espBytes: 0, unusedBytes: 3_000_000 });
    // What mkfs.ext4 really leaves for files (df's size), not the script's 1/32 allowance.
    expect(result.filesystemBytes).toBe(dfSize('mkfs.ext4 -L LIVE /dev/sdb1', 997_000_000));
    expect(result.filesystemBytes).toBe(962_101_248);
    expect(result.uuid).toBe('5a0c2f6e-1d2b-4c7e-9f10-2a6c3b8d4e51');
    expect(fileAt(result, `LiveOS/overlay-LIVE-${result.uuid}`).allocation).toBe('sparse');
    expect(result.notices.map((n) => n.code)).toEqual(['format-destroys-data', 'mbr-reset']);
  });

  it('fits the wiki’s sizes on a 1 GB stick with --msdos (vfat), not on ext4, whose df hides 5% for root', () => {
    const vfat = plan('soas-2012', `livecd-iso-to-disk --format --msdos ${WIKI_SIZES} SoaS.iso /dev/sdb1`);
    expect(vfat.spaceCheck).toMatchObject({ freeMib: 949, fits: true });
    expect(vfat.filesystem).toBe('vfat');
    const ext4 = refusal('soas-2012', `livecd-iso-to-disk --format ${WIKI_SIZES} SoaS.iso /dev/sdb1`);
    expect(ext4.spaceCheck).toMatchObject({ freeMib: 872, totalRequestedMib: 933, spaceNeededMib: 61 });
  });

  it('wipes the old install and the learner’s files', () => {
    const stick = installedSoasStick({ otherFilesMib: 10 });
    const result = plan(
      'soas-2012',
      `livecd-iso-to-disk --format --msdos --home-size-mb 50 --unencrypted-home SoaS.iso /dev/sdb`,
      stick,
    );
    expect(result.otherFilesBytes).toBe(0);
    expect(fileAt(result, 'LiveOS/home.img')).toMatchObject({ sizeBytes: 50 * MIB, allocation: 'written' });
    expect(result.notices.map((n) => n.code)).not.toContain('already-set-up');
  });

  it('gives the new filesystem the UUID the request names, or a fixed example one', () => {
    expect(plan('soas-2012', 'livecd-iso-to-disk --format --msdos SoaS.iso /dev/sdb').uuid).toBe('C0DE-2012');
    const request = requestFor(
      'soas-2012',
      'livecd-iso-to-disk --format --msdos --overlay-size-mb 10 SoaS.iso /dev/sdb',
    );
    const result = planned(planInstall({ ...request, uuidAfterFormat: '1234-ABCD' }));
    expect(result.overlayFileName).toBe('overlay-LIVE-1234-ABCD');
    expect(result.boot.appendLine).toContain('overlay=UUID=1234-ABCD');
  });
});

describe('today’s --format', () => {
  const eightGb = makeStick({ capacityMib: 8e9 / MIB, filesystemMib: 7600 });

  it('cuts the device into 4 MiB units: ESP from efiboot.img, partition 1 from the rest', () => {
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --format ext4 --overlay-size-mb 1000 Fedora.iso /dev/sdb',
      eightGb,
    );
    expect(result.partitions).toEqual({
      primaryBytes: 7_977_566_208,
      espBytes: 12_582_912,
      unusedBytes: 9_850_880,
    });
    expect(result.filesystemBytes).toBe(dfSize('mkfs.ext4 -j -F -L LIVE /dev/sdb1', 7_977_566_208));
    expect(result.spaceCheck).toMatchObject({
      formatted: true,
      verdict: 'fits',
      metadataAllowanceBytes: 249_298_944,
    });
    expect(fileAt(result, `LiveOS/overlay-LIVE-${result.uuid}`).allocation).toBe('preallocated');
    expect(result.notices.find((n) => n.code === 'format-destroys-data')?.scriptText).toBe(
      '\n    WARNING: The requested formatting will DESTROY ALL DATA\n             on: /dev/sdb !!\n\n      Press Enter to continue, or Ctrl C to abort.\n',
    );
  });

  it('makes no ESP with --noesp, and takes a size', () => {
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --format 4000 --noesp Fedora.iso /dev/sdb',
      eightGb,
    );
    expect(result.partitions).toMatchObject({ primaryBytes: 4000 * MIB, espBytes: 0 });
  });

  it('refuses a partition bigger than the device', () => {
    const result = refusal('fedora-today', 'livecd-iso-to-disk --format 9000 Fedora.iso /dev/sdb', eightGb);
    expect(result.code).toBe('no-space');
    expect(result.scriptText).toContain(
      'The requested primary partition size, 9000 MiB, is 1392 MiB larger than',
    );
    expect(result.scriptText).not.toContain('--noesp');
  });

  it('suggests --noesp when leaving out the ESP would make room', () => {
    const result = refusal('fedora-today', 'livecd-iso-to-disk --format 7615 Fedora.iso /dev/sdb', eightGb);
    expect(result.scriptText).toContain(
      'The requested primary partition size, 7612 MiB, is 7 MiB larger than',
    );
    expect(result.scriptText).toContain('The --noesp option will avoid the 12 MiB needed for the');
    expect(
      plan('fedora-today', 'livecd-iso-to-disk --format 7615 --noesp Fedora.iso /dev/sdb', eightGb).formatted,
    ).toBe(true);
  });
});

describe('the root image copied', () => {
  it('is the squashfs by default', () => {
    const result = plan('soas-2012', 'livecd-iso-to-disk SoaS.iso /dev/sdb1');
    expect(fileAt(result, 'LiveOS/squashfs.img').sizeBytes).toBe(410 * MIB);
  });

  it('falls back to the squashfs on vfat in 2012 when the uncompressed image is over 2048 MiB', () => {
    const result = plan('soas-2012', 'livecd-iso-to-disk --skipcompress SoaS.iso /dev/sdb1');
    expect(result.files[0].path).toBe('LiveOS/squashfs.img');
    expect(result.notices.find((n) => n.code === 'uncompressed-too-large')?.scriptText).toBe(
      '\n            An uncompressed image size greater than 2048 MB is not suitable\n' +
        '            for a VFAT-formatted device.  The compressed SquashFS will be\n' +
        '            copied to the target device.\n\n',
    );
  });

  it('is ext3fs.img with --skipcompress on a roomy ext4 stick in 2012', () => {
    const result = plan(
      'soas-2012',
      'livecd-iso-to-disk --skipcompress SoaS.iso /dev/sdb1',
      bigStick({ filesystem: 'ext4' }),
    );
    expect(fileAt(result, 'LiveOS/ext3fs.img')).toMatchObject({
      sizeBytes: 4096 * MIB,
      allocation: 'written',
    });
    expect(result.spaceCheck).toMatchObject({ liveSizeMib: 4096 + 23 });
  });

  it('is copied uncompressed on vfat when it is small enough', () => {
    const image = { ...SOAS_2012_IMAGE, rootImageMib: 2048 };
    const result = plan('soas-2012', 'livecd-iso-to-disk --xo SoaS.iso /dev/sdb1', bigStick(), image);
    expect(fileAt(result, 'LiveOS/ext3fs.img').sizeBytes).toBe(2048 * MIB);
  });

  it('is rootfs.img today, with its own fallback message on vfat', () => {
    const ext4 = plan(
      'fedora-today',
      'livecd-iso-to-disk --skipcompress Fedora.iso /dev/sdb1',
      bigStick({ filesystem: 'ext4' }),
    );
    expect(fileAt(ext4, 'LiveOS/rootfs.img').sizeBytes).toBe(FEDORA_TODAY_IMAGE.rootImageMib * MIB);
    const vfat = plan('fedora-today', 'livecd-iso-to-disk --skipcompress Fedora.iso /dev/sdb1', bigStick());
    expect(vfat.files[0].path).toBe('LiveOS/squashfs.img');
    expect(vfat.notices.find((n) => n.code === 'uncompressed-too-large')?.scriptText).toBe(
      '\n        An image size greater than 4096 MiB is not suitable for a\n        VFAT-formatted partition.\n\n' +
        ' The compressed SquashFS will instead be copied\n            to the target device.\n',
    );
  });

  it('has no osmin.img today', () => {
    const result = plan('fedora-today', 'livecd-iso-to-disk SoaS.iso /dev/sdb1', undefined, SOAS_2012_IMAGE);
    expect(result.files.some((file) => file.role === 'osmin')).toBe(false);
  });
});
