// Lesson 4: save and delete in home, then in the system folder; the nearest mistakes are the same
// actions in the other place.

import type { Session } from '../../../src/model/session/Session';
import type { StickUsage } from '../../../src/model/stick/usageSummary';
import { formatBytes } from '../../../src/ui/format/sizes';
import type { LessonActions } from './stepActions';
import { homeBytes, homeGrowth, lastMove, overlayBytes, overlayGrowth, remove, save } from './measure';

const last = lastMove();
let stepStart: StickUsage;

const homeNow = (session: Session) => {
  const home = session.stick.usage().home!;
  return [formatBytes(home.usedBytes), formatBytes(home.sizeBytes)];
};

export const homeIsDifferentActions: LessonActions = [
  {
    wrong: (session) => void save(session, '/root/photo.jpg'), // the system folder, not home
    right: (session) => last.set(save(session, '/home/liveuser/photo.jpg')),
    quoted: (session) => [
      formatBytes(homeGrowth(last.get())),
      ...homeNow(session),
      formatBytes(overlayGrowth(last.get())),
    ],
  },
  {
    // A photo deleted in the system folder, not home's.
    wrong: (session) => {
      if (!session.stick.stat('/root/photo.jpg').ok) save(session, '/root/photo.jpg');
      remove(session, '/root/photo.jpg');
    },
    right: (session) => last.set(remove(session, '/home/liveuser/photo.jpg')),
    quoted: (session) => [
      formatBytes(-homeGrowth(last.get())),
      formatBytes(homeBytes(session.stick.usage())),
    ],
  },
  {
    wrong: (session) => {
      stepStart = session.stick.usage();
      save(session, '/home/liveuser/photo-2.jpg'); // the same in home again
      remove(session, '/home/liveuser/photo-2.jpg');
    },
    right: (session) => {
      save(session, '/root/photo-2.jpg');
      last.set(remove(session, '/root/photo-2.jpg'));
    },
    quoted: (session) => [
      `cost ${formatBytes(overlayGrowth(last.get()))} more`,
      `grew by ${formatBytes(overlayBytes(session.stick.usage()) - overlayBytes(stepStart))}`,
    ],
  },
  {
    wrong: (_session, run) => run.answer(0), // the system folder
    right: (_session, run) => run.answer(1),
    quoted: (session) => [...homeNow(session), formatBytes(overlayBytes(session.stick.usage()))],
  },
];
