// RAM and swap: the temporary overlay takes the machine's RAM chunk by chunk, shared with the tmpfs
// folders (whose pages swap.img can take); swap.img is placed on the stick and turned on by livesys;
// a folder moved to RAM can be moved back.

import { describe, expect, it } from 'vitest';
import { Stick } from '../../../src/model/stick/Stick';
import { bootedStick, makeStick, MIB } from './makeStick';

/** A 2012 stick without an overlay file (dracut's 512 MiB temporary overlay) on a 32 MiB machine. */
function liveCd(swapMib: number | null = null): Stick {
  return bootedStick({ overlayMib: null, homeMib: null, ramBytes: 32 * MIB, swapMib });
}

describe('the temporary overlay in RAM', () => {
  it('takes RAM for each chunk, and says how much is left', () => {
    const stick = liveCd();
    const written = stick.writeFile('/var/lib/photo.jpg', 8 * MIB);
    expect(written.ok).toBe(true);
    const ram = stick.usage().ram;
    expect(ram.temporaryOverlayBytes).toBe(stick.usage().overlay.allocatedSectors * 512);
    expect(ram.temporaryOverlayBytes).toBeGreaterThan(8 * MIB);
    expect(ram.temporaryOverlayRoomBytes).toBe(32 * MIB - ram.temporaryOverlayBytes);
  });

  it('fails the write that needs a chunk when RAM is exhausted, long before the 512 MiB file is full', () => {
    const stick = liveCd();
    const written = stick.writeFile('/var/lib/video.ogv', 40 * MIB);
    expect(written).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.dmsetupStatus('live-rw')).toEqual(['0 131072 snapshot Invalid']);
    const overlay = stick.usage().overlay;
    expect(overlay.allocatedSectors).toBeLessThan(overlay.totalSectors / 4);
    const texts = stick.log().map((l) => l.text);
    expect(texts).toContain('device-mapper: snapshots: Invalidating snapshot: Error reading/writing.');
    expect(texts.some((t) => t.startsWith("The machine's RAM is full"))).toBe(true);
    expect(stick.readFile('/etc/hostname')).toMatchObject({ ok: false, error: 'EIO' });
  });

  it('is forgotten at reboot, which starts afresh with all the RAM', () => {
    const stick = liveCd();
    stick.writeFile('/var/lib/video.ogv', 40 * MIB);
    expect(stick.reboot().ok).toBe(true);
    expect(stick.writeFile('/var/lib/photo.jpg', 8 * MIB).ok).toBe(true);
  });

  it('shares the RAM with the tmpfs folders', () => {
    const stick = liveCd();
    expect(stick.writeFile('/tmp/a', 14 * MIB).ok).toBe(true);
    expect(stick.writeFile('/var/tmp/b', 14 * MIB).ok).toBe(true);
    expect(stick.usage().ram.temporaryOverlayRoomBytes).toBeLessThan(8 * MIB);
    expect(stick.writeFile('/var/lib/photo.jpg', 8 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
  });

  it('has room again when swap.img can take the tmpfs pages (the overlay’s own cannot be swapped)', () => {
    const stick = liveCd(64);
    expect(stick.writeFile('/tmp/a', 14 * MIB).ok).toBe(true);
    expect(stick.writeFile('/var/tmp/b', 14 * MIB).ok).toBe(true);
    expect(stick.writeFile('/var/lib/photo.jpg', 8 * MIB).ok).toBe(true);
    expect(stick.writeFile('/var/lib/video.ogv', 40 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
  });

  it('comes back from a saved document with the same limit', () => {
    const stick = liveCd();
    stick.writeFile('/tmp/a', 14 * MIB);
    const restored = Stick.restore(JSON.parse(JSON.stringify(stick.save())) as unknown);
    if (!restored.ok) throw new Error(restored.message);
    expect(restored.stick.usage().ram).toEqual(stick.usage().ram);
    expect(restored.stick.writeFile('/var/lib/video.ogv', 40 * MIB)).toMatchObject({
      ok: false,
      error: 'EIO',
    });
  });
});

describe('swap.img', () => {
  it('is written in full on the stick, and livesys turns it on', () => {
    const without = makeStick().usage().device.usedBytes;
    const stick = makeStick({ swapMib: 64 });
    const usage = stick.usage();
    expect(usage.device.images.swapBytes).toBe(64 * MIB);
    expect(usage.device.usedBytes - without).toBe(64 * MIB);
    const booted = stick.boot();
    expect(booted.log.map((l) => l.text)).toContain('swapon /mnt/live/LiveOS/swap.img');
    expect(stick.usage().ram.swapBytes).toBe(64 * MIB);
  });

  it('is in use while the stick runs: it cannot be deleted from the device', () => {
    const stick = bootedStick({ era: 'fedora-today', swapMib: 16 });
    expect(stick.deleteFile('/run/initramfs/live/LiveOS/swap.img')).toMatchObject({
      ok: false,
      error: 'EBUSY',
    });
  });

  it('keeps to the FAT limit on vfat, as --swap-size-mb does', () => {
    expect(
      Stick.create({
        era: 'soas-2012',
        capacityBytes: 4096 * MIB,
        overlayMib: 8,
        homeMib: null,
        swapMib: 2048,
      }),
    ).toMatchObject({ ok: false, code: 'fat-limit' });
  });

  it('is saved with the plan and comes back', () => {
    const stick = bootedStick({ swapMib: 16 });
    const doc = JSON.parse(JSON.stringify(stick.save())) as { plan: { swapMib: number } };
    expect(doc.plan.swapMib).toBe(16);
    const restored = Stick.restore(doc);
    expect(restored.ok && restored.stick.usage().ram.swapBytes).toBe(16 * MIB);
  });
});

describe('moving a folder back out of RAM', () => {
  it('unmounts its tmpfs: what was written there is gone, its RAM given back, the overlay holds it again', () => {
    const stick = bootedStick();
    stick.writeFile('/var/log/audit/audit.log', 4096);
    expect(stick.moveToRam('/var/log/audit').ok).toBe(true);
    expect(stick.writeFile('/var/log/audit/audit.log', 1 * MIB).costs.ramBytes).toBe(1 * MIB);
    const moved = stick.moveOutOfRam('/var/log/audit');
    expect(moved).toMatchObject({ ok: true, costs: { ramBytes: -1 * MIB, overlayChunks: 0 } });
    expect(moved.message).toMatch(/no longer in RAM/);
    expect(stick.stat('/var/log/audit/audit.log')).toEqual({
      ok: true,
      value: { kind: 'file', sizeBytes: 4096 },
    });
    expect(stick.whereIs('/var/log/audit/new.log')).toMatchObject({ store: 'overlay' });
    expect(stick.usage().ram.mounts.map((m) => m.mountPoint)).not.toContain('/var/log/audit');
  });

  it('is no longer mounted at the next boot', () => {
    const stick = bootedStick();
    stick.moveToRam('/var/log/audit');
    stick.moveOutOfRam('/var/log/audit');
    stick.reboot();
    expect(stick.whereIs('/var/log/audit/x')).toMatchObject({ store: 'overlay' });
  });

  it('with the stick off, only takes the folder off the boot’s list', () => {
    const stick = bootedStick();
    stick.moveToRam('/var/log/audit');
    stick.shutdown();
    expect(stick.moveOutOfRam('/var/log/audit')).toMatchObject({ ok: true, costs: { ramBytes: 0 } });
    stick.boot();
    expect(stick.whereIs('/var/log/audit/x')).toMatchObject({ store: 'overlay' });
  });

  it('refuses livesys’s own RAM folders, folders never moved, and one with another mount below', () => {
    const stick = bootedStick();
    expect(stick.moveOutOfRam('/tmp')).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(stick.moveOutOfRam('/tmp').message).toMatch(/livesys/);
    expect(stick.moveOutOfRam('/var/log')).toMatchObject({ ok: false, error: 'EINVAL' });
    stick.mkdir('/var/log/audit/old', { parents: true });
    stick.moveToRam('/var/log/audit');
    stick.mkdir('/var/log/audit/spool');
    stick.moveToRam('/var/log/audit/spool');
    expect(stick.moveOutOfRam('/var/log/audit')).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(stick.moveOutOfRam('/var/log/audit/spool').ok).toBe(true);
    expect(stick.moveOutOfRam('/var/log/audit').ok).toBe(true);
  });
});
