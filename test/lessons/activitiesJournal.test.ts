// Lesson 7 on a real session: an Activity and a Journal entry fill home.img, the question, then a new
// stick without home.img where the same install costs the overlay.

import { describe, expect, it } from 'vitest';
import { activitiesJournal } from '../../lessons/activitiesJournal';
import { LessonRun } from '../../src/lessons/LessonRun';
import { DEFAULT_SANDBOX, sandboxPlan } from '../../src/model/session/sandboxPlan';
import type { Session } from '../../src/model/session/Session';
import { formatBytes } from '../../src/ui/format/sizes';
import { sandboxSession } from './lessonHelpers';

const homeUsed = (session: Session) => session.stick.usage().home?.usedBytes ?? 0;
const overlayBytes = (session: Session) => session.stick.usage().overlay.allocatedSectors * 512;

function noHomeStick(session: Session) {
  const planned = sandboxPlan({ ...DEFAULT_SANDBOX, homeMib: 0 });
  if (!planned.ok) throw new Error(planned.message);
  session.apply({ type: 'new-stick', plan: planned.plan });
}

describe('lesson 7: Activities and the Journal', () => {
  it('is completed by an install and a Journal entry in home.img, the answer, and an install without it', () => {
    const session = sandboxSession();
    const run = LessonRun.start(activitiesJournal, session)!;

    let home = homeUsed(session);
    session.apply({ type: 'install-activity', name: 'Maze' });
    expect(run.view().explanation).toContain(formatBytes(homeUsed(session) - home));
    run.next();

    home = homeUsed(session);
    session.apply({ type: 'save-journal-entry', title: 'My drawing' });
    expect(run.view().explanation).toContain(formatBytes(homeUsed(session) - home));
    run.next();

    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(2);
    run.next();

    noHomeStick(session);
    expect(run.view().canGoOn).toBe(false);
    const overlay = overlayBytes(session);
    session.apply({ type: 'install-activity', name: 'Maze' });
    const grown = overlayBytes(session) - overlay;
    expect(grown).toBeGreaterThan(1024 * 1024);
    expect(run.view().explanation).toContain(formatBytes(grown));
    run.next();
    expect(run.complete).toBe(true);
  });

  it('does not count a file saved in the system folder as an install', () => {
    const session = sandboxSession();
    const run = LessonRun.start(activitiesJournal, session)!;
    session.apply({ type: 'write-file', path: '/root/Maze.xo', sizeBytes: 3_000_000 });
    expect(run.view().canGoOn).toBe(false);
  });

  it('does not count the last step’s install on the lesson’s own stick, which has home.img', () => {
    const session = sandboxSession();
    const run = LessonRun.resume(activitiesJournal, session, 3);
    session.apply({ type: 'install-activity', name: 'Maze' });
    expect(run.view().canGoOn).toBe(false);
  });
});
