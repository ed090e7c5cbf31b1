// What the lesson machines are walked with by @xstate/graph: a stand-in change that completes the current
// step (ok) or misses it (not ok), the lesson with its steps completed by that stand-in, and the names the
// graph keys its states and events by (the events carry the stick, far too big to print).

import type { LessonEvent } from '../../src/lessons/lessonMachine';
import type { Lesson } from '../../src/lessons/lessonTypes';
import type { SessionChange } from '../../src/model/session/Session';
import { NO_COSTS } from '../../src/model/stick/stickOutcome';
import { sandboxSession } from './lessonHelpers';

const session = sandboxSession();
export const STAND_IN_USAGE = session.stick.usage();

export function standInChange(ok: boolean): LessonEvent {
  const change: SessionChange = {
    action: { type: 'tick', ms: 0 },
    ok,
    costs: NO_COSTS,
    before: STAND_IN_USAGE,
    after: STAND_IN_USAGE,
  };
  return { type: 'change', change, stick: session.stick };
}

/**
 * The lesson with each step completed by the stand-in. `questions`: 'kept' leaves question steps to their
 * answers; 'as-actions' makes them complete on the stand-in too (their answers are a scripted action).
 */
export function standInLesson(lesson: Lesson, questions: 'kept' | 'as-actions'): Lesson {
  return {
    ...lesson,
    steps: lesson.steps.map((step) =>
      questions === 'kept' && step.question
        ? { ...step, done: () => false }
        : { ...step, question: undefined, done: (facts) => facts.change.ok },
    ),
  };
}

export const graphKeys = {
  serializeEvent: (event: LessonEvent) =>
    JSON.stringify([
      event.type,
      event.type === 'change' ? event.change.ok : event.type === 'answer' ? event.choice : null,
    ]),
  serializeState: (state: {
    value: unknown;
    context: { stepIndex: number; hintsShown: number; misses: number; facts: unknown };
  }) =>
    JSON.stringify([
      state.value,
      state.context.stepIndex,
      state.context.hintsShown,
      state.context.misses,
      state.context.facts !== null,
    ]),
};
