// Booting as dracut does it (live-rw's store per era, the mounts, osmin, the temporary overlay and its
// warning) and rebooting (persistent stores keep their state, RAM and temporary overlays are lost).

import { describe, expect, it } from 'vitest';
import { ERAS } from '../../../src/model/stick/eras';
import { bootedStick, makeStick, MIB } from './makeStick';

describe('a fresh 2012 stick', () => {
  it('creates live-rw with dracut\'s "p 8", which the kernel prints as P', () => {
    const stick = makeStick({ era: 'soas-2012' });
    const booted = stick.boot();
    expect(booted.ok).toBe(true);
    expect(booted.overlay).toBe('persistent');
    const sectors = (64 * MIB) / 512;
    expect(booted.log.map((l) => l.text)).toContain(
      `dmsetup create live-rw --table "0 ${sectors} snapshot /dev/loop1 /dev/loop2 p 8"`,
    );
    expect(stick.dmsetupTable('live-rw')).toEqual([`0 ${sectors} snapshot 7:1 7:2 P 8`]);
    expect(booted.statusAtCreate).toBe(`0 ${sectors} snapshot 16/65536 16`);
  });

  it('mounts the root from live-rw, home.img on /home, three tmpfs folders and the stick at /mnt/live', () => {
    const stick = bootedStick({ era: 'soas-2012' });
    expect(stick.mounts().map((m) => [m.mountPoint, m.source, m.fsType])).toEqual([
      ['/mnt/live', '/dev/sdb1', 'vfat'],
      ['/', '/dev/mapper/live-rw', 'ext4'],
      ['/var/cache/yum', 'varcacheyum', 'tmpfs'],
      ['/tmp', 'tmp', 'tmpfs'],
      ['/var/tmp', 'vartmp', 'tmpfs'],
      ['/home', '/dev/loop5', 'ext4'],
    ]);
  });

  it('allocates on the root and in home.img as on a USB stick, which says it is rotational', () => {
    const saved = bootedStick({ era: 'soas-2012' }).save();
    // mb_linear_limit: four groups tried in number order before the lists; the base was built offline.
    const root = saved.root;
    if (root === null || root === 'base') throw new Error('a persistent overlay keeps its own root');
    expect(root.fs.allocator.linearGroups).toBe(4);
    expect(saved.home?.fs.allocator.linearGroups).toBe(4);
    expect(saved.base.root.allocator.linearGroups).toBe(0);
  });

  it('has the read-only live-osimg-min snapshot, full, listed before live-rw', () => {
    const stick = bootedStick({ era: 'soas-2012' });
    const lines = stick.dmsetupStatus();
    expect(lines[0]).toBe(`live-osimg-min: 0 ${(64 * MIB) / 512} snapshot 2464/2464 24`);
    expect(lines[1]).toMatch(/^live-rw: 0 131072 snapshot \d+\/65536 16$/);
    expect(stick.dmDevices().map((d) => [d.name, d.minor, d.readOnly])).toEqual([
      ['live-osimg-min', 1, true],
      ['live-rw', 0, false],
    ]);
  });
});

describe('a fresh stick of today', () => {
  it('creates live-rw with PO 8 over the linear live-base, and mounts the stick at /run/initramfs/live', () => {
    const stick = makeStick({ era: 'fedora-today' });
    const booted = stick.boot();
    expect(booted.ok).toBe(true);
    expect(stick.dmsetupTable()).toEqual([
      'live-base: 0 131072 linear 7:1 0',
      'live-rw: 0 131072 snapshot 253:0 7:2 PO 8',
    ]);
    expect(stick.mounts()[0]).toMatchObject({ mountPoint: '/run/initramfs/live', fsType: 'vfat' });
    expect(stick.dmDevices().some((d) => d.name === 'live-osimg-min')).toBe(false);
  });
});

