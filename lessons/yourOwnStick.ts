// Lesson 12: your own stick. The learner reads a real `dmsetup status` line, recorded by the kernel lab
// on Linux (test/fixtures/kernel/b_overflow_P.json: a 16 MiB overlay after 4 MiB were written, then
// after it ran out), answers what each number means, and types the same command on the simulated stick
// to compare the two.

import { msg, str } from '@lit/localize';
import { typed } from '../src/lessons/conditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import { statusFigures } from '../src/lessons/rescueConditions';
import { DEFAULT_SANDBOX } from '../src/model/session/sandboxPlan';
import { formatBytes, percentOf } from '../src/ui/format/sizes';

const SECTOR_BYTES = 512;

/** `dmsetup status live-rw` as the lab's stick answered it (steps write_keep4M and overflow_write). */
export const RECORDED_STATUS = '0 262144 snapshot 10392/32768 56';
export const RECORDED_INVALID = '0 262144 snapshot Invalid';

const recorded = statusFigures(RECORDED_STATUS)!;
const used = recorded.used!;
const total = recorded.total!;
/** Rounded, as a learner works it out on paper (31.7 → 32). */
const recordedPercent = Math.round((100 * used) / total);

export const yourOwnStick: Lesson = {
  id: 'your-own-stick',
  number: 12,
  title: () => msg('Your own stick'),
  goal: () =>
    msg(
      'The dmsetup status line of any stick says how much of its overlay is used, and whether it still works.',
    ),
  minutes: 6,
  stick: DEFAULT_SANDBOX,
  onYourStick: true,
  steps: [
    {
      id: 'used',
      instruction: () =>
        msg(
          str`A real computer running Linux, with a 16 MiB overlay, answered dmsetup status live-rw with this line: ${RECORDED_STATUS}. Which number counts the sectors its overlay has used?`,
        ),
      done: () => false,
      question: {
        choices: () => [`${recorded.originSectors}`, `${used}`, `${total}`, `${recorded.metadata}`],
        answer: 1,
      },
      hints: [
        () => msg('Used and total are written together, with a slash between them.'),
        () => msg(str`It is the number before the slash: ${used}.`),
      ],
      explain: () =>
        msg(
          str`${used} sectors are used out of ${total}. ${recorded.originSectors} is the size of the system under the overlay, and ${recorded.metadata} of the used sectors hold the overlay's own bookkeeping: its header and the table of where each chunk went.`,
        ),
    },
    {
      id: 'size',
      instruction: () => msg(str`A sector is 512 bytes. How big is that overlay in all (${total} sectors)?`),
      done: () => false,
      question: {
        choices: () => [
          formatBytes(used * SECTOR_BYTES),
          formatBytes(total * SECTOR_BYTES),
          formatBytes(total),
        ],
        answer: 1,
      },
      hints: [() => msg(str`Multiply ${total} by 512, then divide by 1024 twice to get MiB.`)],
      explain: () =>
        msg(
          str`${total} × 512 = ${total * SECTOR_BYTES} bytes, which is ${formatBytes(total * SECTOR_BYTES)}: the size of the whole overlay file.`,
        ),
    },
    {
      id: 'percent',
      instruction: () => msg(str`How full is that overlay? (${used} of ${total} sectors)`),
      done: () => false,
      question: {
        choices: () => ['3 %', `${recordedPercent} %`, '56 %', '99 %'],
        answer: 1,
      },
      hints: [() => msg(str`Divide ${used} by ${total}, then multiply by 100.`)],
      explain: () =>
        msg(
          str`${used} ÷ ${total} × 100 is about ${recordedPercent}: ${recordedPercent} % used, ${formatBytes((total - used) * SECTOR_BYTES)} still free. The gauge in Cellar does the same sum.`,
        ),
    },
    {
      id: 'invalid',
      instruction: () =>
        msg(
          str`Later, after it ran out of room, the same overlay answered: ${RECORDED_INVALID}. What does Invalid mean?`,
        ),
      done: () => false,
      question: {
        choices: () => [
          msg('The stick was unplugged.'),
          msg(
            'The overlay ran out of room, and the kernel stopped using it: nothing in it can be read or saved.',
          ),
          msg('The overlay was emptied to make room.'),
        ],
        answer: 1,
      },
      hints: [() => msg('The numbers are gone: the kernel does not trust the overlay any more.')],
      explain: () =>
        msg(
          'On a 2012 stick, the kernel marks the overlay Invalid when its last chunk is used: the numbers are gone, and the stick no longer starts. Your changes are still in the overlay file, and lesson 10 shows how to get them back.',
        ),
    },
    {
      id: 'compare',
      instruction: () =>
        msg('Now ask the simulated stick: type dmsetup status in the terminal, and read its live-rw line.'),
      done: (facts) => typed(facts, /^dmsetup\s+status\b/),
      hints: [() => msg('Type exactly: dmsetup status')],
      explain: ({ change }) => {
        const figures = statusFigures(change.after.overlay.statusLine);
        if (!figures || figures.used === null || figures.total === null)
          return msg(
            str`Your stick says ${change.after.overlay.statusLine ?? '?'}: its overlay does not work, like the recorded one at the end.`,
          );
        return msg(
          str`Your stick: ${figures.used} of ${figures.total} sectors used, ${percentOf(figures.used, figures.total)} % of ${formatBytes(figures.total * SECTOR_BYTES)}, and ${figures.metadata} of them for the table. The recorded overlay was ${recordedPercent} % full, of ${formatBytes(total * SECTOR_BYTES)}. On your own stick, the same command, run as root, gives a line you can read the same way; the Real stick mode reads it for you.`,
        );
      },
    },
  ],
};
