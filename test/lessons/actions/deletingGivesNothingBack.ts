// Lesson 3: delete the scene's photo, save a new one on its chunks, rewrite it in place with dd; the
// nearest mistakes are the same actions in home.img, and dd without conv=notrunc.

import type { StickUsage } from '../../../src/model/stick/usageSummary';
import { formatBytes } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';
import { PHOTO, lastMove, overlayBytes, overlayGrowth, remove, save, typeOk } from './measure';

const REWRITE = 'dd if=/dev/zero of=/root/photo.jpg bs=1M count=2';
const last = lastMove();
let lessonStart: StickUsage;

export const deletingGivesNothingBackActions: LessonActions = [
  {
    wrong: (session) => {
      lessonStart = session.stick.usage();
      save(session, '/home/liveuser/photo.jpg'); // a photo deleted in home.img, not the system folder
      remove(session, '/home/liveuser/photo.jpg');
    },
    right: (session) => last.set(remove(session, '/root/photo.jpg')),
    quoted: () => [formatBytes(overlayGrowth(last.get()))],
  },
  {
    wrong: (session) => void save(session, '/home/liveuser/photo-2.jpg'), // in home.img
    right: (session) => last.set(save(session, '/root/photo.jpg')),
    quoted: () => [formatBytes(PHOTO), formatBytes(overlayGrowth(last.get()))],
  },
  {
    wrong: (session) => void typeInto(session, REWRITE), // without conv=notrunc: cuts the file first
    right: (session) => last.set(typeOk(session, `${REWRITE} conv=notrunc`)),
    quoted: () => [formatBytes(overlayGrowth(last.get()))],
  },
  {
    wrong: (_session, run) => run.answer(0), // "it gets 3 MB back"
    right: (_session, run) => run.answer(1),
    quoted: (session) => [
      formatBytes(overlayBytes(lessonStart)),
      formatBytes(overlayBytes(session.stick.usage())),
    ],
  },
];
