// Making a stick from a plan: the files livecd-iso-to-disk leaves on it, and clear refusals when the plan
// cannot be made (the FAT limits of each era, a stick too small, a bad label or root image).

import { describe, expect, it } from 'vitest';
import { Stick } from '../../../src/model/stick/Stick';
import { FAT_TRIMMED_4096_BYTES } from '../../../src/model/stick/stickPlan';
import { sugarBase } from '../../../src/model/stick/sugarBase';
import { makeStick, MIB } from './makeStick';

function listNames(stick: Stick, folder: string): string[] {
  const listed = stick.media.device.list(folder);
  return listed.ok ? listed.value.map((e) => e.name) : [];
}

describe('a new stick', () => {
  it('holds the boot files and LiveOS/ with squashfs.img, osmin.img (2012), the overlay and home.img', () => {
    const stick = makeStick({ era: 'soas-2012' });
    expect(listNames(stick, '/LiveOS')).toEqual([
      'home.img',
      'osmin.img',
      'overlay-LIVE-B6C4-2E19',
      'squashfs.img',
    ]);
    expect(listNames(stick, '/syslinux')).toContain('initrd0.img');
    const usage = stick.usage();
    expect(usage.device.images).toMatchObject({
      overlayBytes: 32 * MIB,
      homeBytes: 64 * MIB,
      bootFilesBytes: 21 * MIB,
    });
    expect(usage.device.images.squashfsBytes).toBe(usage.squashfs.compressedBytes);
    expect(usage.power).toBe('off');
  });

  it('has no osmin.img today', () => {
    expect(listNames(makeStick({ era: 'fedora-today' }), '/LiveOS')).toEqual([
      'home.img',
      'overlay-LIVE-B6C4-2E19',
      'squashfs.img',
    ]);
  });

  it("names the overlay after the stick's label and serial", () => {
    const stick = makeStick({ label: 'SOAS', uuid: '1234-ABCD' });
    expect(stick.media.overlayName).toBe('overlay-SOAS-1234-ABCD');
    expect(stick.boot().overlay).toBe('persistent');
  });

  it('squashes the root image: the image on the stick is smaller than the root it holds', () => {
    const { squashfs } = makeStick().usage();
    expect(squashfs.rootImageBytes).toBe(64 * MIB);
    expect(squashfs.compressedBytes).toBeLessThan(squashfs.rootImageUsedBytes);
  });

  it('keeps its overlay file all zeros until the first boot writes the header', () => {
    const stick = makeStick();
    expect(stick.overlayFile?.writtenPages()).toEqual([]);
    stick.boot();
    stick.shutdown();
    expect([...stick.overlayFile!.read(0, 4)]).toEqual([0x53, 0x6e, 0x41, 0x70]);
  });
});

describe('a plan that cannot be made', () => {
  it('is refused when the overlay passes the 2012 vfat limit of 2047 MiB', () => {
    const made = Stick.create({
      era: 'soas-2012',
      capacityBytes: 8 * 1024 * MIB,
      overlayMib: 2048,
      homeMib: null,
    });
    expect(made).toMatchObject({ ok: false, code: 'fat-limit' });
    expect(!made.ok && made.message).toContain('2047 MiB');
  });

  it("is refused when home.img passes today's 4095 MiB, but 4096 is trimmed to 4 GiB − 512 bytes", () => {
    const plan = { era: 'fedora-today' as const, capacityBytes: 16 * 1024 * MIB, homeMib: null };
    expect(Stick.create({ ...plan, overlayMib: 4097 })).toMatchObject({ ok: false, code: 'fat-limit' });
    const trimmed = Stick.create({ ...plan, overlayMib: 4096 });
    expect(trimmed.ok && trimmed.stick.usage().device.images.overlayBytes).toBe(FAT_TRIMMED_4096_BYTES);
  });

  it('is refused when the files do not fit on the stick, saying how much is missing', () => {
    const made = Stick.create({ era: 'soas-2012', capacityBytes: 128 * MIB, overlayMib: 100, homeMib: 50 });
    expect(made).toMatchObject({ ok: false, code: 'no-space' });
    expect(!made.ok && made.message).toMatch(/home\.img needs 50\.0 MiB but only [\d.]+ MiB/);
  });

  it('is refused for an unknown era, a bad size, a label with spaces or a bad serial', () => {
    const plan = { era: 'soas-2012' as const, capacityBytes: 512 * MIB, overlayMib: 32, homeMib: null };
    expect(Stick.create({ ...plan, era: 'soas-2009' as never })).toMatchObject({
      ok: false,
      code: 'bad-plan',
    });
    expect(Stick.create({ ...plan, capacityBytes: 1000.5 })).toMatchObject({ ok: false, code: 'bad-plan' });
    expect(Stick.create({ ...plan, overlayMib: 1.5 })).toMatchObject({ ok: false, code: 'bad-plan' });
    expect(Stick.create({ ...plan, label: 'MY STICK' })).toMatchObject({ ok: false, code: 'bad-plan' });
    expect(Stick.create({ ...plan, uuid: 'b6c4-2e19' })).toMatchObject({ ok: false, code: 'bad-plan' });
  });

  it('is refused when the root image cannot be made', () => {
    const base = { ...sugarBase(), mkfs: 'mkfs.ext4 -F -b 4096 -m 1' };
    const made = Stick.create({
      era: 'soas-2012',
      capacityBytes: 512 * MIB,
      overlayMib: 32,
      homeMib: null,
      base,
    });
    expect(made).toMatchObject({ ok: false, code: 'bad-base' });
  });
});
