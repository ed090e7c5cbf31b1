// A right action made of several changes (a new stick, then the install on it; seven presses of "+1 day")
// is not taken for misses: after CHANGES_BEFORE_HINT − 1 real misses, the right action of every step
// still brings no hint. Only the lesson's own onTheWay keeps its first changes from counting.

import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../lessons';
import { CHANGES_BEFORE_HINT } from '../../../src/lessons/lessonMachine';
import { LessonRun } from '../../../src/lessons/LessonRun';
import { sandboxSession, typeInto } from '../lessonHelpers';
import { LESSON_ACTIONS } from './index';

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('%s', (_, lesson) => {
  it('completes every step by its right action without a hint, even one miss short of one', () => {
    const actions = LESSON_ACTIONS.get(lesson.id)!;
    const session = sandboxSession();
    const run = LessonRun.start(lesson, session)!;
    actions.forEach((step, i) => {
      const where = `step ${i + 1} (${lesson.steps[i]!.id})`;
      // A line that changes nothing and completes no step: a miss in any step but a question's.
      if (!lesson.steps[i]!.question) for (let n = 1; n < CHANGES_BEFORE_HINT; n++) typeInto(session, 'pwd');
      expect(run.view().hints, `${where}: the misses alone`).toEqual([]);
      step.right(session, run);
      expect(run.view().canGoOn, where).toBe(true);
      expect(run.view().hints, where).toEqual([]);
      run.next();
    });
  });
});
