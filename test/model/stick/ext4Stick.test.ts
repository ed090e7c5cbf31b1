// A stick formatted ext4 by livecd-iso-to-disk `--format`: the 2012 script makes the overlay and home.img
// sparse (`dd seek=`), so the stick's free space shrinks as they fill and can run out before the overlay
// does; today's fallocates them in full. ext4 has no 4 GiB cap.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stick } from '../../../src/model/stick/Stick';
import { bootedStick, KIB, makeStick, MIB } from './makeStick';

const GIB = 1024 * MIB;

describe('a 2012 stick formatted ext4', () => {
  it('holds an ext4 filesystem, mounted as such, with the overlay file sparse until the first boot', () => {
    const stick = makeStick({ deviceFilesystem: 'ext4' });
    const usage = stick.usage();
    expect(usage.device.filesystem).toBe('ext4');
    expect(usage.device.images.overlayBytes).toBe(32 * MIB);
    expect(usage.device.taken.overlayBytes).toBe(0);
    expect(usage.device.reservedBytes).toBeGreaterThan(0);
    // The kernel writes the header and metadata area 0 at the first boot (two chunks), then the root's
    // mount writes: each chunk handed out is a block of the file.
    expect(stick.boot().statusAtCreate).toBe('0 131072 snapshot 16/65536 16');
    expect(stick.mounts().find((m) => m.mountPoint === '/mnt/live')).toMatchObject({ fsType: 'ext4' });
    const booted = stick.usage();
    expect(booted.device.taken.overlayBytes).toBe(booted.overlay.allocatedSectors * 512);
    expect(booted.device.taken.overlayBytes).toBeGreaterThanOrEqual(8 * KIB);
  });

  it('takes a block of the stick for every chunk the overlay hands out', () => {
    const stick = bootedStick({ deviceFilesystem: 'ext4' });
    const written = stick.writeFile('/var/lib/photo.jpg', 2 * MIB);
    expect(written.ok).toBe(true);
    expect(written.costs.overlayChunks).toBeGreaterThan(512);
    expect(written.costs.deviceBytes).toBe(written.costs.overlayChunks * 4096);
    const usage = stick.usage();
    expect(usage.device.taken.overlayBytes).toBe(usage.overlay.allocatedSectors * 512);
    // Deleting frees nothing on the stick either: the chunks stay written in the file.
    const deleted = stick.deleteFile('/var/lib/photo.jpg');
    expect(deleted.costs.deviceBytes).toBeGreaterThanOrEqual(0);
  });

  it('gives home.img only the blocks mkfs wrote, and more as its filesystem writes', () => {
    const stick = makeStick({ deviceFilesystem: 'ext4', homeMib: 64 });
    const taken = stick.usage().device.taken.homeBytes;
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(64 * MIB);
    stick.boot();
    const saved = stick.writeFile('/home/liveuser/video.ogv', 8 * MIB);
    expect(saved.costs.homeBytes).toBeGreaterThanOrEqual(8 * MIB);
    expect(saved.costs.deviceBytes).toBeGreaterThanOrEqual(8 * MIB);
    const removed = stick.deleteFile('/home/liveuser/video.ogv');
    expect(removed.costs.homeBytes).toBeLessThanOrEqual(-8 * MIB);
    expect(removed.costs.deviceBytes).toBe(0);
  });

  it('keeps swap.img in full, as dd from /dev/zero writes it', () => {
    const stick = makeStick({ deviceFilesystem: 'ext4', swapMib: 16 });
    expect(stick.media.device.stat('/LiveOS/swap.img')).toMatchObject({
      ok: true,
      value: { sizeBytes: 16 * MIB, usedBytes: 16 * MIB },
    });
  });
});

