// Model-based tests of every lesson's machine (@xstate/graph): from the start, every state the learner can
// reach by hints, answers, next, back and changes (a change that completes the step and one that misses)
// keeps the engine's promises — the step in the state is the step in the context, hints never run past
// the step's own, an explanation exists exactly when a step is done, a wrong answer never completes a
// step — and the lesson's end is reachable. Each lesson keeps its own steps, hints and questions; only
// what completes a step is replaced by a marker, since real completions need the real model (the lesson
// tests in this folder drive those).

import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons';
import { CHANGES_BEFORE_HINT, lessonMachine, type LessonEvent } from '../../src/lessons/lessonMachine';
import type { Lesson } from '../../src/lessons/lessonTypes';
import { graphKeys, STAND_IN_USAGE, standInChange, standInLesson } from './graphStandIns';

function eventsFor(lesson: Lesson): LessonEvent[] {
  const choices = Math.max(0, ...lesson.steps.map((step) => step.question?.choices().length ?? 0));
  return [
    standInChange(true),
    standInChange(false),
    { type: 'hint' },
    { type: 'next' },
    { type: 'back' },
    ...Array.from({ length: choices }, (_, choice): LessonEvent => ({
      type: 'answer',
      choice,
      usage: STAND_IN_USAGE,
    })),
  ];
}

/** A lesson of questions only, so the answers' rules are walked even before the catalogue has such steps. */
const QUIZ: Lesson = {
  ...LESSONS[0]!,
  id: 'quiz',
  number: 0,
  steps: ['first', 'second'].map((id) => ({
    id,
    instruction: () => id,
    done: () => false,
    question: { choices: () => ['a', 'b', 'c'], answer: 2 },
    hints: [() => 'a hint'],
    explain: () => id,
  })),
};

for (const lesson of [...LESSONS, QUIZ]) {
  describe(`lesson ${lesson.number} "${lesson.id}", as a graph`, () => {
    const machine = lessonMachine(standInLesson(lesson, 'kept'));
    const paths = getShortestPaths(machine, {
      input: { lesson: standInLesson(lesson, 'kept') },
      events: eventsFor(lesson),
      ...graphKeys,
      // Misses only count up: past two hints' worth the states repeat themselves.
      stopWhen: (s) => s.context.misses > CHANGES_BEFORE_HINT * 2,
    });

    it('reaches the end of the lesson', () => {
      expect(paths.some((path) => path.state.status === 'done')).toBe(true);
    });

    it('keeps the engine’s promises in every state it reaches', () => {
      expect(paths.length).toBeGreaterThan(lesson.steps.length * 2);
      for (const { state } of paths) {
        const { stepIndex, hintsShown, facts } = state.context;
        if (state.status === 'done') {
          expect(stepIndex).toBe(lesson.steps.length);
          continue;
        }
        const value = state.value as unknown as Record<string, string>;
        expect(Object.keys(value)).toEqual([`step${stepIndex}`]);
        expect(hintsShown).toBeLessThanOrEqual(lesson.steps[stepIndex]!.hints.length);
        expect(facts !== null).toBe(value[`step${stepIndex}`] === 'explained');
      }
    });

    it('completes a question step only on its right answer', () => {
      for (const { steps } of paths) {
        steps.forEach(({ event, state }, i) => {
          const before = i > 0 ? steps[i - 1]!.state : null;
          if (event.type !== 'answer' || !before || before.status === 'done') return;
          const question = lesson.steps[before.context.stepIndex]?.question;
          if (!question || before.context.facts) return;
          expect(state.context.facts !== null).toBe(event.choice === question.answer);
        });
      }
    });
  });
}
