// Lesson 9's learner: another dmsetup question instead of the status, the photo saved in home.img
// instead of the system folder, a wrong answer, and the video saved in home.img on today's stick.

import { ERA_DEFAULTS, sandboxPlan } from '../../../src/model/session/sandboxPlan';
import type { Session } from '../../../src/model/session/Session';
import { formatBytes } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';

const PHOTO_BYTES = 3_000_000;
const VIDEO_BYTES = 200_000_000;

const freeBytes = (session: Session) => {
  const { overlay } = session.stick.usage();
  return (overlay.totalSectors - overlay.allocatedSectors) * 512;
};
/** The overlay's free bytes just before the right action. */
let freeBefore = 0;

function todayStick(session: Session) {
  const planned = sandboxPlan({ ...ERA_DEFAULTS['fedora-today'], overlayMib: 64 });
  if (!planned.ok) throw new Error(planned.message);
  session.apply({ type: 'new-stick', plan: planned.plan });
}

export const overlayFullActions: LessonActions = [
  {
    wrong: (session) => void typeInto(session, 'dmsetup table'),
    right: (session) => void typeInto(session, 'dmsetup status'),
    quoted: (session) => {
      const { overlay } = session.stick.usage();
      return [
        `${Math.floor((100 * overlay.allocatedSectors) / overlay.totalSectors)}%`,
        formatBytes(freeBytes(session)),
      ];
    },
  },
  {
    wrong: (session) =>
      void session.apply({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: PHOTO_BYTES }),
    right: (session) => {
      freeBefore = freeBytes(session);
      session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: PHOTO_BYTES });
    },
    quoted: () => [formatBytes(freeBefore)],
  },
  {
    wrong: (session) => void typeInto(session, 'dmsetup table'),
    right: (session) => void typeInto(session, 'dmsetup status'),
    quoted: (session) => [session.stick.usage().overlay.statusLine!],
  },
  { wrong: (_, run) => run.answer(0), right: (_, run) => run.answer(1), quoted: () => [] },
  {
    // Today's stick, but the video saved in home.img: the overlay does not run out.
    wrong: (session) => {
      todayStick(session);
      session.apply({ type: 'write-file', path: '/home/liveuser/video.ogv', sizeBytes: VIDEO_BYTES });
    },
    right: (session) => {
      todayStick(session);
      freeBefore = freeBytes(session);
      session.apply({ type: 'write-file', path: '/root/video.ogv', sizeBytes: VIDEO_BYTES });
    },
    quoted: (session) => [`“${session.stick.usage().overlay.statusLine!}”`, formatBytes(freeBefore)],
  },
];
