// Lesson 6: a week of the quiet writers, their three folders moved to RAM, a second week; the nearest
// mistakes are a day too few and a folder forgotten.

import { QUIET_FOLDERS } from '../../../lessons/quietWriters';
import type { Session } from '../../../src/model/session/Session';
import type { StickUsage } from '../../../src/model/stick/usageSummary';
import { formatBytes } from '../../../src/ui/format/sizes';
import type { LessonActions } from './stepActions';
import { overlayBytes } from './measure';

const DAY_MS = 24 * 60 * 60 * 1000;

const days = (session: Session, n: number) => {
  for (let i = 0; i < n; i++) session.apply({ type: 'advance', ms: DAY_MS });
};
/** Presses "+1 day" until the clock shows `day` whole days. */
const untilDay = (session: Session, day: number) => {
  while (Math.floor(session.stick.clockMs / DAY_MS) < day) days(session, 1);
};
const inRam = (usage: StickUsage, folder: string) =>
  usage.ram.mounts.some((m) => m.movedToRam && m.mountPoint === folder);
const moveToRam = (session: Session, folders: readonly string[]) => {
  for (const folder of folders)
    if (!inRam(session.stick.usage(), folder)) session.apply({ type: 'move-to-ram', folder });
};

let lessonStart: StickUsage;
let stepStart: StickUsage;

export const quietWritersActions: LessonActions = [
  {
    wrong: (session) => {
      lessonStart = session.stick.usage();
      days(session, 6); // a day short
    },
    right: (session) => untilDay(session, 7),
    quoted: (session) => [formatBytes(overlayBytes(session.stick.usage()) - overlayBytes(lessonStart))],
  },
  {
    wrong: (session) => moveToRam(session, QUIET_FOLDERS.slice(0, 2)), // NetworkManager's forgotten
    right: (session) => moveToRam(session, QUIET_FOLDERS),
    quoted: () => [],
  },
  {
    wrong: (_session, run) => run.answer(0), // "copied into the overlay"
    right: (_session, run) => run.answer(1),
    quoted: () => [],
  },
  {
    wrong: (session) => {
      stepStart = session.stick.usage();
      days(session, 6); // a day short
    },
    right: (session) => untilDay(session, 14),
    quoted: (session) => {
      const now = session.stick.usage();
      const ramFolders = now.ram.mounts.filter((m) => m.movedToRam).reduce((sum, m) => sum + m.usedBytes, 0);
      return [
        `Before the move the overlay grew by ${formatBytes(overlayBytes(stepStart) - overlayBytes(lessonStart))}`,
        `only by ${formatBytes(overlayBytes(now) - overlayBytes(stepStart))}`,
        `hold ${formatBytes(ramFolders)}`,
      ];
    },
  },
];
