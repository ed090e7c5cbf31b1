// LessonController's saved progress reads the run's step and, once it waits for Next, the facts its
// explanation reads — not the lesson panel's whole view (its texts in the current language): the host asks
// for it after every change. Saved and restored, a done step comes back explained, waiting for Next.

import { describe, expect, it, vi } from 'vitest';
import { LessonRun } from '../../src/lessons/LessonRun';
import type { Session } from '../../src/model/session/Session';
import { LessonController } from '../../src/ui/controllers/LessonController';
import { sandboxSession, typeInto } from '../lessons/lessonHelpers';

/** A controller on the session, with a host that only lets it be. */
function controllerOn(session: Session): LessonController {
  const host = { addController: () => {}, removeController: () => {}, requestUpdate: () => {} } as never;
  return new LessonController(
    host,
    () => session,
    () => {},
  );
}

function controller() {
  const session = sandboxSession();
  session.setMode('lessons');
  const lessons = controllerOn(session);
  lessons.start('overlay-fills');
  return { session, lessons };
}

describe('LessonController.progress', () => {
  it('keeps a step done but not yet left with what its explanation reads, without building the view', () => {
    const { session, lessons } = controller();
    const view = vi.spyOn(LessonRun.prototype, 'view');
    expect(lessons.progress.current).toEqual({ lessonId: 'overlay-fills', stepIndex: 0 });
    typeInto(session, 'dmsetup status');
    expect(lessons.run!.explained).toBe(true);
    const current = lessons.progress.current!;
    expect(current).toMatchObject({ lessonId: 'overlay-fills', stepIndex: 0 });
    expect(current.explained?.change.action).toMatchObject({ type: 'terminal', line: 'dmsetup status' });
    expect(view).not.toHaveBeenCalled();
    view.mockRestore();
  });

  it('brings a done step back explained, with the same words, waiting for Next', () => {
    const { session, lessons } = controller();
    typeInto(session, 'dmsetup status');
    const before = lessons.run!.view();
    const saved = JSON.parse(JSON.stringify(lessons.progress));
    const resumed = controllerOn(session);
    resumed.restore(saved);
    const after = resumed.run!.view();
    expect(after.stepNumber).toBe(1);
    expect(after.canGoOn).toBe(true);
    expect(after.explanation).toBe(before.explanation);
    resumed.run!.next();
    expect(resumed.run!.view().stepNumber).toBe(2);
  });

  it('begins the step again when the saved facts are damaged', () => {
    const { session, lessons } = controller();
    typeInto(session, 'dmsetup status');
    const saved = JSON.parse(JSON.stringify(lessons.progress));
    saved.current.explained.change.after = 'damaged';
    const resumed = controllerOn(session);
    resumed.restore(saved);
    expect(resumed.run!.view()).toMatchObject({ stepNumber: 1, canGoOn: false, explanation: null });
  });
});
