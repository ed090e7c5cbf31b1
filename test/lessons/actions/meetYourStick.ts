// Lesson 1: a photo in each of the four places; the nearest mistake is a photo in another place.

import { formatBytes } from '../../../src/ui/format/sizes';
import type { LessonActions } from './stepActions';
import { PHOTO, deviceGrowth, homeGrowth, lastMove, overlayGrowth, ramGrowth, save } from './measure';

const last = lastMove();

export const meetYourStickActions: LessonActions = [
  {
    wrong: (session) => void save(session, '/home/liveuser/photo.jpg'), // My home, not the system
    right: (session) => last.set(save(session, '/root/photo.jpg')),
    quoted: () => [formatBytes(PHOTO), formatBytes(overlayGrowth(last.get()))],
  },
  {
    wrong: (session) => void save(session, '/root/photo-2.jpg'), // the system folder again
    right: (session) => last.set(save(session, '/home/liveuser/photo-2.jpg')),
    quoted: () => [formatBytes(homeGrowth(last.get())), formatBytes(overlayGrowth(last.get()))],
  },
  {
    wrong: (session) => void save(session, '/root/photo-3.jpg'), // the system folder, not /tmp
    right: (session) => last.set(save(session, '/tmp/photo.jpg')),
    quoted: () => {
      const moved = last.get();
      return [
        formatBytes(ramGrowth(moved)),
        formatBytes(overlayGrowth(moved)),
        formatBytes(homeGrowth(moved)),
      ];
    },
  },
  {
    // /mnt is the system's; the stick is at /mnt/live in 2012, /run/initramfs/live today.
    wrong: (session) => void save(session, '/mnt/photo.jpg'),
    right: (session) => last.set(save(session, `${session.stick.era.deviceMountPath}/photo.jpg`)),
    quoted: (session) => [
      formatBytes(deviceGrowth(last.get())),
      formatBytes(session.stick.usage().device.freeBytes),
    ],
  },
  {
    wrong: (_session, run) => run.answer(0), // the overlay keeps it
    right: (_session, run) => run.answer(2),
    quoted: (session) => [formatBytes(session.stick.usage().ram.tmpfsUsedBytes)],
  },
];
