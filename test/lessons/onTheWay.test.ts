// A step's onTheWay: the changes a right action is made of before its last are not misses, and a change
// beside the way still is (a new stick that keeps home.img, when the step asks for one without it).

import { describe, expect, it } from 'vitest';
import { activitiesJournal } from '../../lessons/activitiesJournal';
import { overlayFills } from '../../lessons/overlayFills';
import { overlayFull } from '../../lessons/overlayFull';
import { CHANGES_BEFORE_HINT } from '../../src/lessons/lessonMachine';
import { LessonRun } from '../../src/lessons/LessonRun';
import {
  DEFAULT_SANDBOX,
  ERA_DEFAULTS,
  sandboxPlan,
  type SandboxChoices,
} from '../../src/model/session/sandboxPlan';
import type { Session } from '../../src/model/session/Session';
import { sandboxSession, typeInto } from './lessonHelpers';

function newStick(session: Session, choices: SandboxChoices) {
  const planned = sandboxPlan(choices);
  if (!planned.ok) throw new Error(planned.message);
  session.apply({ type: 'new-stick', plan: planned.plan });
}

/** One miss short of a hint: lines that change nothing and complete nothing. */
function nearlyStuck(session: Session) {
  for (let n = 1; n < CHANGES_BEFORE_HINT; n++) typeInto(session, 'pwd');
}

describe('changes on the way to a step', () => {
  it('lesson 7: a new stick without home.img is on the way; one with it is a miss', () => {
    const session = sandboxSession();
    const run = LessonRun.resume(activitiesJournal, session, 3);
    nearlyStuck(session);
    newStick(session, { ...DEFAULT_SANDBOX, homeMib: 0 });
    expect(run.view().hints).toEqual([]);
    newStick(session, DEFAULT_SANDBOX);
    expect(run.view().hints).toHaveLength(1);
  });

  it('lesson 9: today’s stick from the era menu, then from the window with 64 MiB, are both on the way', () => {
    const session = sandboxSession();
    const run = LessonRun.resume(overlayFull, session, 4);
    nearlyStuck(session);
    newStick(session, ERA_DEFAULTS['fedora-today']);
    newStick(session, { ...ERA_DEFAULTS['fedora-today'], overlayMib: 64 });
    expect(run.view().hints).toEqual([]);
    session.apply({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 200_000_000 });
    expect(run.view().canGoOn).toBe(true);
  });

  it('lesson 2: photos saved one by one towards the 8 MiB are on the way', () => {
    const session = sandboxSession();
    const run = LessonRun.resume(overlayFills, session, 1);
    nearlyStuck(session);
    for (let i = 1; !run.view().canGoOn; i++) {
      session.apply({ type: 'write-file', path: `/root/photo-${i}.jpg`, sizeBytes: 3_000_000 });
      expect(run.view().hints).toEqual([]);
    }
  });
});
