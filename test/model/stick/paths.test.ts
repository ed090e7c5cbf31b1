// Path resolution: which store a path costs, the mount that owns it, the path inside that mount; moving a
// folder to RAM; and the outcomes for what a learner may get wrong.

import { describe, expect, it } from 'vitest';
import { bootedStick, makeStick, MIB } from './makeStick';

describe('whereIs', () => {
  const stick = bootedStick({ era: 'soas-2012' });
  const cases: [path: string, store: string, mountPoint: string, inside: string][] = [
    ['/', 'overlay', '/', '/'],
    ['/etc/hostname', 'overlay', '/', '/etc/hostname'],
    [
      '/usr/share/sugar/activities/Read.activity',
      'overlay',
      '/',
      '/usr/share/sugar/activities/Read.activity',
    ],
    ['/home', 'home', '/home', '/'],
    ['/home/liveuser/Activities/Maze.activity', 'home', '/home', '/liveuser/Activities/Maze.activity'],
    ['/tmp/x', 'ram', '/tmp', '/x'],
    ['/var/tmp', 'ram', '/var/tmp', '/'],
    ['/var/cache/yum/packages/a.rpm', 'ram', '/var/cache/yum', '/packages/a.rpm'],
    ['/var/cache/yumyum', 'overlay', '/', '/var/cache/yumyum'],
    ['/mnt/live/LiveOS/home.img', 'device', '/mnt/live', '/LiveOS/home.img'],
    ['/mnt/live/../live/./notes.txt', 'device', '/mnt/live', '/notes.txt'],
  ];
  for (const [path, store, mountPoint, inside] of cases) {
    it(`puts ${path} on ${store} (${mountPoint})`, () => {
      expect(stick.whereIs(path)).toMatchObject({ ok: true, store, mountPoint, pathInMount: inside });
    });
  }

  it('tells whether a place survives a reboot', () => {
    expect(stick.whereIs('/etc')).toMatchObject({ persistent: true, source: '/dev/mapper/live-rw' });
    expect(stick.whereIs('/tmp')).toMatchObject({ persistent: false, fsType: 'tmpfs' });
    expect(bootedStick({ overlayMib: null }).whereIs('/etc')).toMatchObject({
      store: 'overlay',
      persistent: false,
    });
  });

  it('puts /home on the overlay when there is no home.img', () => {
    const noHome = bootedStick({ homeMib: null });
    expect(noHome.whereIs('/home/liveuser/Activities')).toMatchObject({ store: 'overlay', mountPoint: '/' });
  });

  it('uses /run/initramfs/live for the stick today, and /mnt/live is just a folder of the root', () => {
    const today = bootedStick({ era: 'fedora-today' });
    expect(today.whereIs('/run/initramfs/live/x')).toMatchObject({ store: 'device', pathInMount: '/x' });
    expect(today.whereIs('/mnt/live/x')).toMatchObject({ store: 'overlay' });
  });

  it('refuses relative paths and answers ENODEV while the stick is off', () => {
    expect(stick.whereIs('etc/hostname')).toEqual({ ok: false, error: 'EINVAL' });
    expect(stick.whereIs('')).toEqual({ ok: false, error: 'EINVAL' });
    expect(makeStick().whereIs('/etc')).toEqual({ ok: false, error: 'ENODEV' });
  });
});

describe('moveToRam', () => {
  it('mounts a tmpfs on the folder: new writes cost RAM, not the overlay, and are gone after a reboot', () => {
    const stick = bootedStick();
    expect(stick.whereIs('/var/log/audit/audit.log')).toMatchObject({ store: 'overlay' });
    const moved = stick.moveToRam('/var/log/audit');
    expect(moved).toMatchObject({ ok: true, costs: { overlayChunks: 0, ramBytes: 0 } });
    expect(stick.whereIs('/var/log/audit/audit.log')).toMatchObject({
      store: 'ram',
      mountPoint: '/var/log/audit',
      pathInMount: '/audit.log',
    });
    expect(stick.appendFile('/var/log/audit/audit.log', 10_240).costs).toMatchObject({
      overlayChunks: 0,
      ramBytes: 12_288,
    });
    stick.reboot();
    expect(stick.whereIs('/var/log/audit/audit.log')).toMatchObject({ store: 'ram' });
    expect(stick.stat('/var/log/audit/audit.log')).toEqual({ ok: false, error: 'ENOENT' });
    expect(
      stick
        .usage()
        .ram.mounts.filter((m) => m.movedToRam)
        .map((m) => m.mountPoint),
    ).toEqual(['/var/log/audit']);
  });

  it('hides what the folder held, which still costs what it cost', () => {
    const stick = bootedStick();
    const before = stick.usage().overlay.allocatedSectors;
    stick.moveToRam('/var/log/audit');
    expect(stick.usage().overlay.allocatedSectors).toBe(before);
    expect(stick.stat('/var/log/audit/audit.log')).toEqual({ ok: false, error: 'ENOENT' });
  });

  it('refuses a missing folder, a file, the root and a folder already mounted', () => {
    const stick = bootedStick();
    expect(stick.moveToRam('/var/spool/nothing')).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(stick.moveToRam('/var/lib/NetworkManager/timestamps')).toMatchObject({
      ok: false,
      error: 'ENOTDIR',
    });
    expect(stick.moveToRam('/')).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(stick.moveToRam('/tmp')).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(stick.moveToRam('var/log')).toMatchObject({ ok: false, error: 'EINVAL' });
  });
});

