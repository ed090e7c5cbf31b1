// Lesson 11 on a real session: the two readings complete on their typed lines, the refresh and the reset
// on the session's own commands (what the "Refresh or reset…" window sends), the new change only in the
// overlay, the question on its right answer; each explanation quotes the learner's numbers, and the model
// agrees with what they say: after the refresh the update is in squashfs.img, after the reset the photo
// is gone and the update and home.img's files stay.

import { describe, expect, it } from 'vitest';
import { refresh, UPDATE_PATH } from '../../lessons/refresh';
import { LessonRun } from '../../src/lessons/LessonRun';
import { formatBytes } from '../../src/ui/format/sizes';
import { sandboxSession, typeInto } from './lessonHelpers';

const MIB = 1024 * 1024;
const PHOTO = '/root/photo.jpg';

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(refresh, session)!;
  expect(run).not.toBeNull();
  return { session, run };
}

describe('lesson 11, refresh', () => {
  it('is completed by two readings, a refresh, a check, a new change, a reset and an answer', () => {
    const { session, run } = started();
    const usage = () => session.stick.usage();
    typeInto(session, 'dmsetup table');
    expect(run.view().canGoOn).toBe(false);
    typeInto(session, 'dmsetup status');
    const full = usage();
    const { allocatedSectors, totalSectors } = full.overlay;
    expect(run.view().explanation).toContain(`${allocatedSectors} of ${totalSectors} sectors are used`);
    run.next();

    expect(typeInto(session, 'ls -l /media/LIVE/LiveOS')).toBe(2); // the rescue machine's path, not here
    expect(run.view().canGoOn).toBe(false);
    expect(typeInto(session, 'ls -l /mnt/live/LiveOS')).toBe(0);
    expect(run.view().explanation).toMatch(/^squashfs\.img \(390 MiB\) .* The overlay file is 64 MiB/);
    run.next();

    session.apply({ type: 'reboot' });
    expect(run.view().canGoOn).toBe(false);
    expect(session.apply({ type: 'refresh-stick' }).ok).toBe(true);
    const refreshed = usage();
    expect(refreshed.overlay.allocatedSectors).toBeLessThan(100);
    expect(refreshed.device.images.squashfsBytes).toBeGreaterThan(full.device.images.squashfsBytes);
    expect(run.view().explanation).toContain(
      `from ${allocatedSectors} to ${refreshed.overlay.allocatedSectors} sectors used`,
    );
    expect(run.view().explanation).toContain(
      `from ${formatBytes(full.device.images.squashfsBytes)} to ${formatBytes(refreshed.device.images.squashfsBytes)}`,
    );
    expect(run.view().explanation).toContain(`${formatBytes(refreshed.device.freeBytes)} free`);
    run.next();

    expect(typeInto(session, 'ls -l /usr/lib/nothing.bin')).toBe(2);
    expect(run.view().canGoOn).toBe(false);
    expect(typeInto(session, `ls -l ${UPDATE_PATH}`)).toBe(0);
    expect(session.stick.stat(UPDATE_PATH)).toMatchObject({ ok: true, value: { sizeBytes: 20 * MIB } });
    expect(run.view().explanation).toContain(`only ${refreshed.overlay.allocatedSectors} sectors used`);
    run.next();

    session.apply({ type: 'write-file', path: '/home/liveuser/story.txt', sizeBytes: 3_000_000 });
    expect(run.view().canGoOn).toBe(false);
    session.apply({ type: 'write-file', path: PHOTO, sizeBytes: 3_000_000 });
    const changed = usage();
    const grew = (changed.overlay.allocatedSectors - refreshed.overlay.allocatedSectors) * 512;
    expect(grew).toBeGreaterThan(3_000_000);
    expect(run.view().explanation).toContain(
      `${formatBytes(grew)} more, ${changed.overlay.allocatedSectors}`,
    );
    run.next();

    session.apply({ type: 'reboot' });
    expect(run.view().canGoOn).toBe(false);
    expect(session.apply({ type: 'reset-overlay' }).ok).toBe(true);
    const reset = usage();
    expect(run.view().explanation).toContain(
      `from ${changed.overlay.allocatedSectors} to ${reset.overlay.allocatedSectors} sectors: the photo is gone`,
    );
    expect(session.stick.stat(PHOTO).ok).toBe(false);
    expect(session.stick.stat(UPDATE_PATH).ok).toBe(true);
    expect(session.stick.stat('/home/liveuser/story.txt').ok).toBe(true);
    run.next();

    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    expect(run.view().canGoOn).toBe(true);
    run.next();
    expect(run.complete).toBe(true);
  });

  it('a reset right after the scene forgets the update too: only a refresh put it in the base', () => {
    const { session } = started();
    session.apply({ type: 'reset-overlay' });
    expect(session.stick.stat(UPDATE_PATH).ok).toBe(false);
  });

  it('an Invalid overlay cannot be refreshed, as the last answer says', () => {
    const { session } = started();
    session.apply({ type: 'write-file', path: '/root/fill.bin', sizeBytes: 64 * MIB });
    expect(session.stick.usage().overlay.state).toBe('Invalid');
    expect(session.apply({ type: 'refresh-stick' })).toMatchObject({ ok: false, error: 'EIO' });
  });
});
