// Lesson 9: Full! A small overlay, nearly full from the start; the learner's next save outside home.img
// needs more chunks than are left, and the 2012 kernel marks the whole snapshot Invalid: the status line
// loses its numbers and the system reads as input/output errors. Today's kernel (4.3 and later, `PO`
// store) refuses the write instead, reports Overflow and turns the root read-only: the learner predicts it,
// then sees it on a stick of today.

import { msg, str } from '@lit/localize';
import { madeStick, overlayPercent, typed } from '../src/lessons/conditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import type { StickUsage } from '../src/model/stick/usageSummary';
import { SECTOR_BYTES } from '../src/model/units';
import { formatBytes } from '../src/ui/format/sizes';

const STATUS = /^dmsetup\s+status\b/;
const MIB = 1024 * 1024;
/** In a placeholder: lit-localize 0.8 would show `>` in a message as `&gt;` (docs/languages.md). */
const TRY_WRITING = 'echo hi > /root/note.txt';

const freeBytes = ({ overlay }: StickUsage) =>
  (overlay.totalSectors - overlay.allocatedSectors) * SECTOR_BYTES;

export const overlayFull: Lesson = {
  id: 'overlay-full',
  number: 9,
  title: () => msg('Full!'),
  goal: () => msg('When the overlay runs out, the 2012 stick breaks, and today’s turns read-only.'),
  minutes: 6,
  // A small overlay, so that one photo is enough; home.img to show it is a place apart.
  stick: { era: 'soas-2012', stickGb: 1, overlayMib: 32, homeMib: 100 },
  // About 91% full: the Files view's photo (3 MB) no longer fits, a few small files still do.
  scene: [{ type: 'write-file', path: '/root/old-video.ogv', sizeBytes: 29 * MIB }],
  steps: [
    {
      id: 'nearly-full',
      instruction: () =>
        msg('This stick’s overlay is nearly full. Type dmsetup status and find the live-rw line.'),
      done: (facts) => typed(facts, STATUS),
      hints: [() => msg('Click in the terminal, type dmsetup status and press Enter.')],
      explain: ({ change }) =>
        msg(
          str`The overlay is ${Math.floor(overlayPercent(change.after))}% full: only ${formatBytes(freeBytes(change.after))} of chunks are left.`,
        ),
    },
    {
      id: 'one-more',
      instruction: () => msg('Now save one photo in the system folder.'),
      done: ({ change }) => change.after.overlay.state === 'Invalid',
      hints: [
        () => msg('In Files, press “System folder”, then “Photo”.'),
        () => msg('A photo in /home goes into home.img, not the overlay: use the system folder.'),
      ],
      explain: ({ start }) =>
        msg(
          str`The last write needed more chunks than the ${formatBytes(freeBytes(start))} left. The 2012 kernel then marks the whole overlay Invalid: the write failed, and the gauge shows Invalid.`,
        ),
    },
    {
      id: 'invalid',
      instruction: () => msg('Type dmsetup status again. What does the live-rw line say now?'),
      done: (facts) => typed(facts, STATUS) && facts.change.after.overlay.state === 'Invalid',
      hints: [() => msg('Press the Up arrow in the terminal to get the command back.')],
      explain: ({ change }) =>
        msg(
          str`“${change.after.overlay.statusLine ?? ''}”: no numbers any more. The kernel has given up on the overlay, so reading the system now gives input/output errors (try ls /root). home.img still works: it is a file of its own.`,
        ),
    },
    {
      id: 'today',
      instruction: () =>
        msg(
          'A stick made today (Linux 4.3 or later, store type PO) runs out the same way. What happens then?',
        ),
      done: () => false,
      question: {
        choices: () => [
          msg('The same: the overlay turns Invalid'),
          msg(
            'The write is refused, the status says Overflow and the system turns read-only; the overlay stays good',
          ),
          msg('The overlay grows bigger by itself'),
        ],
        answer: 1,
      },
      hints: [() => msg('The kernel learned to say “no” to one write instead of breaking everything.')],
      explain: () =>
        msg(
          'Overflow. The newer kernel refuses the write that does not fit and keeps the overlay valid. The system goes read-only, so nothing more can be saved outside /home and RAM, but your files can still be read and copied off.',
        ),
    },
    {
      id: 'overflow',
      instruction: () =>
        msg(
          'See it: press “New stick”, choose Fedora today and an overlay of 64 MiB, make the stick, then save a video in the system folder.',
        ),
      done: ({ change }) => change.after.overlay.state === 'Overflow',
      // Today's stick comes first (from the era menu, then the window for its size, or the window alone).
      onTheWay: (facts) => madeStick(facts)?.era === 'fedora-today',
      hints: [
        () =>
          msg('In the “Make a new stick” window, the era is the first choice; type 64 in the overlay box.'),
        () => msg('A video is 200 MB: far more than 64 MiB.'),
      ],
      explain: ({ change }) =>
        msg(
          str`“${change.after.overlay.statusLine ?? ''}”. The kernel refused the write with ${formatBytes(freeBytes(change.before))} left, and the overlay stays good. The system is read-only now: try ${TRY_WRITING}.`,
        ),
    },
  ],
};
