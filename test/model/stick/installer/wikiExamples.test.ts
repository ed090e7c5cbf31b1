// The Sugar Labs wiki's "1 GB" installs (LiveOS image page, March 2012 and its later revision) on a
// 1 GB vfat stick with the SoaS 2012 image, as the 2012 script would plan them.

import { describe, expect, it } from 'vitest';
import { fileAt, installedSoasStick, MIB, plan, refusal } from './helpers';

const MARCH_2012 =
  './livecd-iso-to-disk --reset-mbr --overlay-size-mb 300 --home-size-mb 200 --delete-home --unencrypted-home /path/to/source/iso/or/device /dev/sdb1';
const LATER_REVISION =
  './livecd-iso-to-disk --reset-mbr --overlay-size-mb 200 --home-size-mb 150 --delete-home --unencrypted-home /path/to/source/iso/or/device /dev/sdb1';

describe('the March 2012 example (300 MiB overlay, 200 MiB home)', () => {
  it('fits a fresh 1 GB stick with a little left on the device root', () => {
    const result = plan('soas-2012', MARCH_2012);
    expect(result.spaceCheck).toMatchObject({
      era: 'soas-2012',
      liveSizeMib: 433,
      totalRequestedMib: 933,
      freeMib: 950,
      toBeDeletedMib: 0,
      spaceAvailableMib: 950,
      fits: true,
      scriptText: '',
    });
    expect(result.freeBytes).toBe(18 * MIB - 47_878);
    expect(result.freeBytes).toBeGreaterThan(0);
  });

  it('makes a full 300 MiB overlay named after LIVE and the UUID, and an unencrypted 200 MiB home', () => {
    const result = plan('soas-2012', MARCH_2012);
    expect(result.overlayFileName).toBe('overlay-LIVE-B6C4-2E19');
    expect(fileAt(result, 'LiveOS/overlay-LIVE-B6C4-2E19')).toMatchObject({
      sizeBytes: 300 * MIB,
      allocation: 'written',
    });
    expect(fileAt(result, 'LiveOS/home.img')).toMatchObject({
      sizeBytes: 200 * MIB,
      encrypted: false,
      innerFilesystemBytes: 200 * MIB,
    });
    expect(fileAt(result, 'LiveOS/osmin.img').sizeBytes).toBe(MIB);
    expect(result.mbrReset).toBe(true);
  });

  it('boots read-write with overlay=UUID=…', () => {
    const result = plan('soas-2012', MARCH_2012);
    expect(result.boot.appendLine).toBe(
      'initrd=initrd0.img root=live:UUID=B6C4-2E19 rootfstype=vfat rw liveimg overlay=UUID=B6C4-2E19 quiet rd.luks=0 rd.md=0 rd.dm=0',
    );
    expect(result.boot.configFile).toBe('syslinux/syslinux.cfg');
  });

  it('writes back the same command line', () => {
    expect(plan('soas-2012', MARCH_2012).commandLine).toBe(MARCH_2012);
  });

  it('also fits over an earlier SoaS install, whose home.img --delete-home lets it replace', () => {
    const result = plan('soas-2012', MARCH_2012, installedSoasStick());
    expect(result.spaceCheck).toMatchObject({
      freeMib: 18,
      toBeDeletedMib: 933,
      spaceAvailableMib: 951,
      fits: true,
    });
    expect(result.notices.map((n) => n.code)).toContain('home-deleted');
  });

  it('is refused over an earlier install without --delete-home', () => {
    const line = MARCH_2012.replace(' --delete-home', '');
    expect(refusal('soas-2012', line, installedSoasStick()).code).toBe('home-exists');
  });
});

describe('the later revision (200 MiB overlay, 150 MiB home)', () => {
  it('fits with 168 MiB left, less the script', () => {
    const result = plan('soas-2012', LATER_REVISION);
    expect(result.spaceCheck).toMatchObject({ totalRequestedMib: 783, spaceAvailableMib: 950, fits: true });
    expect(result.freeBytes).toBe(168 * MIB - 47_878);
    expect(fileAt(result, 'LiveOS/overlay-LIVE-B6C4-2E19').sizeBytes).toBe(200 * MIB);
    expect(fileAt(result, 'LiveOS/home.img').sizeBytes).toBe(150 * MIB);
  });

  it('never plans more than the stick holds', () => {
    const result = plan('soas-2012', LATER_REVISION);
    const total = result.files.reduce((sum, file) => sum + file.sizeBytes, 0);
    expect(total).toBe(result.usedBytes);
    expect(result.usedBytes + result.freeBytes).toBe(950 * MIB);
  });
});
