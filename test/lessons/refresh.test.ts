// Lesson 11 on a real session: the two readings complete on their typed lines with the learner's numbers,
// the questions on the right answer only, and each right answer is what the model's own refresh and
// reset do to the lesson's stick (which no learner action can trigger: the terminal's livecd-iso-to-disk
// only plans).

import { describe, expect, it } from 'vitest';
import { refresh, UPDATE_PATH } from '../../lessons/refresh';
import { LessonRun } from '../../src/lessons/LessonRun';
import type { Session } from '../../src/model/session/Session';
import { sandboxSession, typeInto } from './lessonHelpers';

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(refresh, session)!;
  expect(run).not.toBeNull();
  return { session, run };
}

/** The lesson's stick stopped, changed as `change` does, and booted again. */
function offAndOn(session: Session, change: () => { ok: boolean }) {
  const stick = session.stick;
  const before = stick.usage();
  stick.shutdown();
  expect(change().ok).toBe(true);
  expect(stick.boot().ok).toBe(true);
  return { before, after: stick.usage(), stick };
}

describe('lesson 11, refresh', () => {
  it('is completed by two readings in the terminal and the right answers', () => {
    const { session, run } = started();
    typeInto(session, 'dmsetup table');
    expect(run.view().canGoOn).toBe(false);
    typeInto(session, 'dmsetup status');
    const { allocatedSectors, totalSectors } = session.stick.usage().overlay;
    expect(run.view().explanation).toContain(`${allocatedSectors} of ${totalSectors} sectors are used`);
    run.next();

    expect(typeInto(session, 'ls -l /media/LIVE/LiveOS')).toBe(2); // the rescue machine's path, not here
    expect(run.view().canGoOn).toBe(false);
    expect(typeInto(session, 'ls -l /mnt/live/LiveOS')).toBe(0);
    expect(run.view().explanation).toMatch(/^squashfs\.img \(390 MiB\) .* The overlay file is 64 MiB/);
    run.next();

    for (const [wrong, right] of [
      [0, 1],
      [0, 2],
      [0, 1],
      [0, 1],
    ] as const) {
      run.answer(wrong);
      expect(run.view().canGoOn).toBe(false);
      run.answer(right);
      expect(run.view().canGoOn).toBe(true);
      if (run.view().stepNumber === 4) {
        const free = Math.round(session.stick.usage().device.freeBytes / 2 ** 20);
        expect(run.view().explanation).toContain(`has ${allocatedSectors} sectors used now`);
        expect(run.view().explanation).toContain(`it has ${free} MiB`);
      }
      run.next();
    }
    expect(run.complete).toBe(true);
  });

  it('a refresh keeps the update in a bigger squashfs.img and boots an almost empty overlay', () => {
    const { session } = started();
    const { before, after, stick } = offAndOn(session, () => session.stick.refresh());
    expect(stick.stat(UPDATE_PATH).ok).toBe(true);
    expect(after.device.images.squashfsBytes).toBeGreaterThan(before.device.images.squashfsBytes);
    expect(after.device.images.overlayBytes).toBe(before.device.images.overlayBytes);
    expect(after.overlay.allocatedSectors).toBeLessThan(100);
    expect(before.overlay.allocatedSectors).toBeGreaterThan(40000);
  });

  it('a reset loses the update, and home.img keeps its files', () => {
    const { session } = started();
    session.apply({ type: 'write-file', path: '/home/liveuser/story.txt', sizeBytes: 4096 });
    const { stick } = offAndOn(session, () => session.stick.resetOverlay());
    expect(stick.stat(UPDATE_PATH).ok).toBe(false);
    expect(stick.stat('/home/liveuser/story.txt').ok).toBe(true);
  });

  it('an Invalid overlay cannot be refreshed', () => {
    const { session } = started();
    session.apply({ type: 'write-file', path: '/root/fill.bin', sizeBytes: 64 * 2 ** 20 });
    expect(session.stick.usage().overlay.state).toBe('Invalid');
    session.stick.shutdown();
    expect(session.stick.refresh()).toMatchObject({ ok: false, error: 'EIO' });
  });
});
