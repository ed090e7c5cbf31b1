// Lesson 7's learner: an install and a Journal entry (each mistaken for the other), a wrong answer, and
// the install done again on the lesson's stick with home.img before the one on a stick without it.

import { DEFAULT_SANDBOX, sandboxPlan } from '../../../src/model/session/sandboxPlan';
import type { Session } from '../../../src/model/session/Session';
import type { StickUsage } from '../../../src/model/stick/usageSummary';
import { formatBytes } from '../../../src/ui/format/sizes';
import type { LessonActions } from './stepActions';

/** The usage just before the right action (the explanations quote what that one change cost). */
let before: StickUsage;
const remember = (session: Session) => (before = session.stick.usage());
const homeGrowth = (session: Session) =>
  (session.stick.usage().home?.usedBytes ?? 0) - (before.home?.usedBytes ?? 0);
const overlayGrowth = (session: Session) =>
  (session.stick.usage().overlay.allocatedSectors - before.overlay.allocatedSectors) * 512;

export const activitiesJournalActions: LessonActions = [
  {
    // The Journal button next to it: home.img grows, but nothing was installed.
    wrong: (session) => void session.apply({ type: 'save-journal-entry', title: 'My drawing' }),
    right: (session) => {
      remember(session);
      session.apply({ type: 'install-activity', name: 'Maze' });
    },
    quoted: (session) => [formatBytes(homeGrowth(session)), formatBytes(overlayGrowth(session))],
  },
  {
    wrong: (session) => void session.apply({ type: 'install-activity', name: 'Paint' }),
    right: (session) => {
      remember(session);
      session.apply({ type: 'save-journal-entry', title: 'My drawing' });
    },
    quoted: (session) => [formatBytes(homeGrowth(session))],
  },
  { wrong: (_, run) => run.answer(1), right: (_, run) => run.answer(2), quoted: () => [] },
  {
    // The right install, on the stick that still has home.img.
    wrong: (session) => void session.apply({ type: 'install-activity', name: 'Maze' }),
    right: (session) => {
      const planned = sandboxPlan({ ...DEFAULT_SANDBOX, homeMib: 0 });
      if (!planned.ok) throw new Error(planned.message);
      session.apply({ type: 'new-stick', plan: planned.plan });
      remember(session);
      session.apply({ type: 'install-activity', name: 'Maze' });
    },
    quoted: (session) => [formatBytes(overlayGrowth(session))],
  },
];
