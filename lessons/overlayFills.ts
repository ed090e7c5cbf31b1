// Lesson 2: the overlay fills. The learner reads the kernel's own line for the overlay, saves files in
// the system folder, and sees the gauge and the line move together: every change to the system costs
// overlay chunks.

import { msg, str } from '@lit/localize';
import { overlayGrowthBytes, typed } from '../src/lessons/conditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import { savedIn } from '../src/lessons/storeConditions';
import { DEFAULT_SANDBOX } from '../src/model/session/sandboxPlan';
import { formatBytes } from '../src/ui/format/sizes';

const STATUS = /^dmsetup\s+status\b/;
// Eight, not ten: the Files view's own size (10 MB) is 9.5 MiB, and one such file must be enough.
const GROWTH_BYTES = 8 * 1024 * 1024;

/** "A/B C": sectors used, sectors in all, metadata sectors, from a `dmsetup status` line. */
function statusNumbers(line: string | null): [string, string, string] {
  const match = / (\d+)\/(\d+) (\d+)$/.exec(line ?? '');
  return match ? [match[1]!, match[2]!, match[3]!] : ['?', '?', '?'];
}

export const overlayFills: Lesson = {
  id: 'overlay-fills',
  number: 2,
  title: () => msg('The overlay fills'),
  goal: () => msg('Every change to the system costs overlay space, and the kernel counts it in sectors.'),
  minutes: 6,
  stick: DEFAULT_SANDBOX,
  onYourStick: true,
  steps: [
    {
      id: 'read-status',
      instruction: () => msg('In the terminal, type dmsetup status and press Enter.'),
      done: (facts) => typed(facts, STATUS),
      hints: [
        () => msg('Click in the black terminal box first, then type the two words.'),
        () => msg('Type exactly: dmsetup status'),
      ],
      explain: ({ change }) => {
        const [used, total, metadata] = statusNumbers(change.after.overlay.statusLine);
        return msg(
          str`That is the kernel talking about the overlay. ${used}/${total} means ${used} of its ${total} sectors (pieces of 512 bytes) are used; ${metadata} of them hold the overlay's own table.`,
        );
      },
    },
    {
      id: 'fill-ten',
      instruction: () =>
        msg('Open the system folder in Files and save files there until the overlay has grown by 8 MiB.'),
      done: (facts) => overlayGrowthBytes(facts) >= GROWTH_BYTES,
      // A photo is 3 MB: the first saves are on the way to 8 MiB.
      onTheWay: (facts, stick) => savedIn(facts, stick) === 'overlay',
      hints: [
        () => msg('The “System folder” button is above the list of files.'),
        () => msg('A photo is about 3 MB: save a few, or one video.'),
      ],
      explain: (facts) =>
        msg(
          str`The overlay grew by ${formatBytes(overlayGrowthBytes(facts))}: everything saved outside home.img and the RAM folders is copied into it, chunk by chunk.`,
        ),
    },
    {
      id: 'read-again',
      instruction: () => msg('Type dmsetup status again. Which number grew?'),
      done: (facts) => typed(facts, STATUS),
      hints: [() => msg('Press the Up arrow in the terminal to get the command back.')],
      explain: ({ change, lessonStart }) => {
        const [before] = statusNumbers(lessonStart.overlay.statusLine);
        const [after] = statusNumbers(change.after.overlay.statusLine);
        return msg(
          str`Since the lesson began, the first number went from ${before} to ${after} sectors. It only ever grows: the overlay never gives space back.`,
        );
      },
    },
  ],
};
