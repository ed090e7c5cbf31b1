// Issue 5 §5 for lessons 7–12: at every step the nearest wrong action completes nothing, the right one
// completes it, and the explanation quotes the learner's own numbers (tables in ./<lesson>.ts).

import { describe, expect, it } from 'vitest';
import { activitiesJournal } from '../../../lessons/activitiesJournal';
import { overlayFull } from '../../../lessons/overlayFull';
import { planStick } from '../../../lessons/planStick';
import { refresh } from '../../../lessons/refresh';
import { RESCUE_LINES as L, rescuePractice } from '../../../lessons/rescuePractice';
import { yourOwnStick } from '../../../lessons/yourOwnStick';
import { LessonRun } from '../../../src/lessons/LessonRun';
import type { Lesson } from '../../../src/lessons/lessonTypes';
import { sandboxSession, typeInto } from '../lessonHelpers';
import { activitiesJournalActions } from './activitiesJournal';
import { overlayFullActions } from './overlayFull';
import { planStickActions } from './planStick';
import { refreshActions } from './refresh';
import { rescuePracticeActions } from './rescuePractice';
import { yourOwnStickActions } from './yourOwnStick';
import type { LessonActions } from './stepActions';

const TABLES: [Lesson, LessonActions][] = [
  [activitiesJournal, activitiesJournalActions],
  [planStick, planStickActions],
  [overlayFull, overlayFullActions],
  [rescuePractice, rescuePracticeActions],
  [refresh, refreshActions],
  [yourOwnStick, yourOwnStickActions],
];

describe.each(TABLES)('lesson %#, step by step', (lesson, actions) => {
  it(`${lesson.id}: wrong does not complete a step, right does, with the learner’s numbers`, () => {
    expect(actions).toHaveLength(lesson.steps.length);
    const session = sandboxSession();
    const run = LessonRun.start(lesson, session)!;
    actions.forEach((step, i) => {
      const where = `${lesson.id}, step ${i + 1} (${lesson.steps[i]!.id})`;
      step.wrong(session, run);
      expect(run.view().canGoOn, `${where}: wrong`).toBe(false);
      step.right(session, run);
      expect(run.view().canGoOn, `${where}: right`).toBe(true);
      const explanation = run.view().explanation!;
      for (const number of step.quoted(session)) {
        expect(number, where).not.toBe('');
        expect(explanation, where).toContain(number);
      }
      run.next();
    });
    expect(run.complete).toBe(true);
  });
});

// A line that looks right is not enough: the step reads the overlay file's header, so a byte written to
// another file, or a 0, leaves it undone (the overlay would stay Invalid and the repair exit 8).
describe('lesson 10, the valid byte', () => {
  const OVERLAY = '/media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19';
  it.each([
    L.validByte.replace(OVERLAY, '/media/LIVE/overlay-LIVE-B6C4-2E19'),
    L.validByte.replace('\\x01', '\\x00'),
  ])('is not completed by %s', (line) => {
    const session = sandboxSession();
    const run = LessonRun.start(rescuePractice, session)!;
    rescuePracticeActions.slice(0, 4).forEach((step) => {
      step.right(session, run);
      run.next();
    });
    typeInto(session, line);
    expect(run.view().canGoOn).toBe(false);
  });
});
