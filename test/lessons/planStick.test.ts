// Lesson 8 on a real session: lines typed in the terminal's livecd-iso-to-disk complete the steps (a plan
// that fits, the space check's refusal, the FAT limit, the learner's own plan), with the script's numbers.

import { describe, expect, it } from 'vitest';
import { planStick } from '../../lessons/planStick';
import { LessonRun } from '../../src/lessons/LessonRun';
import { sandboxSession, typeInto } from './lessonHelpers';

const line = (options: string) => `livecd-iso-to-disk ${options} soas.iso /dev/sdb1`;

describe('lesson 8: plan a 1 GB stick', () => {
  it('is completed by typed plans, the answer and the learner’s own plan', () => {
    const session = sandboxSession();
    const run = LessonRun.start(planStick, session)!;

    expect(typeInto(session, line('--overlay-size-mb 300 --home-size-mb 200 --unencrypted-home'))).toBe(0);
    expect(run.view().explanation).toMatch(
      /overlay of 300 MiB and a home.img of 200 MiB .* with 1\d(\.\d)? MiB left free/,
    );
    run.next();

    expect(typeInto(session, line('--overlay-size-mb 700 --home-size-mb 200 --unencrypted-home'))).toBe(1);
    expect(run.view().explanation).toContain(
      '1333 MiB asked for, but the stick can give 950 MiB. That is 383 MiB',
    );
    run.next();

    expect(run.view().instruction).toContain('950 MiB and the system image takes 433 MiB');
    expect(run.view().choices).toEqual(['950 MiB', '517 MiB', '433 MiB']);
    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    run.next();

    expect(typeInto(session, line('--overlay-size-mb 2048'))).toBe(1);
    expect(run.view().explanation).toContain('2047 MiB at most. So 2048 MiB is refused');
    run.next();

    expect(typeInto(session, line('--overlay-size-mb 400 --home-size-mb 100 --unencrypted-home'))).toBe(0);
    expect(run.view().explanation).toMatch(
      /overlay of 400 MiB, a home.img of 100 MiB, and 1\d(\.\d)? MiB left free/,
    );
    run.next();
    expect(run.complete).toBe(true);
  });

  it('does not count a refusal of another kind', () => {
    const session = sandboxSession();
    const run = LessonRun.resume(planStick, session, 1);
    expect(typeInto(session, line('--overlay-size-mb 2048'))).toBe(1); // the FAT limit, not the space check
    expect(run.view().canGoOn).toBe(false);
  });

  it('does not count an own plan with the wiki’s overlay, nor one without home.img', () => {
    const session = sandboxSession();
    const run = LessonRun.resume(planStick, session, 4);
    expect(typeInto(session, line('--overlay-size-mb 300 --home-size-mb 200 --unencrypted-home'))).toBe(0);
    expect(run.view().canGoOn).toBe(false);
    expect(typeInto(session, line('--overlay-size-mb 500'))).toBe(0);
    expect(run.view().canGoOn).toBe(false);
  });
});
