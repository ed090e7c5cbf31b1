// Lesson 4: save and delete in home, then in the system folder; the nearest mistakes are the same
// actions in the other place. The deletes are made with Files' Delete, or with rm typed in the terminal.

import type { Session } from '../../../src/model/session/Session';
import type { StickUsage } from '../../../src/model/stick/usageSummary';
import { formatBytes } from '../../../src/ui/format/sizes';
import type { LessonActions } from './stepActions';
import {
  homeBytes,
  homeGrowth,
  lastMove,
  overlayBytes,
  overlayGrowth,
  remove,
  save,
  typeOk,
  type Moved,
} from './measure';

const last = lastMove();
let stepStart: StickUsage;

const homeNow = (session: Session) => {
  const home = session.stick.usage().home!;
  return [formatBytes(home.usedBytes), formatBytes(home.sizeBytes)];
};

/** Deletes a file: with Files' Delete, or with rm in the terminal. */
type Remove = (session: Session, path: string) => Moved;

const actionsDeletingWith = (deleteFile: Remove): LessonActions => [
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
      deleteFile(session, '/root/photo.jpg');
    },
    right: (session) => last.set(deleteFile(session, '/home/liveuser/photo.jpg')),
    quoted: (session) => [
      formatBytes(-homeGrowth(last.get())),
      formatBytes(homeBytes(session.stick.usage())),
    ],
  },
  {
    wrong: (session) => {
      stepStart = session.stick.usage();
      save(session, '/home/liveuser/photo-2.jpg'); // the same in home again
      deleteFile(session, '/home/liveuser/photo-2.jpg');
    },
    right: (session) => {
      save(session, '/root/photo-2.jpg');
      last.set(deleteFile(session, '/root/photo-2.jpg'));
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

export const homeIsDifferentActions = actionsDeletingWith(remove);
export const homeIsDifferentRmActions = actionsDeletingWith((session, path) => typeOk(session, `rm ${path}`));
