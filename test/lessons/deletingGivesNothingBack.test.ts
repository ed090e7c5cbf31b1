// Lesson 3 on a real session: deleting the scene's photo grows the overlay, a new photo lands on chunks
// already copied, dd conv=notrunc rewrites in place for a few chunks, and the explanations carry those
// numbers; a big file, a delete elsewhere or dd without conv=notrunc completes nothing.

import { describe, expect, it } from 'vitest';
import { deletingGivesNothingBack } from '../../lessons/deletingGivesNothingBack';
import { LessonRun } from '../../src/lessons/LessonRun';
import type { SessionChange } from '../../src/model/session/Session';
import { formatBytes } from '../../src/ui/format/sizes';
import { sandboxSession, typeInto } from './lessonHelpers';

const PHOTO = 3_000_000;
const REWRITE = 'dd if=/dev/zero of=/root/photo.jpg bs=1M count=2 conv=notrunc';

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(deletingGivesNothingBack, session)!;
  const typed: SessionChange[] = [];
  session.events.on('typed', (change) => typed.push(change));
  return { session, run, typed };
}

const overlayGrowth = (change: SessionChange) =>
  (change.after.overlay.allocatedSectors - change.before.overlay.allocatedSectors) * 512;

describe('lesson 3: deleting does not give space back', () => {
  it('is completed by deleting, saving again and rewriting in place, each explained with the learner’s numbers', () => {
    const { session, run, typed } = started();
    const atStart = session.stick.usage().overlay.allocatedSectors;
    expect(session.stick.stat('/root/photo.jpg').ok).toBe(true);

    const deleted = session.apply({ type: 'delete', path: '/root/photo.jpg' });
    expect(overlayGrowth(deleted)).toBeGreaterThan(0); // deleting costs chunks
    expect(run.view().explanation).toContain(`grew by ${formatBytes(overlayGrowth(deleted))}`);
    run.next();

    const saved = session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: PHOTO });
    expect(overlayGrowth(saved)).toBeLessThan(100 * 1024); // the old photo's chunks, reused
    expect(run.view().explanation).toContain(
      `is ${formatBytes(PHOTO)}, but the overlay grew by only ${formatBytes(overlayGrowth(saved))}`,
    );
    run.next();

    expect(typeInto(session, REWRITE)).toBe(0);
    const rewritten = typed.at(-1)!;
    expect(overlayGrowth(rewritten)).toBeLessThan(64 * 1024);
    expect(run.view().explanation).toContain(`grew by only ${formatBytes(overlayGrowth(rewritten))}`);
    run.next();

    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    const now = session.stick.usage().overlay.allocatedSectors;
    expect(now).toBeGreaterThan(atStart);
    expect(run.view().explanation).toContain(
      `from ${formatBytes(atStart * 512)} to ${formatBytes(now * 512)}`,
    );
    run.next();
    expect(run.complete).toBe(true);
  });

  it('does not take a delete in home.img, or a move, as deleting the photo', () => {
    const { session, run } = started();
    session.apply({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: PHOTO });
    session.apply({ type: 'delete', path: '/home/liveuser/photo.jpg' });
    expect(run.view().canGoOn).toBe(false);
    session.apply({ type: 'move', fromPath: '/root/photo.jpg', toPath: '/root/moved.jpg' });
    expect(run.view().canGoOn).toBe(false);
  });

  it('takes rm in the terminal as a delete', () => {
    const { session, run } = started();
    expect(typeInto(session, 'rm /root/photo.jpg')).toBe(0);
    expect(run.view().canGoOn).toBe(true);
  });

  it('does not take a file that cost its full size as a reuse, nor dd that cuts the file', () => {
    const { session, run } = started();
    session.apply({ type: 'delete', path: '/root/photo.jpg' });
    run.next();
    const big = session.apply({ type: 'write-file', path: '/root/big.bin', sizeBytes: 20_000_000 });
    expect(overlayGrowth(big)).toBeGreaterThan(10_000_000);
    expect(run.view().canGoOn).toBe(false);
    session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: PHOTO });
    run.next();
    expect(typeInto(session, 'dd if=/dev/zero of=/root/photo.jpg bs=1M count=2')).toBe(0);
    expect(run.view().canGoOn).toBe(false);
  });
});
