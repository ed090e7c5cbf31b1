// What the saved activity keeps of the lessons: the lesson under way and its step, and the lessons done.
// Read back tolerantly: a lesson this version no longer has is dropped, never an error for the learner.

export interface LessonProgress {
  /** The lesson under way and its step, or null. */
  current: { lessonId: string; stepIndex: number } | null;
  /** Lessons finished, in the order they were. */
  completed: string[];
}

export const NO_PROGRESS: LessonProgress = { current: null, completed: [] };

/** Saved progress as far as it makes sense for these lessons (`steps`: each lesson's step count). */
export function readLessonProgress(value: unknown, steps: ReadonlyMap<string, number>): LessonProgress {
  if (typeof value !== 'object' || value === null) return NO_PROGRESS;
  const saved = value as Record<string, unknown>;
  const completed = Array.isArray(saved.completed)
    ? [...new Set(saved.completed.filter((id): id is string => typeof id === 'string' && steps.has(id)))]
    : [];
  return { current: readCurrent(saved.current, steps), completed };
}

function readCurrent(value: unknown, steps: ReadonlyMap<string, number>): LessonProgress['current'] {
  if (typeof value !== 'object' || value === null) return null;
  const { lessonId, stepIndex } = value as Record<string, unknown>;
  if (typeof lessonId !== 'string' || !steps.has(lessonId)) return null;
  const index = Number.isInteger(stepIndex) ? (stepIndex as number) : 0;
  return { lessonId, stepIndex: Math.min(Math.max(index, 0), steps.get(lessonId)!) };
}
