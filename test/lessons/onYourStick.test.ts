// After "Mirror my stick", the lessons marked onYourStick are taken on the model of the learner's own stick:
// each step's scripted learner completes them there, on a 2012 stick and on today's, quoting that stick's
// numbers; the other lessons keep the stick made for them; a model without home.img takes no lesson.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons/index';
import { overlayFull } from '../../lessons/overlayFull';
import { LessonRun, takesLessons, type YourStick } from '../../src/lessons/LessonRun';
import { mirrorPlan } from '../../src/real/mirror';
import { readPaste } from '../../src/real/paste/readPaste';
import { LESSON_ACTIONS } from './actions/index';
import { sandboxSession } from './lessonHelpers';

const TODAY = readFileSync('test/fixtures/real/fedora-today-persistent.txt', 'utf8');
/** Today's sample has no home.img; the same stick with one, as `ls -lh` would list it. */
const TODAY_WITH_HOME = TODAY.replace(
  /^(-rw-r--r--\. 1 root root 1\.9G Apr 16 09:30 squashfs\.img)$/m,
  '$1\n-rw-r--r--. 1 root root 1.0G Jun  3 10:12 home.img',
);

function mirrorOf(pasted: string): YourStick {
  const mirror = mirrorPlan(readPaste(pasted));
  if (!mirror.ok) throw new Error(mirror.reason);
  const { plan, usedSectors, state } = mirror;
  return { type: 'mirror-stick', plan, usedSectors, state };
}

const STICKS: [string, string][] = [
  ['a 2012 stick (p 8, home.img)', readFileSync('test/fixtures/real/soas-2012-persistent.txt', 'utf8')],
  ["today's stick (PO 8, home.img)", TODAY_WITH_HOME],
];

const onYourStick = LESSONS.filter((lesson) => lesson.onYourStick);

describe('lessons on the model of your own stick', () => {
  it('marks the lessons that need no stick of their own', () => {
    expect(onYourStick.map((l) => l.number)).toEqual([1, 2, 3, 4, 6, 12]);
  });

  describe.each(STICKS)('%s', (_, pasted) => {
    const yourStick = mirrorOf(pasted);

    it.each(onYourStick.map((l) => [l.number, l.id, l] as const))(
      'lesson %i (%s) starts on it, and each step is done there and quotes its numbers',
      (_number, _id, lesson) => {
        const session = sandboxSession();
        const run = LessonRun.start(lesson, session, yourStick)!;
        expect(session.stick.usage().overlay.totalSectors).toBe(yourStick.plan.overlaySectors);
        const actions = LESSON_ACTIONS.get(lesson.id)!;
        actions.forEach((step, i) => {
          const where = `${lesson.id} step ${i + 1}`;
          step.wrong(session, run);
          expect(run.view().canGoOn, `${where}: the wrong action completed it`).toBe(false);
          step.right(session, run);
          expect(run.view().canGoOn, `${where}: the right action did not complete it`).toBe(true);
          for (const number of step.quoted(session)) expect(run.view().explanation, where).toContain(number);
          run.next();
        });
        expect(run.complete).toBe(true);
      },
    );
  });

  it('leaves the other lessons on the stick made for them', () => {
    const session = sandboxSession();
    LessonRun.start(overlayFull, session, mirrorOf(STICKS[0]![1]));
    expect(session.stick.usage().overlay.totalSectors).toBe(32 * 2048);
  });

  it('takes no lesson on a model without home.img', () => {
    const withoutHome = mirrorOf(TODAY);
    expect(takesLessons(withoutHome)).toBe(false);
    const session = sandboxSession();
    LessonRun.start(onYourStick[0]!, session, withoutHome);
    expect(session.stick.era.id).toBe('soas-2012');
  });
});
