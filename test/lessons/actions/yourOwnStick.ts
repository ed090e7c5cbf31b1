// Lesson 12's learner: the neighbouring figure of the recorded line for each question, then another
// dmsetup question before dmsetup status on the simulated stick.

import { RECORDED_STATUS } from '../../../lessons/yourOwnStick';
import type { Session } from '../../../src/model/session/Session';
import { formatBytes, percentOf } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';

/** The recorded line read as a learner reads it: origin, used/total, metadata. */
const [origin, used, total, metadata] = /^0 (\d+) snapshot (\d+)\/(\d+) (\d+)$/
  .exec(RECORDED_STATUS)!
  .slice(1)
  .map(Number) as [number, number, number, number];

export const yourOwnStickActions: LessonActions = [
  {
    // The total, next to the used sectors.
    wrong: (_, run) => run.answer(2),
    right: (_, run) => run.answer(1),
    quoted: () => [`${used} sectors are used out of ${total}`, `${origin}`, `${metadata}`],
  },
  {
    // The used sectors' size, not the whole overlay's.
    wrong: (_, run) => run.answer(0),
    right: (_, run) => run.answer(1),
    quoted: () => [`${total * 512} bytes`, formatBytes(total * 512)],
  },
  {
    wrong: (_, run) => run.answer(2), // the metadata figure, 56
    right: (_, run) => run.answer(1),
    quoted: () => [`${Math.round((100 * used) / total)} %`, formatBytes((total - used) * 512)],
  },
  { wrong: (_, run) => run.answer(2), right: (_, run) => run.answer(1), quoted: () => [] },
  {
    wrong: (session) => void typeInto(session, 'dmsetup table'),
    right: (session) => void typeInto(session, 'dmsetup status'),
    quoted: (session: Session) => {
      const { allocatedSectors, totalSectors, metadataSectors } = session.stick.usage().overlay;
      return [
        `${allocatedSectors} of ${totalSectors} sectors used`,
        `${percentOf(allocatedSectors, totalSectors)} % of ${formatBytes(totalSectors * 512)}`,
        `${metadataSectors} of them`,
      ];
    },
  },
];
