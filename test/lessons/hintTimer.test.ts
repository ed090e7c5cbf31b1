// A step left alone for a minute shows its first hint; a change on the way to it starts the minute again.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { overlayFills } from '../../lessons/overlayFills';
import { MS_BEFORE_HINT } from '../../src/lessons/lessonMachine';
import { LessonRun } from '../../src/lessons/LessonRun';
import { sandboxSession } from './lessonHelpers';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Lesson 2's second step (8 MiB saved in the system folder), where each photo is on the way. */
function photoStep() {
  const session = sandboxSession();
  return { session, run: LessonRun.resume(overlayFills, session, 1)! };
}

describe('the hint after a minute', () => {
  it('comes when the step is left alone for a minute, not before', () => {
    const { run } = photoStep();
    vi.advanceTimersByTime(MS_BEFORE_HINT - 1000);
    expect(run.view().hints).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(run.view().hints).toHaveLength(1);
  });

  it('waits a whole minute again after a change on the way', () => {
    const { session, run } = photoStep();
    vi.advanceTimersByTime(MS_BEFORE_HINT - 1000);
    session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    vi.advanceTimersByTime(MS_BEFORE_HINT - 1000);
    expect(run.view().hints).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(run.view().hints).toHaveLength(1);
  });
});
