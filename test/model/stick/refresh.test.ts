// Refreshing a stick as editliveos remixes one (the overlay folded into a new squashfs.img, a fresh
// overlay, home.img kept or made again) and resetting its overlay as --reset-overlay does, both with the
// stick off.

import { describe, expect, it } from 'vitest';
import { estimateSquashedBytes } from '../../../src/model/store/SquashfsImage';
import type { Stick } from '../../../src/model/stick/Stick';
import { bootedStick, makeStick, MIB, overlayChunks } from './makeStick';

const FRESH_2012 = '0 131072 snapshot 16/65536 16';

/** A booted 2012 stick with a 2 MiB photo in the root and an essay in home.img, then shut down. */
function usedStick(plan: Parameters<typeof makeStick>[0] = {}): Stick {
  const stick = bootedStick(plan);
  expect(stick.mkdir('/var/lib/photos').ok).toBe(true);
  expect(stick.writeFile('/var/lib/photos/cat.jpg', 2 * MIB).ok).toBe(true);
  expect(stick.writeFile('/home/liveuser/essay.odt', 300_000).ok).toBe(true);
  stick.shutdown();
  return stick;
}

describe('refresh', () => {
  it('keeps the files written before: they are in the base image now', () => {
    const stick = usedStick();
    const refreshed = stick.refresh();
    expect(refreshed).toMatchObject({ ok: true });
    expect(stick.boot().ok).toBe(true);
    expect(stick.stat('/var/lib/photos/cat.jpg')).toEqual({
      ok: true,
      value: { kind: 'file', sizeBytes: 2 * MIB },
    });
    expect(stick.stat('/home/liveuser/essay.odt').ok).toBe(true);
  });

  it('starts a fresh overlay: the next boot shows 16/<total> 16', () => {
    const stick = usedStick();
    stick.refresh();
    expect(stick.usage().overlay.allocatedSectors).toBe(0);
    expect(stick.boot().statusAtCreate).toBe(FRESH_2012);
  });

  it('makes rewriting those files cost overlay chunks again, from zero', () => {
    const stick = bootedStick();
    expect(stick.writeFile('/var/lib/cat.jpg', 2 * MIB).ok).toBe(true);
    const before = stick.overwriteFile('/var/lib/cat.jpg', 1 * MIB);
    expect(before.costs.overlayChunks).toBeLessThan(10); // already copied: journal blocks only
    stick.shutdown();
    stick.refresh();
    stick.boot();
    const after = stick.overwriteFile('/var/lib/cat.jpg', 1 * MIB);
    expect(after.costs.overlayChunks).toBeGreaterThanOrEqual(256); // 1 MiB of 4 KiB chunks, copied anew
  });

  it('frees no overlay when a file folded into the base is deleted', () => {
    const stick = usedStick();
    stick.refresh();
    stick.boot();
    const chunks = overlayChunks(stick);
    const deleted = stick.deleteFile('/var/lib/photos/cat.jpg');
    expect(deleted.ok).toBe(true);
    expect(deleted.costs.overlayChunks).toBeGreaterThan(0);
    expect(overlayChunks(stick)).toBeGreaterThan(chunks);
  });

  it('sizes the new squashfs.img from the bytes in use, and the stick pays the difference', () => {
    const stick = usedStick();
    const before = stick.usage();
    const refreshed = stick.refresh();
    const after = stick.usage();
    expect(refreshed.squashfsBytesBefore).toBe(before.squashfs.compressedBytes);
    expect(refreshed.squashfsBytesAfter).toBe(estimateSquashedBytes(after.squashfs.rootImageUsedBytes));
    expect(after.squashfs.rootImageUsedBytes).toBeGreaterThan(before.squashfs.rootImageUsedBytes + 2 * MIB);
    expect(after.device.images.squashfsBytes).toBe(refreshed.squashfsBytesAfter);
    expect(refreshed.costs.deviceBytes).toBe(after.device.usedBytes - before.device.usedBytes);
    expect(after.device.freeBytes).toBeLessThan(before.device.freeBytes);
  });

  it('carries home.img over by default, or makes it again, empty', () => {
    const kept = usedStick();
    kept.refresh({ keepHome: true });
    kept.boot();
    expect(kept.stat('/home/liveuser/essay.odt').ok).toBe(true);

    const remade = usedStick();
    const homeBefore = remade.usage().home!.usedBytes;
    const refreshed = remade.refresh({ keepHome: false });
    expect(refreshed.costs.homeBytes).toBeLessThan(-250_000);
    expect(remade.usage().home!.usedBytes).toBe(homeBefore + refreshed.costs.homeBytes);
    remade.boot();
    expect(remade.stat('/home/liveuser/essay.odt')).toEqual({ ok: false, error: 'ENOENT' });
    expect(remade.stat('/home/liveuser').ok).toBe(true); // livesys made it again
  });

  it('is refused while the stick is running, and changes nothing', () => {
    const stick = bootedStick();
    stick.writeFile('/var/lib/cat.jpg', 1 * MIB);
    const status = stick.dmsetupStatus('live-rw');
    const refused = stick.refresh();
    expect(refused).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(refused.message).toBe(
      'Shut the stick down first: the overlay can only be changed while nothing uses it.',
    );
    expect(refused.squashfsBytesAfter).toBe(refused.squashfsBytesBefore);
    expect(stick.dmsetupStatus('live-rw')).toEqual(status);
    expect(stick.resetOverlay()).toMatchObject({ ok: false, error: 'EBUSY' });
  });

  it('is refused when the new squashfs.img does not fit on the stick, and changes nothing', () => {
    const stick = bootedStick({ capacityBytes: 160 * MIB, overlayMib: 64, homeMib: 16 });
    expect(stick.writeFile('/var/lib/video.ogv', 30 * MIB).ok).toBe(true);
    const free = stick.usage().device.freeBytes;
    expect(stick.writeFile('/mnt/live/filler', free - 4 * MIB).ok).toBe(true);
    stick.shutdown();
    const before = stick.usage();
    const refused = stick.refresh();
    expect(refused).toMatchObject({ ok: false, error: 'ENOSPC' });
    expect(refused.message).toMatch(
      /^The new squashfs\.img needs \d+\.\d MiB in place of \d+\.\d MiB, but only 4\.0 MiB of the stick is free\. Nothing was changed\.$/,
    );
    expect(stick.usage()).toEqual(before);
    const booted = stick.boot();
    expect(booted.statusAtCreate).not.toBe(FRESH_2012);
    expect(stick.stat('/var/lib/video.ogv').ok).toBe(true);
  });

  it('is refused for an Invalid (2012) overlay, which cannot be read; a reset still works', () => {
    const stick = bootedStick({ overlayMib: 8, homeMib: 16 });
    expect(stick.writeFile('/fill', 16 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
    stick.shutdown();
    expect(stick.refresh()).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.resetOverlay().ok).toBe(true);
    expect(stick.boot()).toMatchObject({ ok: true, statusAtCreate: '0 131072 snapshot 16/16384 16' });
  });

  it('is refused for a stick without an overlay file', () => {
    const stick = makeStick({ overlayMib: null });
    expect(stick.refresh()).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(stick.resetOverlay()).toMatchObject({ ok: false, error: 'ENOENT' });
  });

  it('works after an Overflow (today): the overlay can still be read', () => {
    const stick = bootedStick({ era: 'fedora-today', overlayMib: 8, homeMib: 16 });
    expect(stick.writeFile('/keep', 1 * MIB).ok).toBe(true);
    expect(stick.writeFile('/fill', 16 * MIB).ok).toBe(false);
    stick.shutdown();
    expect(stick.refresh().ok).toBe(true);
    expect(stick.boot()).toMatchObject({ ok: true, statusAtCreate: '0 131072 snapshot 16/16384 16' });
    expect(stick.stat('/keep').ok).toBe(true);
  });
});

describe('resetOverlay', () => {
  it('loses every change since the base was made, and the status restarts at 16/<total> 16', () => {
    const stick = usedStick();
    const reset = stick.resetOverlay();
    expect(reset.ok).toBe(true);
    expect(reset.costs).toEqual({ overlayChunks: 0, homeBytes: 0, ramBytes: 0, deviceBytes: 0 });
    expect(stick.boot().statusAtCreate).toBe(FRESH_2012);
    expect(stick.stat('/var/lib/photos/cat.jpg')).toEqual({ ok: false, error: 'ENOENT' });
    expect(stick.stat('/home/liveuser/essay.odt').ok).toBe(true); // home.img is not the overlay
  });

  it('loses only what came after the last refresh', () => {
    const stick = usedStick();
    stick.refresh();
    stick.boot();
    stick.writeFile('/var/lib/later.txt', 10_000);
    stick.shutdown();
    stick.resetOverlay();
    stick.boot();
    expect(stick.stat('/var/lib/photos/cat.jpg').ok).toBe(true);
    expect(stick.stat('/var/lib/later.txt')).toEqual({ ok: false, error: 'ENOENT' });
  });

  it('zeroes exactly the first 64 KiB of the overlay file (the old metadata areas after them stay)', () => {
    const stick = usedStick();
    const cow = stick.overlayFile!;
    expect(cow.read(0, 4).some((b) => b !== 0)).toBe(true); // the header's magic
    const later = cow.writtenPages().filter((p) => p.offsetBytes >= 64 * 1024);
    expect(later.length).toBeGreaterThan(0); // a 2 MiB photo filled area 0: area 1 lies at 1 MiB
    const copies = later.map((p) => ({ offsetBytes: p.offsetBytes, bytes: p.bytes.slice() }));
    stick.resetOverlay();
    expect(cow.read(0, 64 * 1024).every((b) => b === 0)).toBe(true);
    for (const page of copies) expect(cow.read(page.offsetBytes, page.bytes.length)).toEqual(page.bytes);
  });
});
