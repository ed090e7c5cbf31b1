// Lessons 1–6 step by step on a real session: at each step the nearest wrong action completes nothing,
// the right one completes it, and the explanation quotes the learner's own numbers.

import { describe, expect, it } from 'vitest';
import { deletingGivesNothingBack } from '../../../lessons/deletingGivesNothingBack';
import { homeIsDifferent } from '../../../lessons/homeIsDifferent';
import { meetYourStick } from '../../../lessons/meetYourStick';
import { overlayFills } from '../../../lessons/overlayFills';
import { quietWriters } from '../../../lessons/quietWriters';
import { ramFolders } from '../../../lessons/ramFolders';
import { LessonRun } from '../../../src/lessons/LessonRun';
import type { Lesson } from '../../../src/lessons/lessonTypes';
import { sandboxSession } from '../lessonHelpers';
import { deletingGivesNothingBackActions } from './deletingGivesNothingBack';
import { homeIsDifferentActions, homeIsDifferentRmActions } from './homeIsDifferent';
import { meetYourStickActions } from './meetYourStick';
import { overlayFillsActions } from './overlayFills';
import { quietWritersActions } from './quietWriters';
import { ramFoldersActions } from './ramFolders';
import type { LessonActions } from './stepActions';

/** A lesson, its learner, and how that learner works when the lesson has several tables. */
const TABLES: [Lesson, LessonActions, string?][] = [
  [meetYourStick, meetYourStickActions],
  [overlayFills, overlayFillsActions],
  [deletingGivesNothingBack, deletingGivesNothingBackActions],
  [homeIsDifferent, homeIsDifferentActions, 'deleting in Files'],
  [homeIsDifferent, homeIsDifferentRmActions, 'deleting with rm'],
  [ramFolders, ramFoldersActions],
  [quietWriters, quietWritersActions],
];

describe('lessons 1–6, step by step', () => {
  for (const [lesson, actions, how] of TABLES) {
    it(`${lesson.number} ${lesson.id}${how ? ` (${how})` : ''}: each step refuses the nearest mistake, takes the right action and quotes its numbers`, () => {
      const session = sandboxSession();
      const run = LessonRun.start(lesson, session)!;
      expect(actions).toHaveLength(lesson.steps.length);
      actions.forEach((step, i) => {
        const where = `${lesson.id} step ${i + 1} (${lesson.steps[i]!.id})`;
        expect(run.stepIndex, where).toBe(i);
        step.wrong(session, run);
        expect(run.view().canGoOn, `${where}: the wrong action completed it`).toBe(false);
        step.right(session, run);
        expect(run.view().canGoOn, `${where}: the right action did not complete it`).toBe(true);
        const explanation = run.view().explanation!;
        for (const number of step.quoted(session)) expect(explanation, where).toContain(number);
        run.next();
      });
      expect(run.complete).toBe(true);
    });
  }
});
