// What the saved activity keeps of the lessons: the lesson under way and its step, and the lessons done.
// Read back tolerantly: a lesson this version no longer has is dropped, never an error for the learner.

import { LEVELS } from './challenges/makeChallenge';
import type { StepFacts } from './lessonTypes';

export interface LessonProgress {
  /**
   * The lesson under way and its step, or null; `explained`: the step was done, its explanation showing,
   * and these are the facts it reads (so it comes back as it was, waiting for Next).
   */
  current: { lessonId: string; stepIndex: number; explained?: StepFacts } | null;
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
  const { lessonId, stepIndex, explained } = value as Record<string, unknown>;
  if (typeof lessonId !== 'string' || !steps.has(lessonId)) return null;
  const index = Math.min(
    Math.max(Number.isInteger(stepIndex) ? (stepIndex as number) : 0, 0),
    steps.get(lessonId)!,
  );
  // A done step beyond the lesson's last, or facts of the wrong shape: the step is begun again instead.
  return index < steps.get(lessonId)! && isStepFacts(explained)
    ? { lessonId, stepIndex: index, explained }
    : { lessonId, stepIndex: index };
}

/** The shape of a step's facts: a change between two usages, and the usages the step and lesson began at. */
function isStepFacts(value: unknown): value is StepFacts {
  const object = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  const usage = (v: unknown) => object(v) && object(v.overlay) && object(v.device) && object(v.ram);
  return (
    object(value) &&
    object(value.change) &&
    usage(value.change.before) &&
    usage(value.change.after) &&
    usage(value.start) &&
    usage(value.lessonStart)
  );
}
