// The lesson machines' paths, generated with @xstate/graph, replayed against the real model: each lesson
// is walked on a real session with its scripted learner's right and nearest wrong action for every step
// (test/lessons/actions/) and Next, and after every event the real lesson is where the machine's path
// says — the same step, explained or not, complete at the end. No lesson gets stuck. (Hints are left to
// lessonMachines.graph.test.ts and rightActionNoMiss.test.ts: one scripted action may be several changes.)

import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../lessons';
import { lessonMachine } from '../../../src/lessons/lessonMachine';
import { LessonRun } from '../../../src/lessons/LessonRun';
import { graphKeys, standInChange, standInLesson } from '../graphStandIns';
import { sandboxSession } from '../lessonHelpers';
import { LESSON_ACTIONS } from './index';

for (const lesson of LESSONS) {
  const actions = LESSON_ACTIONS.get(lesson.id);
  describe(`lesson ${lesson.number} "${lesson.id}": the machine's paths on the real model`, () => {
    it('has a right and a nearest wrong action for every step', () => {
      expect(actions?.length).toBe(lesson.steps.length);
    });
    if (!actions) return;

    const paths = getShortestPaths(lessonMachine(standInLesson(lesson, 'as-actions')), {
      input: { lesson: standInLesson(lesson, 'as-actions') },
      events: [standInChange(true), standInChange(false), { type: 'next' }],
      ...graphKeys,
      // One miss per step is the nearest mistake; more only repeat it.
      stopWhen: (s) => s.context.misses > 0,
    });

    it(`replays all ${paths.length} paths with the real lesson where the machine is after every event`, () => {
      for (const path of paths) {
        const real = sandboxSession();
        const run = LessonRun.start(lesson, real)!;
        for (const { event, state } of path.steps.slice(1)) {
          const step = actions[run.stepIndex]!;
          if (event.type === 'change') (event.change.ok ? step.right : step.wrong)(real, run);
          else if (event.type === 'next') run.next();
          const view = run.view();
          const where = `${lesson.id} after ${path.steps.map((s) => (s.event.type === 'change' ? (s.event.change.ok ? 'right' : 'wrong') : s.event.type)).join(', ')}`;
          expect(view.complete, where).toBe(state.status === 'done');
          if (state.status === 'done') continue;
          expect(view.stepNumber, where).toBe(state.context.stepIndex + 1);
          expect(view.canGoOn, where).toBe(state.context.facts !== null);
        }
        run.dispose();
      }
    }, 300_000);
  });
}