describe('bad input', () => {
  const stick = bootedStick();

  it('gives EINVAL for a relative path or a size that is not a whole number of bytes', () => {
    expect(stick.writeFile('notes.txt', 10)).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(stick.writeFile('/tmp/notes.txt', -1)).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(stick.writeFile('/tmp/notes.txt', 1.5)).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(stick.advance(-5)).toMatchObject({ ok: false, error: 'EINVAL' });
  });

  it('gives ENOENT for a file in a missing folder, on every store', () => {
    for (const path of ['/nowhere/x', '/home/nobody/x', '/tmp/nowhere/x', '/mnt/live/nowhere/x']) {
      expect(stick.writeFile(path, 10)).toMatchObject({ ok: false, error: 'ENOENT' });
      expect(stick.deleteFile(path)).toMatchObject({ ok: false, error: 'ENOENT' });
    }
  });

  it('gives ENAMETOOLONG for a name over 255 bytes', () => {
    expect(stick.writeFile(`/tmp/${'a'.repeat(256)}`, 1)).toMatchObject({ ok: false, error: 'ENAMETOOLONG' });
  });

  it('gives EFBIG for a file over 4 GiB − 1 byte on the vfat stick', () => {
    const big = bootedStick({ capacityBytes: 8 * 1024 * MIB });
    expect(big.writeFile('/mnt/live/dvd.iso', 4 * 1024 * MIB)).toMatchObject({ ok: false, error: 'EFBIG' });
    expect(big.writeFile('/mnt/live/dvd.iso', 4 * 1024 * MIB - 1).ok).toBe(true);
  });

  it('gives ENOSPC when the stick itself is full', () => {
    const free = stick.usage().device.freeBytes;
    expect(stick.writeFile('/mnt/live/too-big', free + 1)).toMatchObject({ ok: false, error: 'ENOSPC' });
  });

  it('gives EISDIR for a folder written as a file, EEXIST for a folder made twice', () => {
    expect(stick.writeFile('/etc', 10)).toMatchObject({ ok: false, error: 'EISDIR' });
    expect(stick.writeFile('/tmp', 10)).toMatchObject({ ok: false, error: 'EISDIR' });
    expect(stick.deleteFile('/usr')).toMatchObject({ ok: false, error: 'EISDIR' });
    expect(stick.mkdir('/etc')).toMatchObject({ ok: false, error: 'EEXIST' });
    expect(stick.mkdir('/etc', { parents: true }).ok).toBe(true);
  });

  it('gives EBUSY for a mount point or a folder holding one, and for the images in use', () => {
    expect(stick.deleteFile('/tmp', { recursive: true })).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(stick.deleteFile('/var', { recursive: true })).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(stick.rename('/home', '/house')).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(stick.deleteFile('/mnt/live/LiveOS/squashfs.img')).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(stick.writeFile('/mnt/live/LiveOS/home.img', 0)).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(stick.deleteFile('/mnt/live/liveos', { recursive: true })).toMatchObject({
      ok: false,
      error: 'EBUSY',
    });
  });

  it('gives EXDEV for a rename from one filesystem to another', () => {
    stick.writeFile('/tmp/draft', 100);
    expect(stick.rename('/tmp/draft', '/home/liveuser/draft')).toMatchObject({ ok: false, error: 'EXDEV' });
    expect(stick.rename('/tmp/draft', '/tmp/final').ok).toBe(true);
    expect(stick.stat('/tmp/final')).toEqual({ ok: true, value: { kind: 'file', sizeBytes: 100 } });
  });
});
