// The FAT limit on overlay, home and swap, era by era: 2012 stops at 2048 MiB; today allows 4095,
// cuts exactly 4096 to 4 GiB − 512 bytes, and stops above it. Not on ext4.

import { describe, expect, it } from 'vitest';
import { fatLimit } from '../../../../src/model/stick/installer/fatLimit';
import { bigStick, fileAt, MIB, plan, refusal } from './helpers';

const ISO = 'SoaS.iso /dev/sdb1';

describe('the 2012 FAT limit', () => {
  it('allows a 2047 MiB overlay on vfat', () => {
    const result = plan('soas-2012', `livecd-iso-to-disk --overlay-size-mb 2047 ${ISO}`, bigStick());
    expect(fileAt(result, 'LiveOS/overlay-LIVE-B6C4-2E19').sizeBytes).toBe(2047 * MIB);
  });

  it('refuses a 2048 MiB overlay with the script’s words', () => {
    const result = refusal('soas-2012', `livecd-iso-to-disk --overlay-size-mb 2048 ${ISO}`, bigStick());
    expect(result.code).toBe('fat-limit');
    expect(result.scriptText).toBe("Can't have an overlay of 2048MB or greater on VFAT\n");
    expect(result.message).toContain('at most 2047 MiB');
  });

  it('refuses a 2048 MiB home.img, though its message says "greater than 2048MB"', () => {
    const result = refusal('soas-2012', `livecd-iso-to-disk --home-size-mb 2048 ${ISO}`, bigStick());
    expect(result.scriptText).toBe("Can't have a home overlay greater than 2048MB on VFAT\n");
  });

  it('refuses a 2048 MiB swap.img', () => {
    const result = refusal('soas-2012', `livecd-iso-to-disk --swap-size-mb 2048 ${ISO}`, bigStick());
    expect(result.scriptText).toBe("Can't have a swap file greater than 2048MB on VFAT\n");
  });

  it('checks the overlay first, then home, then swap', () => {
    const line = `livecd-iso-to-disk --swap-size-mb 3000 --home-size-mb 3000 --overlay-size-mb 3000 ${ISO}`;
    expect(refusal('soas-2012', line, bigStick()).scriptText).toContain('an overlay');
  });

  it('does not apply on ext4', () => {
    const result = plan(
      'soas-2012',
      `livecd-iso-to-disk --overlay-size-mb 5000 ${ISO}`,
      bigStick({ filesystem: 'ext4' }),
    );
    expect(fileAt(result, 'LiveOS/overlay-LIVE-B6C4-2E19')).toMatchObject({
      sizeBytes: 5000 * MIB,
      allocation: 'sparse',
    });
  });
});

describe('today’s FAT limit', () => {
  it('allows 4095 MiB as it is', () => {
    const result = plan('fedora-today', `livecd-iso-to-disk --overlay-size-mb 4095 ${ISO}`, bigStick());
    expect(fileAt(result, 'LiveOS/overlay-LIVE-B6C4-2E19').sizeBytes).toBe(4095 * MIB);
  });

  it('cuts exactly 4096 MiB to 4 GiB − 512 bytes', () => {
    const result = plan(
      'fedora-today',
      `livecd-iso-to-disk --overlay-size-mb 4096 --home-size-mb 4096 --swap-size-mb 4096 ${ISO}`,
      bigStick(),
    );
    for (const path of ['LiveOS/overlay-LIVE-B6C4-2E19', 'LiveOS/home.img', 'LiveOS/swap.img']) {
      expect(fileAt(result, path).sizeBytes).toBe(4 * 1024 * MIB - 512);
    }
  });

  it('refuses a 4097 MiB overlay with the script’s ALERT', () => {
    const result = refusal('fedora-today', `livecd-iso-to-disk --overlay-size-mb 4097 ${ISO}`, bigStick());
    expect(result.code).toBe('fat-limit');
    expect(result.scriptText).toBe(
      '\n        ALERT:\n        An overlay size greater than 4096 MiB\n        is not allowed on VFAT formatted filesystems.\n',
    );
  });

  it('refuses a 4097 MiB home.img with the script’s NOTICE', () => {
    const result = refusal('fedora-today', `livecd-iso-to-disk --home-size-mb 4097 ${ISO}`, bigStick());
    expect(result.scriptText).toBe(
      '\n      NOTICE:\n        A file on a FAT filesystem cannot be larger than 4096 MiB.\n\n',
    );
  });

  it('refuses a 4097 MiB swap.img', () => {
    const result = refusal('fedora-today', `livecd-iso-to-disk --swap-size-mb 4097 ${ISO}`, bigStick());
    expect(result.scriptText).toBe("Can't have a swap file greater than 4096 MB on VFAT\n");
  });
});

describe('fatLimit on its own', () => {
  it('gives 2047, 4095 and the 4096 trim by era, and the full size on ext4', () => {
    expect(fatLimit('soas-2012', 'vfat', 'overlay', 2047)).toEqual({
      allowed: true,
      sizeBytes: 2047 * MIB,
      trimmed: false,
    });
    expect(fatLimit('soas-2012', 'vfat', 'overlay', 4096).allowed).toBe(false);
    expect(fatLimit('fedora-today', 'vfat', 'home', 4096)).toEqual({
      allowed: true,
      sizeBytes: 4294966784,
      trimmed: true,
    });
    expect(fatLimit('fedora-today', 'ext4', 'home', 9000)).toEqual({
      allowed: true,
      sizeBytes: 9000 * MIB,
      trimmed: false,
    });
  });
});
