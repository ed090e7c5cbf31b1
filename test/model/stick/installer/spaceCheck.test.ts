// The space checks' figures and printouts: 2012's whole-MiB sum and breakdown, today's byte sums
// (printed to the nearest MiB), its "less than 100 MiB" warning, and its --format partition figures.

import { describe, expect, it } from 'vitest';
import { FEDORA_TODAY_IMAGE, SOAS_2012_IMAGE } from '../../../../src/model/stick/installer';
import { spaceCheck2012 } from '../../../../src/model/stick/installer/spaceCheck2012';
import { installedSoasStick, makeStick, MIB, plan, refusal } from './helpers';

describe('the 2012 space check', () => {
  it('prints the breakdown, total, available and needed when it refuses', () => {
    const result = refusal(
      'soas-2012',
      'livecd-iso-to-disk --overlay-size-mb 400 --home-size-mb 200 --swap-size-mb 64 SoaS.iso /dev/sdb1',
    );
    expect(result.code).toBe('no-space');
    expect(result.spaceCheck).toEqual({
      era: 'soas-2012',
      liveSizeMib: 433,
      overlaySizeMib: 400,
      homeSizeMib: 200,
      swapSizeMib: 64,
      totalRequestedMib: 1097,
      freeMib: 950,
      toBeDeletedMib: 0,
      spaceAvailableMib: 950,
      spaceNeededMib: 147,
      fits: false,
      scriptText: result.scriptText,
    });
    expect(result.scriptText).toBe(
      [
        '',
        '  The live image + overlay, home, & swap space, if requested,',
        '  will NOT fit in the space available on the target device.',
        '',
        '  + Size of live image:        433  MiB',
        '  + Overlay size:              400',
        '  + Home directory size:       200',
        '  + Swap overlay size:          64',
        '  = Total requested space:    1097  MiB',
        '  - Space available:           950',
        '    ==============================',
        '    Space needed:              147  MiB',
        '',
        '  To fit the installation on this device,',
        '  free space on the target, or decrease the',
        '  requested size total by:     147  MiB',
        '',
        '',
      ].join('\n'),
    );
    expect(result.message).toContain('147 MiB too much');
  });

  it('counts the old /LiveOS and boot files as space to be freed, less a kept home.img', () => {
    const result = plan(
      'soas-2012',
      'livecd-iso-to-disk --overlay-size-mb 300 SoaS.iso /dev/sdb1',
      installedSoasStick(),
    );
    // du rounds each up: /LiveOS 911.05 → 912, home.img 200, syslinux/ 21.
    expect(result.spaceCheck).toMatchObject({
      freeMib: 18,
      toBeDeletedMib: 912 - 200 + 21,
      spaceAvailableMib: 751,
    });
    expect(result.notices.map((n) => n.code)).toContain('already-set-up');
  });

  it('rounds the image, boot files and script up to whole MiB together', () => {
    const check = spaceCheck2012({
      dfAvailableBytes: 100 * MIB + 1,
      oldLiveOsBytes: 0,
      keptHomeBytes: 0,
      oldBootFilesBytes: 0,
      rootImageBytes: 10 * MIB,
      rootImageUncompressed: false,
      osminBytes: MIB / 2,
      bootFilesBytes: MIB / 2,
      scriptBytes: 1,
      overlaySizeMib: 0,
      homeSizeMib: 0,
      swapSizeMib: 0,
    });
    expect(check.liveSizeMib).toBe(12);
    expect(check.freeMib).toBe(101);
  });

  it('counts an uncompressed image apart from the rest with --skipcompress on ext4', () => {
    const check = spaceCheck2012({
      dfAvailableBytes: 10_000 * MIB,
      oldLiveOsBytes: 0,
      keptHomeBytes: 0,
      oldBootFilesBytes: 0,
      rootImageBytes: 4096 * MIB,
      rootImageUncompressed: true,
      osminBytes: MIB,
      bootFilesBytes: 21 * MIB,
      scriptBytes: 47_878,
      overlaySizeMib: 0,
      homeSizeMib: 0,
      swapSizeMib: 0,
    });
    expect(check.liveSizeMib).toBe(4096 + 23);
  });

  it('sees 5% less free space on ext4, which df keeps for root', () => {
    const result = plan(
      'soas-2012',
      'livecd-iso-to-disk SoaS.iso /dev/sdb1',
      makeStick({ filesystem: 'ext4', capacityMib: 1024, filesystemMib: 1000 }),
    );
    expect(result.spaceCheck).toMatchObject({ freeMib: 950 });
  });
});

