// Lesson 10's learner: the wiki's recovery line by line. Each step's nearest mistake is a line that does
// nothing harmful (the rescue must still work after it): the file saved in home.img, the right line
// typed too early or on the wrong device or path, a check of the running stick.

import { RESCUE_LINES as L } from '../../../lessons/rescuePractice';
import type { Session } from '../../../src/model/session/Session';
import type { OverlayUsage } from '../../../src/model/stick/usageSummary';
import { formatBytes, percentOf } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';

const OVERLAY = '/media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19';
const overlay = (session: Session) => session.stick.usage().overlay;

/** What the learner saw before the rescue (the overlay at the lesson's start) and the right lines' results. */
const seen = { start: null as OverlayUsage | null, fileBefore: 0, exitCode: 0 };
const originSectors = () => /^0 (\d+) snapshot/.exec(seen.start!.statusLine!)![1]!;

export const rescuePracticeActions: LessonActions = [
  {
    // The same dd into home.img: the overlay does not fill.
    wrong: (session) => {
      seen.start = overlay(session);
      typeInto(session, 'dd if=/dev/zero of=/home/liveuser/big.bin bs=1M count=16');
    },
    right: (session) => void typeInto(session, L.fill),
    quoted: (session) => {
      const { totalSectors, fileBytes } = overlay(session);
      return [
        `${percentOf(seen.start!.allocatedSectors, totalSectors)} %`,
        `${totalSectors} sectors`,
        formatBytes(fileBytes!),
      ];
    },
  },
  {
    wrong: (session) => void typeInto(session, 'shutdown'),
    right: (session) => void typeInto(session, L.poweroff),
    quoted: (session) => [formatBytes(overlay(session).fileBytes!)],
  },
  {
    // The last line first: squashfs.img is not opened yet.
    wrong: (session) => void typeInto(session, L.base),
    right: (session) => [L.mkdir, L.mount, L.base].forEach((line) => typeInto(session, line)),
    quoted: (session) => [formatBytes(session.stick.usage().device.images.squashfsBytes)],
  },
  {
    // The overlay's loop device, not yet set up.
    wrong: (session) => void typeInto(session, 'blockdev --getsz /dev/loop2'),
    right: (session) => void typeInto(session, L.size),
    quoted: () => [`${originSectors()} sectors`, formatBytes(Number(originSectors()) * 512)],
  },
  {
    // The right bytes into the overlay's name under the read-only squashfs mount.
    wrong: (session) =>
      void typeInto(session, L.validByte.replace(OVERLAY, '/mnt/sq/LiveOS/overlay-LIVE-B6C4-2E19')),
    right: (session) => void typeInto(session, L.validByte),
    quoted: () => [],
  },
  {
    // Zeros over the header's byte 5 (still 0), not appended: the file does not grow.
    wrong: (session) =>
      void typeInto(session, `dd if=/dev/zero of=${OVERLAY} bs=1 count=1 seek=5 conv=notrunc`),
    right: (session) => {
      seen.fileBefore = overlay(session).fileBytes!;
      typeInto(session, L.grow);
    },
    quoted: (session) => {
      const grown = overlay(session).fileBytes! - seen.fileBefore;
      return [
        formatBytes(seen.fileBefore),
        formatBytes(overlay(session).fileBytes!),
        `${grown / 4096} new chunks`,
      ];
    },
  },
  {
    // The table before /dev/loop2 holds the overlay.
    wrong: (session) => void typeInto(session, L.create),
    right: (session) => [L.overlay, L.create].forEach((line) => typeInto(session, line)),
    quoted: () => [`${originSectors()} sectors of system`, '7:1', '7:2'],
  },
  {
    // Only asks (-n), changes nothing: exit 4.
    wrong: (session) => void typeInto(session, 'e2fsck -n /dev/mapper/rescue'),
    right: (session) => void (seen.exitCode = typeInto(session, L.repair)),
    quoted: () => [`ended with ${seen.exitCode}`],
  },
  {
    // The running stick's name, not the rescue's: no such device here.
    wrong: (session) => void typeInto(session, 'e2fsck -p /dev/mapper/live-rw'),
    right: (session) => void (seen.exitCode = typeInto(session, L.check)),
    quoted: () => [`${seen.exitCode} this time`],
  },
  {
    // Handing the overlay back without starting the stick.
    wrong: (session) => void typeInto(session, L.remove),
    right: (session) => void typeInto(session, L.reboot),
    quoted: (session) => {
      const { allocatedSectors, totalSectors } = overlay(session);
      return [
        `${totalSectors} sectors now`,
        `where it had ${seen.start!.totalSectors}`,
        `${allocatedSectors} of them`,
        `(${percentOf(allocatedSectors, totalSectors)} %)`,
      ];
    },
  },
];
