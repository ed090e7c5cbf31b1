// Lesson 6 on a real session: a week of the quiet writers, their folders moved to RAM, a second week that
// costs the overlay only the update's few MiB, with the learner's own numbers in each explanation.

import { describe, expect, it } from 'vitest';
import { QUIET_FOLDERS, quietWriters } from '../../lessons/quietWriters';
import { LessonRun } from '../../src/lessons/LessonRun';
import { DAY_MS } from '../../src/lessons/timeConditions';
import { formatBytes } from '../../src/ui/format/sizes';
import { sandboxSession } from './lessonHelpers';

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(quietWriters, session)!;
  const days = (n: number) => {
    for (let i = 0; i < n; i++) session.apply({ type: 'advance', ms: DAY_MS });
  };
  const overlayBytes = () => session.stick.usage().overlay.allocatedSectors * 512;
  return { session, run, days, overlayBytes };
}

describe('lesson 6: the quiet writers', () => {
  it('is completed by a week, three folders moved to RAM, the right answer and a second week', () => {
    const { session, run, days, overlayBytes } = started();
    const atStart = overlayBytes();
    days(6);
    expect(run.view().canGoOn).toBe(false);
    days(1);
    const firstWeek = overlayBytes() - atStart;
    expect(run.view().explanation).toContain(formatBytes(firstWeek));
    run.next();

    for (const folder of QUIET_FOLDERS) {
      expect(run.view().canGoOn).toBe(false);
      session.apply({ type: 'move-to-ram', folder });
    }
    expect(run.view().canGoOn).toBe(true);
    run.next();

    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    run.next();

    const moved = overlayBytes();
    days(7);
    const secondWeek = overlayBytes() - moved;
    expect(secondWeek).toBeLessThan(8 * 1024 * 1024); // the update's 30 × 200 KiB and a little metadata
    const ramBytes = session.stick
      .usage()
      .ram.mounts.filter((m) => m.movedToRam)
      .reduce((sum, m) => sum + m.usedBytes, 0);
    const explanation = run.view().explanation!;
    expect(explanation).toContain(formatBytes(moved - atStart));
    expect(explanation).toContain(formatBytes(secondWeek));
    expect(explanation).toContain(formatBytes(ramBytes));
    expect(explanation).toContain('/usr/lib');
    run.next();
    expect(run.complete).toBe(true);
  });

  it('resumed at the last step, words the week without a first week to compare', () => {
    const session = sandboxSession();
    const run = LessonRun.resume(quietWriters, session, 3);
    for (const folder of QUIET_FOLDERS) session.apply({ type: 'move-to-ram', folder });
    const moved = session.stick.usage().overlay.allocatedSectors * 512;
    session.apply({ type: 'advance', ms: 14 * DAY_MS });
    const grown = session.stick.usage().overlay.allocatedSectors * 512 - moved;
    expect(run.view().explanation).toMatch(
      new RegExp(`^This week the overlay grew by ${formatBytes(grown)}, `),
    );
  });

  it('does not count a week passed in one jump past day 7', () => {
    const { session, run } = started();
    session.apply({ type: 'advance', ms: 8 * DAY_MS });
    expect(run.view().canGoOn).toBe(false);
  });

  it('does not count the move until all three folders are in RAM', () => {
    const { session, run, days } = started();
    days(7);
    run.next();
    session.apply({ type: 'move-to-ram', folder: '/var/log/audit' });
    session.apply({ type: 'move-to-ram', folder: '/var/spool/abrt' });
    session.apply({ type: 'write-file', path: '/root/a.bin', sizeBytes: 1024 });
    expect(run.view().canGoOn).toBe(false);
  });
});
