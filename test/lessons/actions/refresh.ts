// Lesson 11's learner: another dmsetup question, the folder above the stick's files, a reboot where a
// refresh or a reset is asked for, a line that does not name the update, a photo saved at home instead
// of the System folder, and a wrong answer to the question about an Invalid overlay.

import type { Session } from '../../../src/model/session/Session';
import { SECTOR_BYTES } from '../../../src/model/units';
import { formatBytes, percentOf } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';

const usage = (session: Session) => session.stick.usage();
const PHOTO_BYTES = 3_000_000;
/** The overlay's sectors before the last change, for the explanations that quote "from … to …". */
let sectorsBefore = 0;
let squashfsBefore = 0;
function remember(session: Session): void {
  sectorsBefore = usage(session).overlay.allocatedSectors;
  squashfsBefore = usage(session).device.images.squashfsBytes;
}

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
  {
    // Restarting is not refreshing: the overlay keeps the update.
    wrong: (session) => void session.apply({ type: 'reboot' }),
    right: (session) => {
      remember(session);
      session.apply({ type: 'refresh-stick' });
    },
    quoted: (session) => {
      const { overlay, device } = usage(session);
      return [
        `from ${sectorsBefore} to ${overlay.allocatedSectors} sectors`,
        `from ${formatBytes(squashfsBefore)} to ${formatBytes(device.images.squashfsBytes)}`,
        `${formatBytes(device.freeBytes)} free`,
      ];
    },
  },
  {
    // The stick's files again: they do not name the update.
    wrong: (session) => void typeInto(session, 'ls -l /mnt/live/LiveOS'),
    right: (session) => void typeInto(session, 'ls -l /usr/lib/update.bin'),
    quoted: (session) => {
      const { overlay, device } = usage(session);
      return [`only ${overlay.allocatedSectors} sectors`, formatBytes(device.images.squashfsBytes)];
    },
  },
  {
    // home.img, not the overlay.
    wrong: (session) =>
      void session.apply({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: PHOTO_BYTES }),
    right: (session) => {
      remember(session);
      session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: PHOTO_BYTES });
    },
    quoted: (session) => {
      const sectors = usage(session).overlay.allocatedSectors;
      return [`${formatBytes((sectors - sectorsBefore) * SECTOR_BYTES)} more`, `${sectors} sectors used`];
    },
  },
  {
    // A reboot keeps the photo in the overlay.
    wrong: (session) => void session.apply({ type: 'reboot' }),
    right: (session) => {
      remember(session);
      session.apply({ type: 'reset-overlay' });
    },
    quoted: (session) => {
      const { overlay, device } = usage(session);
      return [
        `from ${sectorsBefore} to ${overlay.allocatedSectors} sectors`,
        formatBytes(device.images.squashfsBytes),
      ];
    },
  },
  { wrong: (_, run) => run.answer(0), right: (_, run) => run.answer(1), quoted: () => [] },
];