describe('a stick whose ext4 filesystem fills before its overlay', () => {
  /** A booted 2012 ext4 stick with all but 64 KiB of its space taken by a file on the stick itself. */
  function nearlyFullStick(homeMib: number | null = null): Stick {
    const stick = bootedStick({
      deviceFilesystem: 'ext4',
      capacityBytes: 256 * MIB,
      overlayMib: 128,
      homeMib,
    });
    const free = stick.usage().device.freeBytes;
    expect(stick.writeFile('/mnt/live/backup.tar', free - 64 * KIB).ok).toBe(true);
    return stick;
  }

  it('invalidates live-rw with "Error reading/writing." when the loop device finds no block', () => {
    const stick = nearlyFullStick();
    const written = stick.writeFile('/var/lib/photo.jpg', 4 * MIB);
    expect(written).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.dmsetupStatus('live-rw')).toEqual(['0 131072 snapshot Invalid']);
    const usage = stick.usage();
    expect(usage.overlay.allocatedSectors).toBeLessThan(usage.overlay.totalSectors / 2);
    expect(stick.rootState).toBe('io-errors');
    const texts = stick.log().map((l) => l.text);
    expect(texts).toContain('device-mapper: snapshots: Invalidating snapshot: Error reading/writing.');
    expect(texts.some((t) => t.startsWith("The stick's ext4 filesystem is full"))).toBe(true);
    // The header says so on the stick: the next boot stops in dracut's emergency shell.
    expect(stick.reboot()).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.power).toBe('emergency');
  });

  it('turns /home read-only when home.img cannot grow on the stick', () => {
    const stick = nearlyFullStick(32);
    const saved = stick.writeFile('/home/liveuser/video.ogv', 4 * MIB);
    expect(saved).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.whereIs('/home/liveuser')).toMatchObject({ store: 'home', readOnly: true });
    expect(stick.writeFile('/home/liveuser/note.txt', 10)).toMatchObject({ ok: false, error: 'EROFS' });
    expect(stick.log().some((l) => l.text === 'Aborting journal on device loop5-8.')).toBe(true);
    expect(stick.dmsetupStatus('live-rw')[0]).not.toContain('Invalid');
  });
});

describe("today's stick formatted ext4", () => {
  it('fallocates the overlay in full: writing costs the stick nothing more', () => {
    const stick = bootedStick({ era: 'fedora-today', deviceFilesystem: 'ext4' });
    expect(stick.usage().device.taken.overlayBytes).toBe(32 * MIB);
    const written = stick.writeFile('/var/lib/photo.jpg', 2 * MIB);
    expect(written.costs.overlayChunks).toBeGreaterThan(512);
    expect(written.costs.deviceBytes).toBe(0);
  });

  it('holds an overlay of 4 GiB and more, which vfat refuses', () => {
    const plan = { era: 'fedora-today' as const, capacityBytes: 8 * GIB, overlayMib: 5000, homeMib: null };
    const ext4 = Stick.create({ ...plan, deviceFilesystem: 'ext4' });
    expect(ext4.ok && ext4.stick.usage().device.images.overlayBytes).toBe(5000 * MIB);
    expect(Stick.create(plan)).toMatchObject({ ok: false, code: 'fat-limit' });
  });

  it('names the overlay file after the ext4 UUID', () => {
    const stick = makeStick({ era: 'fedora-today', deviceFilesystem: 'ext4' });
    expect(stick.media.overlayName).toBe('overlay-LIVE-5a0c2f6e-1d2b-4c7e-9f10-2a6c3b8d4e51');
    expect(
      Stick.create({
        era: 'fedora-today',
        capacityBytes: GIB,
        overlayMib: 8,
        homeMib: null,
        deviceFilesystem: 'ext4',
        uuid: 'B6C4-2E19',
      }),
    ).toMatchObject({ ok: false, code: 'bad-plan' });
  });
});

describe('any sequence of writes on a small 2012 ext4 stick', () => {
  const folders = ['/var/lib', '/home/liveuser', '/tmp', '/mnt/live'];
  it('keeps the overlay file exactly as large on the stick as the chunks handed out, and the stick within its size', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            folder: fc.nat(folders.length - 1),
            name: fc.nat(2),
            bytes: fc.integer({ min: 0, max: 12 * MIB }),
          }),
          { maxLength: 12 },
        ),
        (writes) => {
          const stick = bootedStick({
            deviceFilesystem: 'ext4',
            capacityBytes: 100 * MIB,
            overlayMib: 48,
            homeMib: 16,
          });
          for (const { folder, name, bytes } of writes) {
            stick.writeFile(`${folders[folder]}/f${name}`, bytes);
            const usage = stick.usage();
            expect(usage.device.freeBytes).toBeGreaterThanOrEqual(0);
            expect(usage.device.usedBytes).toBeLessThanOrEqual(usage.device.capacityBytes);
            if (usage.overlay.state === 'Valid') {
              expect(usage.device.taken.overlayBytes).toBe(usage.overlay.allocatedSectors * 512);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
