// Lesson 5, on a stick without an overlay file: a photo in /tmp, one in the system folder, a reboot; the
// nearest mistakes are a photo in the other place and a reboot command the shell does not know.

import { formatBytes } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';
import { lastMove, overlayBytes, overlayGrowth, ramGrowth, save, typeOk } from './measure';

const last = lastMove();

export const ramFoldersActions: LessonActions = [
  {
    wrong: (session) => void save(session, '/root/photo.jpg'), // the system folder, not /tmp
    right: (session) => last.set(save(session, '/tmp/photo.jpg')),
    quoted: () => [formatBytes(ramGrowth(last.get())), formatBytes(overlayGrowth(last.get()))],
  },
  {
    wrong: (session) => void save(session, '/tmp/photo-2.jpg'), // /tmp again
    right: (session) => last.set(save(session, '/root/photo-2.jpg')),
    quoted: (session) => [
      formatBytes(overlayGrowth(last.get())),
      formatBytes(session.stick.usage().ram.temporaryOverlayBytes),
    ],
  },
  {
    wrong: (session) => void typeInto(session, 'restart'), // not a command: nothing restarts
    right: (session) => last.set(typeOk(session, 'reboot')),
    quoted: () => {
      const { before, after } = last.get();
      return [
        `from ${formatBytes(before.ram.tmpfsUsedBytes)} to ${formatBytes(after.ram.tmpfsUsedBytes)}`,
        `from ${formatBytes(overlayBytes(before))} to ${formatBytes(overlayBytes(after))}`,
      ];
    },
  },
  {
    wrong: (_session, run) => run.answer(2), // "any stick, if you save in /tmp"
    right: (_session, run) => run.answer(0),
    quoted: (session) => [formatBytes(overlayBytes(session.stick.usage()))],
  },
];
