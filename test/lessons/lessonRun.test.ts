// The lesson engine on a real session: a lesson's stick is made, steps complete on the model's changes
// and on typed lines, hints come when asked and after changes that miss, explanations carry the
// learner's numbers, back and next move between steps, and saved progress resumes at its step.

import { describe, expect, it } from 'vitest';
import { overlayFills } from '../../lessons/overlayFills';
import { CHANGES_BEFORE_HINT } from '../../src/lessons/lessonMachine';
import { LessonRun } from '../../src/lessons/LessonRun';
import type { Lesson } from '../../src/lessons/lessonTypes';
import { DEFAULT_SANDBOX } from '../../src/model/session/sandboxPlan';
import { sandboxSession, typeInto } from './lessonHelpers';

const MIB = 1024 * 1024;

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(overlayFills, session)!;
  return { session, run };
}

describe('a lesson run', () => {
  it('starts on the lesson’s own new stick, at step 1 of 3', () => {
    const session = sandboxSession();
    session.apply({ type: 'write-file', path: '/root/before.bin', sizeBytes: 5 * MIB });
    const run = LessonRun.start(overlayFills, session)!;
    expect(session.stick.stat('/root/before.bin').ok).toBe(false);
    expect(run.view()).toMatchObject({ stepNumber: 1, stepCount: 3, complete: false, canGoOn: false });
    expect(run.view().instruction).toContain('dmsetup status');
  });

  it('completes a step on a typed line with the right exit code, and explains it with the line’s numbers', () => {
    const { session, run } = started();
    typeInto(session, 'dmsetup status nothing-here'); // exit 1: not it
    expect(run.view().explanation).toBeNull();
    typeInto(session, 'dmsetup status');
    const [, used, total] = / (\d+)\/(\d+) /.exec(session.stick.usage().overlay.statusLine!)!;
    const view = run.view();
    expect(view.canGoOn).toBe(true);
    expect(view.explanation).toContain(`${used}/${total}`);
  });

  it('completes a step on the model: the overlay grown by 8 MiB since the step began', () => {
    const { session, run } = started();
    typeInto(session, 'dmsetup status');
    run.next();
    session.apply({ type: 'write-file', path: '/root/a.bin', sizeBytes: 6 * MIB });
    expect(run.view().canGoOn).toBe(false);
    session.apply({ type: 'write-file', path: '/root/b.bin', sizeBytes: 6 * MIB });
    expect(run.view().canGoOn).toBe(true);
    expect(run.view().explanation).toMatch(/grew by 1\d MiB/);
  });

  it('takes one file of the size Files offers (10 MB, which is 9.5 MiB) as enough for step 2', () => {
    const { session, run } = started();
    typeInto(session, 'dmsetup status');
    run.next();
    session.apply({ type: 'write-file', path: '/root/file.bin', sizeBytes: 10_000_000 });
    expect(run.view().canGoOn).toBe(true);
  });

  it('does not count what happened before the step: a file saved at step 1 is not step 2’s growth', () => {
    const { session, run } = started();
    session.apply({ type: 'write-file', path: '/root/early.bin', sizeBytes: 20 * MIB });
    typeInto(session, 'dmsetup status');
    run.next();
    session.apply({ type: 'write-file', path: '/root/small.bin', sizeBytes: MIB });
    expect(run.view().canGoOn).toBe(false);
  });

  it('shows hints when asked, and by itself after changes that miss', () => {
    const { session, run } = started();
    run.hint();
    expect(run.view().hints).toHaveLength(1);
    for (let i = 0; i < CHANGES_BEFORE_HINT * 2; i++) typeInto(session, 'pwd');
    expect(run.view().hints).toHaveLength(2); // all this step has
  });

  it('goes back a step and on again, and ends complete with the third step explained', () => {
    const { session, run } = started();
    typeInto(session, 'dmsetup status');
    run.next();
    run.back();
    expect(run.view().stepNumber).toBe(1);
    typeInto(session, 'dmsetup status');
    run.next();
    session.apply({ type: 'write-file', path: '/root/v.bin', sizeBytes: 12 * MIB });
    run.next();
    typeInto(session, 'dmsetup status');
    expect(run.view().explanation).toMatch(/went from \d+ to \d+ sectors/);
    run.next();
    expect(run.complete).toBe(true);
    expect(run.view()).toMatchObject({ complete: true, instruction: null, canGoBack: false });
  });

  it('resumes at a saved step on the session’s stick, without making a new one', () => {
    const session = sandboxSession();
    session.apply({ type: 'write-file', path: '/root/kept.bin', sizeBytes: MIB });
    const run = LessonRun.resume(overlayFills, session, 2);
    expect(session.stick.stat('/root/kept.bin').ok).toBe(true);
    expect(run.view().stepNumber).toBe(3);
  });

  it('lets the running clock tick without counting it as a try (no hint comes of it)', () => {
    const { session, run } = started();
    for (let i = 0; i < 10; i++) session.tick(1000);
    expect(run.view().hints).toEqual([]);
  });

  it('stops listening when disposed', () => {
    const { session, run } = started();
    run.dispose();
    typeInto(session, 'dmsetup status');
    expect(run.view().canGoOn).toBe(false);
  });

  it('completes a question step on the right answer only, and explains with the stick as it is', () => {
    const quiz: Lesson = {
      id: 'quiz',
      number: 99,
      title: () => 'Quiz',
      goal: () => 'Answering',
      minutes: 1,
      stick: DEFAULT_SANDBOX,
      steps: [
        {
          id: 'ask',
          instruction: () => 'Which store gives space back when you delete?',
          done: () => false,
          question: { choices: () => ['the overlay', 'home.img'], answer: 1 },
          hints: [() => 'Think of /home.'],
          explain: ({ change }) => `${change.after.overlay.allocatedSectors} sectors, unchanged`,
        },
      ],
    };
    const session = sandboxSession();
    const run = LessonRun.start(quiz, session)!;
    expect(run.view().choices).toEqual(['the overlay', 'home.img']);
    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    expect(run.view().explanation).toBe(
      `${session.stick.usage().overlay.allocatedSectors} sectors, unchanged`,
    );
    run.next();
    expect(run.complete).toBe(true);
  });
});