describe('today’s space check', () => {
  it('prints the breakdown and asks whether to go on; Cellar refuses when the files cannot fit', () => {
    const result = refusal('fedora-today', 'livecd-iso-to-disk --overlay-size-mb 300 Fedora.iso /dev/sdb1');
    expect(result.code).toBe('no-space');
    expect(result.spaceCheck).toMatchObject({
      era: 'fedora-today',
      formatted: false,
      liveSizeBytes: 1250 * MIB + 130_208,
      overlaySizeBytes: 300 * MIB,
      totalRequiredBytes: 1550 * MIB + 130_208,
      spaceBytes: 950 * MIB,
      availableAfterBytes: -600 * MIB - 130_208,
      verdict: 'does-not-fit',
    });
    expect(result.scriptText).toBe(
      [
        '',
        '  The live image + overlay, home, & swap space, if requested,',
        '  may NOT fit in the space available on the target device.',
        '',
        '    Available space:           950  MiB',
        '    Free space shortage:      -600',
        '    ==============================',
        '    Size of live image:       1250  MiB',
        '    Overlay size:              300',
        '    ==============================',
        '  - Total required space:     1550  MiB',
        '',
        '    ==============================',
        '',
        '  To fit the install and about 100  MiB',
        '  of available space on the primary partition,',
        '  free space on the target, or adjust the',
        '  requested size total by:    -700  MiB',
        '',
        '',
        '  ATTENTION:',
        '      Press Ctrl C to Exit.  ...To Continue anyway, press Enter.',
        '',
      ].join('\n'),
    );
  });

  it('warns, and plans, when less than 100 MiB would be left', () => {
    const image = { ...FEDORA_TODAY_IMAGE, squashfsMib: 600, bootFilesMib: 100 };
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --overlay-size-mb 200 Fedora.iso /dev/sdb1',
      undefined,
      image,
    );
    expect(result.spaceCheck).toMatchObject({
      verdict: 'less-than-100-mib-left',
      availableAfterBytes: 50 * MIB - 130_208,
    });
    const warning = result.notices.find((n) => n.code === 'little-space-left');
    expect(warning?.scriptText).toContain(
      'leave less than 100 MiB of available space on the primary partition.',
    );
    expect(warning?.scriptText).toContain('    Free space shortage:        50\n');
    expect(result.freeBytes).toBe(50 * MIB - 130_208);
  });

  it('prints nothing when more than 100 MiB are left', () => {
    const image = { ...FEDORA_TODAY_IMAGE, squashfsMib: 500, bootFilesMib: 100 };
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --overlay-size-mb 100 Fedora.iso /dev/sdb1',
      undefined,
      image,
    );
    expect(result.spaceCheck).toMatchObject({ verdict: 'fits', scriptText: '' });
  });

  it('sizes the --format partitions and prints their figures when the image cannot fit', () => {
    const result = refusal('fedora-today', 'livecd-iso-to-disk --format vfat Fedora.iso /dev/sdb');
    expect(result.spaceCheck).toMatchObject({
      formatted: true,
      metadataAllowanceBytes: 1_908_736,
      spaceBytes: 977_272_832,
      availableAfterBytes: -335_486_112,
      totalRequiredBytes: 1_335_486_112,
      verdict: 'does-not-fit',
    });
    expect(result.scriptText).toBe(
      [
        '',
        '  ALERT:',
        '            The requested primary partition size, 932 MiB, is 320 MiB smaller',
        '            than the 1252 MiB installation space estimated for this image.',
        '',
        '            Please adjust your request.',
        '',
        '  The live image + overlay, home, & swap space, if requested,',
        '  may NOT fit in the space available on the target device.',
        '',
        '    Total disk space:          954  MiB',
        '  + Allocated space:           932  MiB',
        '    ==============================',
        '    Size of live image:       1250  MiB',
        '    Metadata allowance:          2',
        '    ==============================',
        '    Primary Partition used:   1252',
        '        Approximate needed:   -320  MiB',
        '',
        '    EFI System Partition:       12',
        '    Storage alignment gaps:     10',
        '    ==============================',
        '  - Total required space:     1274  MiB',
        '',
        '    ==============================',
        '',
        '  To fit the install and about 100  MiB',
        '  of available space on the primary partition,',
        '  free space on the target, or adjust the',
        '  requested size total by:    -420  MiB',
        '',
        '',
        '  ATTENTION:',
        '      Press Ctrl C to Exit.  ...To Continue anyway, press Enter.',
        '',
      ].join('\n'),
    );
  });

  it('counts a 2012 image on a today stick the same way as any other', () => {
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --overlay-size-mb 300 SoaS.iso /dev/sdb1',
      undefined,
      SOAS_2012_IMAGE,
    );
    expect(result.spaceCheck).toMatchObject({ liveSizeBytes: 431 * MIB + 130_208, verdict: 'fits' });
  });
});
