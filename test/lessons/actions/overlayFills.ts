// Lesson 2: dmsetup status, 8 MiB into the overlay, dmsetup status again; the nearest mistakes are
// another dmsetup line and the same bytes saved in home.img.

import type { Session } from '../../../src/model/session/Session';
import type { StickUsage } from '../../../src/model/stick/usageSummary';
import { formatBytes } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';
import { overlayBytes, save } from './measure';

const MIB = 1024 * 1024;

/** Used, total and metadata sectors of the kernel's line for the overlay. */
function statusNumbers(usage: StickUsage): string[] {
  const match = / (\d+)\/(\d+) (\d+)$/.exec(usage.overlay.statusLine ?? '');
  if (!match) throw new Error(`no status line: ${usage.overlay.statusLine}`);
  return [match[1]!, match[2]!, match[3]!];
}

let lessonStart: StickUsage;
let stepStart: StickUsage;
const begin = (session: Session) => (stepStart = session.stick.usage());

export const overlayFillsActions: LessonActions = [
  {
    wrong: (session) => {
      lessonStart = session.stick.usage();
      typeInto(session, 'dmsetup table'); // another dmsetup command
    },
    right: (session) => void typeInto(session, 'dmsetup status'),
    quoted: (session) => {
      const [used, total, metadata] = statusNumbers(session.stick.usage());
      return [`${used}/${total}`, `${metadata} of them`];
    },
  },
  {
    wrong: (session) => {
      begin(session);
      save(session, '/home/liveuser/big.bin', 12 * MIB); // home.img, not the system folder
    },
    right: (session) => void save(session, '/root/big.bin', 12 * MIB),
    quoted: (session) => [formatBytes(overlayBytes(session.stick.usage()) - overlayBytes(stepStart))],
  },
  {
    wrong: (session) => void typeInto(session, 'dmsetup ls'),
    right: (session) => void typeInto(session, 'dmsetup status'),
    quoted: (session) => [
      `from ${statusNumbers(lessonStart)[0]} to ${statusNumbers(session.stick.usage())[0]} sectors`,
    ],
  },
];
