// What the saved activity keeps of the lessons: the lesson under way and its step, and the lessons done.
// Read back tolerantly: a lesson this version no longer has is dropped, never an error for the learner.

import { LEVELS } from './challenges/makeChallenge';

export interface LessonProgress {
  /** The lesson under way and its step, or null. */
  current: { lessonId: string; stepIndex: number } | null;
  /** Lessons finished, in the order they were. */
  completed: string[];
  challenges: ChallengeScore;
}

/** The "predict the meter" challenges so far: the level played now, points, answers and right answers. */
export interface ChallengeScore {
  level: number;
  points: number;
  answered: number;
  right: number;
}

export const NO_CHALLENGES: ChallengeScore = { level: 1, points: 0, answered: 0, right: 0 };

export const NO_PROGRESS: LessonProgress = { current: null, completed: [], challenges: NO_CHALLENGES };

/** Saved progress as far as it makes sense for these lessons (`steps`: each lesson's step count). */
export function readLessonProgress(value: unknown, steps: ReadonlyMap<string, number>): LessonProgress {
  if (typeof value !== 'object' || value === null) return NO_PROGRESS;
  const saved = value as Record<string, unknown>;
  const completed = Array.isArray(saved.completed)
    ? [...new Set(saved.completed.filter((id): id is string => typeof id === 'string' && steps.has(id)))]
    : [];
  return {
    current: readCurrent(saved.current, steps),
    completed,
    challenges: readChallenges(saved.challenges),
  };
}

function readChallenges(value: unknown): ChallengeScore {
  if (typeof value !== 'object' || value === null) return NO_CHALLENGES;
  const saved = value as Record<string, unknown>;
  const count = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : 0);
  const answered = count(saved.answered);
  return {
    level: Math.min(Math.max(count(saved.level), 1), LEVELS.length),
    points: count(saved.points),
    answered,
    right: Math.min(count(saved.right), answered),
  };
}

function readCurrent(value: unknown, steps: ReadonlyMap<string, number>): LessonProgress['current'] {
  if (typeof value !== 'object' || value === null) return null;
  const { lessonId, stepIndex } = value as Record<string, unknown>;
  if (typeof lessonId !== 'string' || !steps.has(lessonId)) return null;
  const index = Number.isInteger(stepIndex) ? (stepIndex as number) : 0;
  return { lessonId, stepIndex: Math.min(Math.max(index, 0), steps.get(lessonId)!) };
}
