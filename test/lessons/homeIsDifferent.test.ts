// Lesson 4 on a real session: a photo saved and deleted in home.img gives its space back, the same in the
// system folder gives the overlay nothing back, and the explanations carry those numbers; a delete in the
// wrong place completes nothing, whether made in Files or with rm in the terminal.

import { describe, expect, it } from 'vitest';
import { homeIsDifferent } from '../../lessons/homeIsDifferent';
import { LessonRun } from '../../src/lessons/LessonRun';
import type { SessionChange } from '../../src/model/session/Session';
import { formatBytes } from '../../src/ui/format/sizes';
import { sandboxSession, typeInto } from './lessonHelpers';

const PHOTO = 3_000_000;

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(homeIsDifferent, session)!;
  const save = (path: string) => session.apply({ type: 'write-file', path, sizeBytes: PHOTO });
  const remove = (path: string) => session.apply({ type: 'delete', path });
  return { session, run, save, remove };
}

const homeGrowth = (change: SessionChange) => change.after.home!.usedBytes - change.before.home!.usedBytes;
const overlayGrowth = (change: SessionChange) =>
  (change.after.overlay.allocatedSectors - change.before.overlay.allocatedSectors) * 512;

describe('lesson 4: home is different', () => {
  it('is completed by saving and deleting in home, then in the system folder, explained with the learner’s numbers', () => {
    const { session, run, save, remove } = started();
    const saved = save('/home/liveuser/photo.jpg');
    expect(homeGrowth(saved)).toBeGreaterThanOrEqual(PHOTO);
    expect(run.view().explanation).toContain(`home.img grew by ${formatBytes(homeGrowth(saved))}`);
    expect(run.view().explanation).toContain(formatBytes(saved.after.home!.usedBytes));
    run.next();

    const deleted = remove('/home/liveuser/photo.jpg');
    expect(homeGrowth(deleted)).toBe(-homeGrowth(saved)); // all of it back
    expect(run.view().explanation).toContain(`got ${formatBytes(homeGrowth(saved))} back`);
    run.next();

    const inSystem = save('/root/photo.jpg');
    const gone = remove('/root/photo.jpg');
    expect(overlayGrowth(gone)).toBeGreaterThan(0);
    const stepGrowth = (gone.after.overlay.allocatedSectors - inSystem.before.overlay.allocatedSectors) * 512;
    expect(stepGrowth).toBeGreaterThanOrEqual(PHOTO);
    expect(run.view().explanation).toContain(`cost ${formatBytes(overlayGrowth(gone))} more`);
    expect(run.view().explanation).toContain(`grew by ${formatBytes(stepGrowth)}`);
    run.next();

    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    const usage = session.stick.usage();
    expect(run.view().explanation).toContain(formatBytes(usage.overlay.allocatedSectors * 512));
    expect(run.view().explanation).toContain(formatBytes(usage.home!.usedBytes));
    run.next();
    expect(run.complete).toBe(true);
  });

  it('does not take a delete in the system folder as home’s, nor home’s as the system folder’s', () => {
    const { run, save, remove } = started();
    save('/home/liveuser/photo.jpg');
    run.next();
    save('/root/photo.jpg');
    remove('/root/photo.jpg');
    expect(run.view().canGoOn).toBe(false);
    remove('/home/liveuser/photo.jpg');
    expect(run.view().canGoOn).toBe(true);
    run.next();
    save('/home/liveuser/photo-2.jpg');
    remove('/home/liveuser/photo-2.jpg');
    expect(run.view().canGoOn).toBe(false);
  });

  it('takes rm typed in the terminal as a delete in the place its path names, from the folder it was typed in', () => {
    const { session, run, save } = started();
    save('/home/liveuser/photo.jpg');
    run.next();
    save('/root/photo.jpg');
    expect(typeInto(session, 'rm /root/photo.jpg')).toBe(0);
    expect(run.view().canGoOn).toBe(false);
    typeInto(session, 'cd /home/liveuser');
    expect(typeInto(session, 'rm photo.jpg')).toBe(0);
    expect(run.view().canGoOn).toBe(true);
    run.next();
    save('/root/photo-2.jpg');
    typeInto(session, 'cd /');
    expect(typeInto(session, 'rm -f ~/photo-2.jpg')).toBe(0); // ~ is root's home: the system folder
    expect(run.view().canGoOn).toBe(true);
  });
});
