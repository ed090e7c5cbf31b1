// A lesson as an XState machine: one state per step, each `doing` until a change completes it, then
// `explained` until the learner goes on; `complete` after the last. Hints come when the learner asks, and
// by themselves after a few changes that missed the step or a minute without completing it. A change the
// step names as on the way (a part of the right action that does not finish it) is not a miss. The machine
// only decides: it reads the events it is sent (the session's changes, with the stick) and keeps its own
// context; it never changes the stick.

import { assign, setup } from 'xstate';
import type { SessionChange } from '../model/session/Session';
import type { Stick } from '../model/stick/Stick';
import { NO_COSTS } from '../model/stick/stickOutcome';
import type { StickUsage } from '../model/stick/usageSummary';
import type { Lesson, StepFacts } from './lessonTypes';

/** A hint comes by itself after this many changes that did not complete the step… */
export const CHANGES_BEFORE_HINT = 3;
/** …or after this long without completing it. */
export const MS_BEFORE_HINT = 60_000;

export type LessonEvent =
  | { type: 'change'; change: SessionChange; stick: Stick }
  /** The learner picked a choice of the step's question; `usage`: the stick as it is. */
  | { type: 'answer'; choice: number; usage: StickUsage }
  | { type: 'hint' }
  | { type: 'next' }
  | { type: 'back' };

export interface LessonContext {
  lesson: Lesson;
  /** The step the learner is on (lessons.length once complete). */
  stepIndex: number;
  /** The stick's usage as the current step began: set by its first change. */
  start: StickUsage | null;
  /** The same for the lesson (or since it was resumed). */
  lessonStart: StickUsage | null;
  /** Changes in this step that neither completed it nor were on the way. */
  misses: number;
  hintsShown: number;
  /** What completed the current step (its explanation reads them). */
  facts: StepFacts | null;
  /** A step resumed as done: what completed it, taken by the step as it is entered. */
  resumedFacts: StepFacts | null;
}

export interface LessonInput {
  lesson: Lesson;
  /** Where to resume: a step index from saved progress (0 for a new start). */
  stepIndex?: number;
  /** That step was done and explained when saved: what completed it (its explanation reads them). */
  explained?: StepFacts;
}

const stepState = (index: number) => `step${index}`;

const freshStep = (stepIndex: number) => ({ stepIndex, start: null, misses: 0, hintsShown: 0, facts: null });

/** An answer as the facts see it: a change that changed nothing. */
function stillChange(usage: StickUsage): SessionChange {
  return { action: { type: 'tick', ms: 0 }, ok: true, costs: NO_COSTS, before: usage, after: usage };
}

/** A change seen from the current step: before its first change, the stick was as the change found it. */
function factsOf(context: LessonContext, change: SessionChange): StepFacts {
  return {
    change,
    start: context.start ?? change.before,
    lessonStart: context.lessonStart ?? change.before,
  };
}

export function lessonMachine(lesson: Lesson) {
  const count = lesson.steps.length;
  const machine = setup({
    types: {
      context: {} as LessonContext,
      events: {} as LessonEvent,
      input: {} as LessonInput,
    },
    guards: {
      completes: ({ context, event }) =>
        event.type === 'change' &&
        context.lesson.steps[context.stepIndex]!.done(factsOf(context, event.change), event.stick),
      answersRight: ({ context, event }) =>
        event.type === 'answer' && context.lesson.steps[context.stepIndex]!.question?.answer === event.choice,
      onTheWay: ({ context, event }) =>
        event.type === 'change' &&
        (context.lesson.steps[context.stepIndex]!.onTheWay?.(factsOf(context, event.change), event.stick) ??
          false),
      stuck: ({ context }) => context.misses + 1 >= CHANGES_BEFORE_HINT * (context.hintsShown + 1),
    },
    actions: {
      remember: assign(({ context, event }) => {
        if (event.type !== 'change' && event.type !== 'answer') return {};
        const facts = factsOf(context, event.type === 'change' ? event.change : stillChange(event.usage));
        return { start: facts.start, lessonStart: facts.lessonStart, facts };
      }),
      /** The step's first change sets where it began, whether it missed or not. */
      begin: assign(({ context, event }) => {
        if (event.type !== 'change' && event.type !== 'answer') return {};
        const change = event.type === 'change' ? event.change : stillChange(event.usage);
        const { start, lessonStart } = factsOf(context, change);
        return { start, lessonStart };
      }),
      miss: assign({ misses: ({ context }) => context.misses + 1 }),
      showHint: assign(({ context }) => ({
        hintsShown: Math.min(context.hintsShown + 1, context.lesson.steps[context.stepIndex]!.hints.length),
      })),
    },
  }).createMachine({
    id: 'lesson',
    context: ({ input }) => ({
      lesson: input.lesson,
      lessonStart: null,
      ...freshStep(input.stepIndex ?? 0),
      resumedFacts: input.explained ?? null,
    }),
    initial: 'resuming',
    states: {
      // Saved progress names a step: go straight there, to its explanation when it was done.
      resuming: {
        always: [
          ...lesson.steps.flatMap((_, index) => [
            {
              guard: ({ context }: { context: LessonContext }) =>
                context.stepIndex === index && context.resumedFacts !== null,
              target: `#lesson.${stepState(index)}.explained`,
            },
            {
              guard: ({ context }: { context: LessonContext }) => context.stepIndex === index,
              target: stepState(index),
            },
          ]),
          { target: 'complete' },
        ],
      },
      ...Object.fromEntries(
        lesson.steps.map((_, index) => [
          stepState(index),
          {
            // A step resumed as done takes what completed it; every other entry starts it afresh.
            entry: assign(({ context }) => ({
              ...freshStep(index),
              facts: context.resumedFacts,
              resumedFacts: null,
            })),
            initial: 'doing',
            states: {
              doing: {
                after: { [MS_BEFORE_HINT]: { target: 'doing', reenter: true, actions: 'showHint' } },
                on: {
                  change: [
                    { guard: 'completes', target: 'explained', actions: 'remember' },
                    // Progress is not being stuck: the minute before a hint starts again.
                    { guard: 'onTheWay', target: 'doing', reenter: true, actions: 'begin' },
                    { guard: 'stuck', actions: ['begin', 'miss', 'showHint'] },
                    { actions: ['begin', 'miss'] },
                  ],
                  answer: [
                    { guard: 'answersRight', target: 'explained', actions: 'remember' },
                    { guard: 'stuck', actions: ['begin', 'miss', 'showHint'] },
                    { actions: ['begin', 'miss'] },
                  ],
                  hint: { actions: 'showHint' },
                },
              },
              explained: {
                on: { next: index + 1 < count ? `#lesson.${stepState(index + 1)}` : '#lesson.complete' },
              },
            },
            on: index > 0 ? { back: `#lesson.${stepState(index - 1)}` } : {},
          },
        ]),
      ),
      complete: {
        entry: assign({ stepIndex: count, facts: null }),
        type: 'final',
      },
    },
  });
  return machine;
}
