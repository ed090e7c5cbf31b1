// Saved lesson progress read back: what fits this version is kept, anything else is dropped quietly
// (a learner never loses their stick over a lesson the activity no longer has).

import { describe, expect, it } from 'vitest';
import { NO_PROGRESS, readLessonProgress } from '../../src/lessons/lessonProgress';

const STEPS = new Map([
  ['overlay-fills', 3],
  ['meet-your-stick', 5],
]);

describe('readLessonProgress', () => {
  it('keeps a valid progress as it was', () => {
    const saved = {
      current: { lessonId: 'overlay-fills', stepIndex: 2 },
      completed: ['meet-your-stick'],
      challenges: { level: 3, points: 42, answered: 7, right: 4 },
    };
    expect(readLessonProgress(JSON.parse(JSON.stringify(saved)), STEPS)).toEqual(saved);
  });

  it('drops lessons it does not know, repeats, and steps past the lesson’s end', () => {
    const read = readLessonProgress(
      {
        current: { lessonId: 'overlay-fills', stepIndex: 99 },
        completed: ['gone', 'meet-your-stick', 'meet-your-stick', 7],
      },
      STEPS,
    );
    expect(read.current).toEqual({ lessonId: 'overlay-fills', stepIndex: 3 });
    expect(read.completed).toEqual(['meet-your-stick']);
    expect(readLessonProgress({ current: { lessonId: 'gone', stepIndex: 1 } }, STEPS).current).toBeNull();
  });

  it('reads nothing, or nonsense, as no progress at all', () => {
    for (const value of [undefined, null, 3, 'x', [], { challenges: 'many' }]) {
      expect(readLessonProgress(value, STEPS)).toEqual(NO_PROGRESS);
    }
  });

  it('keeps challenge figures whole, the level within the levels, never more right than answered', () => {
    const read = readLessonProgress({ challenges: { level: 9, points: -5, answered: 2, right: 5 } }, STEPS);
    expect(read.challenges).toEqual({ level: 4, points: 0, answered: 2, right: 2 });
  });
});
