// LessonController's saved progress reads the run's step and whether it waits for Next, not the lesson
// panel's whole view (its texts in the current language): the host asks for it after every change.

import { describe, expect, it, vi } from 'vitest';
import { LessonRun } from '../../src/lessons/LessonRun';
import { LessonController } from '../../src/ui/controllers/LessonController';
import { sandboxSession, typeInto } from '../lessons/lessonHelpers';

function controller() {
  const session = sandboxSession();
  session.setMode('lessons');
  const host = { addController: () => {}, removeController: () => {}, requestUpdate: () => {} } as never;
  const lessons = new LessonController(
    host,
    () => session,
    () => {},
  );
  lessons.start('overlay-fills');
  return { session, lessons };
}

describe('LessonController.progress', () => {
  it('counts a step done but not yet left as the next one begun, without building the view', () => {
    const { session, lessons } = controller();
    const view = vi.spyOn(LessonRun.prototype, 'view');
    expect(lessons.progress.current).toEqual({ lessonId: 'overlay-fills', stepIndex: 0 });
    typeInto(session, 'dmsetup status');
    expect(lessons.run!.explained).toBe(true);
    expect(lessons.progress.current).toEqual({ lessonId: 'overlay-fills', stepIndex: 1 });
    expect(view).not.toHaveBeenCalled();
    view.mockRestore();
  });
});