describe('a stick without an overlay file', () => {
  for (const era of ['soas-2012', 'fedora-today'] as const) {
    it(`boots on a temporary overlay in RAM with dracut's warning (${era})`, () => {
      const stick = makeStick({ era, overlayMib: null });
      const booted = stick.boot();
      expect(booted.overlay).toBe('temporary');
      expect(booted.log).toContainEqual({
        source: 'dracut',
        kind: 'message',
        text: ERAS[era].ramOverlayMessage,
      });
      const ramSectors = (ERAS[era].ramOverlayMib * MIB) / 512;
      expect(stick.dmsetupTable('live-rw')[0]).toMatch(new RegExp(` 7:2 ${ERAS[era].overlayStore} 8$`));
      expect(stick.dmsetupStatus('live-rw')[0]).toMatch(new RegExp(`snapshot \\d+/${ramSectors} 16$`));
      expect(stick.usage().overlay).toMatchObject({ kind: 'temporary', inRam: true, fileBytes: null });
    });
  }

  it('loses every change to the root at reboot, and starts again from the base', () => {
    const stick = bootedStick({ overlayMib: null, homeMib: null });
    expect(stick.writeFile('/etc/motd', 2 * MIB).ok).toBe(true);
    expect(stick.mkdir('/home/liveuser/Documents').ok).toBe(true);
    const before = stick.dmsetupStatus('live-rw')[0];
    expect(stick.reboot().ok).toBe(true);
    expect(stick.stat('/etc/motd')).toEqual({ ok: false, error: 'ENOENT' });
    expect(stick.stat('/home/liveuser/Documents')).toEqual({ ok: false, error: 'ENOENT' });
    expect(stick.stat('/usr/share/sugar/activities/Read.activity').ok).toBe(true);
    expect(stick.dmsetupStatus('live-rw')[0]).not.toBe(before);
    expect(stick.usage().ram.temporaryOverlayBytes).toBeLessThan(1 * MIB);
  });

  it('mounts the stick read-only, since nothing asked for rw', () => {
    const stick = bootedStick({ overlayMib: null, homeMib: null });
    expect(stick.writeFile('/mnt/live/notes.txt', 100)).toMatchObject({ ok: false, error: 'EROFS' });
  });
});

describe('a reboot', () => {
  it('re-reads the overlay from its COW bytes: the status line is the same byte for byte', () => {
    const stick = bootedStick();
    stick.writeFile('/var/log/messages', 3 * MIB);
    stick.deleteFile('/var/log/messages');
    const shutdown = stick.shutdown();
    expect(shutdown.statusAtShutdown).toMatch(/^0 131072 snapshot \d+\/65536 \d+$/);
    const booted = stick.boot();
    expect(booted.statusAtCreate).toBe(shutdown.statusAtShutdown);
    expect(stick.dmsetupStatus('live-rw')).toEqual([shutdown.statusAtShutdown]);
  });

  it("keeps the root's files on a persistent overlay and home.img's files", () => {
    const stick = bootedStick();
    stick.writeFile('/etc/hostname', 20);
    stick.writeFile('/home/liveuser/notes.txt', 5000);
    stick.reboot();
    expect(stick.stat('/etc/hostname')).toEqual({ ok: true, value: { kind: 'file', sizeBytes: 20 } });
    expect(stick.stat('/home/liveuser/notes.txt')).toEqual({
      ok: true,
      value: { kind: 'file', sizeBytes: 5000 },
    });
  });

  it('empties every tmpfs', () => {
    const stick = bootedStick();
    stick.writeFile('/tmp/a', 3 * MIB);
    stick.writeFile('/var/tmp/b', 1 * MIB);
    stick.writeFile('/var/cache/yum/c', 5000);
    expect(stick.usage().ram.tmpfsUsedBytes).toBe(4 * MIB + 8192);
    stick.reboot();
    expect(stick.usage().ram.tmpfsUsedBytes).toBe(0);
    expect(stick.stat('/tmp/a')).toEqual({ ok: false, error: 'ENOENT' });
  });

  it("makes liveuser's home the first time only", () => {
    const stick = makeStick();
    expect(stick.boot().log.some((l) => l.text.startsWith('useradd'))).toBe(true);
    expect(stick.reboot().log.some((l) => l.text.startsWith('useradd'))).toBe(false);
  });

  it('is refused while the stick is already running, and a shutdown while it is off', () => {
    const stick = bootedStick();
    expect(stick.boot()).toMatchObject({ ok: false, error: 'EBUSY' });
    stick.shutdown();
    expect(stick.shutdown()).toMatchObject({ ok: false, error: 'ENODEV' });
    expect(stick.writeFile('/etc/x', 1)).toMatchObject({ ok: false, error: 'ENODEV' });
  });
});
