// Lesson 11's learner: another dmsetup question, the folder above the stick's files, and a wrong answer
// to each question about a refresh and a reset.

import type { Session } from '../../../src/model/session/Session';
import { formatBytes, percentOf } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';

const usage = (session: Session) => session.stick.usage();

export const refreshActions: LessonActions = [
  {
    wrong: (session) => void typeInto(session, 'dmsetup table'),
    right: (session) => void typeInto(session, 'dmsetup status'),
    quoted: (session) => {
      const { allocatedSectors, totalSectors } = usage(session).overlay;
      return [`${allocatedSectors} of ${totalSectors}`, `${percentOf(allocatedSectors, totalSectors)} %`];
    },
  },
  {
    // One folder short of the stick's LiveOS.
    wrong: (session) => void typeInto(session, 'ls -l /mnt/live'),
    right: (session) => void typeInto(session, 'ls -l /mnt/live/LiveOS'),
    quoted: (session) => {
      const { squashfsBytes, overlayBytes } = usage(session).device.images;
      return [formatBytes(squashfsBytes), formatBytes(overlayBytes)];
    },
  },
  { wrong: (_, run) => run.answer(0), right: (_, run) => run.answer(1), quoted: () => [] },
  {
    wrong: (_, run) => run.answer(0),
    right: (_, run) => run.answer(2),
    quoted: (session) => {
      const { overlay, device } = usage(session);
      return [
        `${overlay.allocatedSectors} sectors`,
        formatBytes(device.images.squashfsBytes),
        formatBytes(device.freeBytes),
      ];
    },
  },
  { wrong: (_, run) => run.answer(0), right: (_, run) => run.answer(1), quoted: () => [] },
  { wrong: (_, run) => run.answer(0), right: (_, run) => run.answer(1), quoted: () => [] },
];
