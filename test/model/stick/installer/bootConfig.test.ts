// The boot line the installed stick starts with: 2012's overlay=UUID=… and ro → rw only with an
// overlay; today's rd.live.overlay= and rw always; extra arguments; and --xo's olpc.fth arguments.

import { describe, expect, it } from 'vitest';
import { SOAS_2012_IMAGE } from '../../../../src/model/stick/installer';
import { bootConfig } from '../../../../src/model/stick/installer/bootConfig';
import { fileAt, makeStick, plan } from './helpers';

const F16 = SOAS_2012_IMAGE.appendLine;
const TODAY = 'initrd=initrd.img root=live:CDLABEL=Fedora-SoaS-Live rd.live.image quiet rhgb';
const base = {
  filesystem: 'vfat' as const,
  uuid: 'B6C4-2E19',
  label: 'LIVE',
  xo: false,
  xoNoHome: false,
  homeAfterInstall: false,
};

describe('2012', () => {
  it('points root at the stick and stays read-only without an overlay', () => {
    const config = bootConfig({ ...base, era: 'soas-2012', appendLine: F16, overlay: false });
    expect(config.appendLine).toBe(
      'initrd=initrd0.img root=live:UUID=B6C4-2E19 rootfstype=vfat ro liveimg quiet rd.luks=0 rd.md=0 rd.dm=0',
    );
    expect(config.removed).toEqual(['root=live:CDLABEL=Fedora-16-i686-Live-SoaS', 'rootfstype=iso9660']);
  });

  it('adds overlay=UUID=… after liveimg and turns ro into rw with an overlay', () => {
    const config = bootConfig({ ...base, era: 'soas-2012', appendLine: F16, overlay: true });
    expect(config.added).toEqual([
      'root=live:UUID=B6C4-2E19',
      'rootfstype=vfat',
      'rw',
      'overlay=UUID=B6C4-2E19',
    ]);
    expect(config.removed).toContain('ro');
  });

  it('puts extra kernel arguments after the initrd', () => {
    const result = plan(
      'soas-2012',
      "livecd-iso-to-disk --extra-kernel-args 'nomodeset 3' SoaS.iso /dev/sdb1",
    );
    expect(result.boot.appendLine.startsWith('initrd=initrd0.img nomodeset 3 root=live:UUID=')).toBe(true);
  });
});

describe('today', () => {
  it('adds rd.live.overlay=UUID=… and rw before rd.live.image', () => {
    const config = bootConfig({ ...base, era: 'fedora-today', appendLine: TODAY, overlay: true });
    expect(config.appendLine).toBe(
      'initrd=initrd.img root=live:UUID=B6C4-2E19 rw rd.live.image rd.live.overlay=UUID=B6C4-2E19 quiet rhgb',
    );
  });

  it('boots read-write even without an overlay', () => {
    const config = bootConfig({ ...base, era: 'fedora-today', appendLine: `${TODAY} ro`, overlay: false });
    expect(config.appendLine).toBe('initrd=initrd.img root=live:UUID=B6C4-2E19 rw rd.live.image quiet rhgb');
  });

  it('names the device by label when it has no UUID', () => {
    const config = bootConfig({
      ...base,
      era: 'fedora-today',
      appendLine: TODAY,
      overlay: true,
      uuid: '',
      label: 'SUGAR',
    });
    expect(config.appendLine).toContain('root=live:LABEL=SUGAR');
  });

  it('uses extlinux.conf on ext4', () => {
    expect(
      bootConfig({ ...base, era: 'fedora-today', appendLine: TODAY, overlay: false, filesystem: 'ext4' })
        .configFile,
    ).toBe('syslinux/extlinux.conf');
  });
});

describe('--xo', () => {
  it('boots the XO with persistenthome=mtd0 and reset_overlay when there is no home.img', () => {
    const result = plan('soas-2012', 'livecd-iso-to-disk --xo SoaS.iso /dev/sdb1');
    expect(result.boot.xoBootArgs).toBe(
      'root=live:UUID=B6C4-2E19 rootfstype=vfat ro liveimg quiet rd.luks=0 rd.md=0 rd.dm=0 persistenthome=mtd0 reset_overlay',
    );
    expect(fileAt(result, 'boot/olpc.fth').sizeBytes).toBe(1037 + 1 + (result.boot.xoBootArgs ?? '').length);
  });

  it('leaves out persistenthome with --xo-no-home or a home.img', () => {
    expect(
      plan('soas-2012', 'livecd-iso-to-disk --xo --xo-no-home SoaS.iso /dev/sdb1').boot.xoBootArgs,
    ).not.toContain('persistenthome');
    const withHome = makeStick({ liveOsMib: 50, homeImg: { sizeMib: 50, encrypted: false } });
    expect(plan('soas-2012', 'livecd-iso-to-disk --xo SoaS.iso /dev/sdb1', withHome).boot.xoBootArgs).toMatch(
      /quiet rd\.luks=0 rd\.md=0 rd\.dm=0 reset_overlay$/,
    );
  });

  it('warns, as the help does, against an overlay size with --xo', () => {
    const result = plan('soas-2012', 'livecd-iso-to-disk --xo --overlay-size-mb 100 SoaS.iso /dev/sdb1');
    expect(result.notices.find((n) => n.code === 'xo-option-conflict')?.message).toContain(
      '--overlay-size-mb',
    );
  });
});
