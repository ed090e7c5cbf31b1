// Lesson 9 on a real session: the scene's nearly full overlay, one photo saved outside home.img making
// it Invalid (2012), the status line without numbers, the question about today, and today's Overflow.

import { describe, expect, it } from 'vitest';
import { overlayFull } from '../../lessons/overlayFull';
import { LessonRun } from '../../src/lessons/LessonRun';
import { ERA_DEFAULTS, sandboxPlan } from '../../src/model/session/sandboxPlan';
import { formatBytes } from '../../src/ui/format/sizes';
import { sandboxSession, typeInto } from './lessonHelpers';

const PHOTO_BYTES = 3_000_000;

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(overlayFull, session)!;
  const { overlay } = session.stick.usage();
  const freeBytes = (overlay.totalSectors - overlay.allocatedSectors) * 512;
  return {
    session,
    run,
    freeBytes,
    percent: Math.floor((100 * overlay.allocatedSectors) / overlay.totalSectors),
  };
}

describe('lesson 9: Full!', () => {
  it('is completed by reading the status, one photo too many, the Invalid line, the answer and today’s Overflow', () => {
    const { session, run, freeBytes, percent } = started();
    expect(percent).toBeGreaterThanOrEqual(90);
    expect(freeBytes).toBeLessThan(PHOTO_BYTES);

    typeInto(session, 'dmsetup status');
    expect(run.view().explanation).toContain(`${percent}% full: only ${formatBytes(freeBytes)}`);
    run.next();

    const change = session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: PHOTO_BYTES });
    expect(change).toMatchObject({ ok: false, error: 'EIO', after: { overlay: { state: 'Invalid' } } });
    expect(run.view().explanation).toContain(formatBytes(freeBytes));
    run.next();

    expect(typeInto(session, 'ls /root')).not.toBe(0); // input/output error, as the explanation says
    expect(typeInto(session, 'dmsetup status')).toBe(0);
    expect(run.view().explanation).toContain('snapshot Invalid”');
    expect(typeInto(session, 'echo hi > /home/liveuser/note.txt')).toBe(0); // home.img still works
    run.next();

    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    run.next();

    const planned = sandboxPlan({ ...ERA_DEFAULTS['fedora-today'], overlayMib: 64 });
    if (!planned.ok) throw new Error(planned.message);
    session.apply({ type: 'new-stick', plan: planned.plan });
    expect(run.view().canGoOn).toBe(false);
    const before = session.stick.usage().overlay;
    session.apply({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 200_000_000 });
    const after = session.stick.usage();
    expect(after).toMatchObject({ rootState: 'ro-after-error', overlay: { state: 'Overflow' } });
    const explanation = run.view().explanation!;
    expect(explanation).toContain(`“${after.overlay.statusLine!}”`);
    expect(explanation).toContain(formatBytes((before.totalSectors - before.allocatedSectors) * 512));
    expect(typeInto(session, 'echo hi > /root/note.txt')).not.toBe(0); // read-only, as it says
    run.next();
    expect(run.complete).toBe(true);
  });

  it('does not break the overlay with a photo saved in home.img', () => {
    const { session, run } = started();
    typeInto(session, 'dmsetup status');
    run.next();
    session.apply({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: PHOTO_BYTES });
    expect(session.stick.usage().overlay.state).toBe('Valid');
    expect(run.view().canGoOn).toBe(false);
  });
});
