// Lesson 11: refresh. The learner reads what a software update cost the overlay and sees the stick's own
// files, then answers what a refresh (livecd-tools' editliveos: the overlay folded into a new squashfs.img,
// the overlay started afresh) and a reset (`--reset-overlay`: the changes forgotten) would do. Neither can
// be done from the session or the terminal (the terminal's livecd-iso-to-disk only plans), so those steps
// are questions; test/lessons/refresh.test.ts checks each answer against the model's own refresh and reset.

import { msg, str } from '@lit/localize';
import { typed } from '../src/lessons/conditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import type { SandboxChoices } from '../src/model/session/sandboxPlan';
import { formatBytes, percentOf } from '../src/ui/format/sizes';

const MIB = 1024 * 1024;
const STICK: SandboxChoices = { era: 'soas-2012', stickGb: 1, overlayMib: 64, homeMib: 32 };
export const UPDATE_PATH = '/usr/lib/update.bin';
const LIST = 'ls -l /mnt/live/LiveOS';

export const refresh: Lesson = {
  id: 'refresh',
  number: 11,
  title: () => msg('Refresh'),
  goal: () =>
    msg(
      'A refresh folds the overlay into a new system image and starts an empty overlay; a reset only forgets.',
    ),
  minutes: 6,
  stick: STICK,
  scene: [{ type: 'write-file', path: UPDATE_PATH, sizeBytes: 20 * MIB }],
  steps: [
    {
      id: 'read',
      instruction: () =>
        msg(
          str`This stick got a software update of 20 MiB, saved as ${UPDATE_PATH}. Type dmsetup status: how much of the overlay is used?`,
        ),
      done: (facts) => typed(facts, /^dmsetup\s+status\b/),
      hints: [() => msg('Type exactly: dmsetup status')],
      explain: ({ change }) => {
        const { allocatedSectors, totalSectors } = change.after.overlay;
        return msg(
          str`${allocatedSectors} of ${totalSectors} sectors are used: ${percentOf(allocatedSectors, totalSectors)} %. The update stays in the overlay for good, like every change since the stick was made.`,
        );
      },
    },
    {
      id: 'files',
      instruction: () => msg(str`Look at the stick's own files. Type ${LIST}`),
      done: (facts) => typed(facts, /^ls\b.*\s\/mnt\/live\/LiveOS\/?$/),
      hints: [
        () => msg('/mnt/live is where a 2012 stick shows its own files.'),
        () => msg(str`Type exactly: ${LIST}`),
      ],
      explain: ({ change }) => {
        const { squashfsBytes, overlayBytes } = change.after.device.images;
        return msg(
          str`squashfs.img (${formatBytes(squashfsBytes)}) is the system as it was made, packed small: it never changes while the stick runs. The overlay file is ${formatBytes(overlayBytes)}, however full it is.`,
        );
      },
    },
    {
      id: 'where',
      instruction: () =>
        msg(
          str`A refresh (the editliveos tool) copies the system, with all its changes, into a new squashfs.img, and makes the overlay empty again. After a refresh, where is ${UPDATE_PATH}?`,
        ),
      done: () => false,
      question: {
        choices: () => [
          msg('Still in the overlay.'),
          msg('In the new squashfs.img, as part of the system.'),
          msg('Nowhere: it is lost.'),
        ],
        answer: 1,
      },
      hints: [() => msg('A refresh keeps the changes: it moves them.')],
      explain: () =>
        msg(
          'The update is part of the system now, as if the stick had been made with it. It still takes room on the stick, but no longer in the overlay.',
        ),
    },
    {
      id: 'after',
      instruction: () => msg('Right after a refresh, what does the stick look like?'),
      done: () => false,
      question: {
        choices: () => [
          msg('squashfs.img is the same, and the overlay is still full.'),
          msg('The overlay file is gone.'),
          msg('squashfs.img is bigger, and the overlay is nearly empty.'),
        ],
        answer: 2,
      },
      hints: [() => msg('The changes moved out of the overlay: into which file?')],
      explain: ({ change }) => {
        const { device, overlay } = change.after;
        return msg(
          str`Your overlay has ${overlay.allocatedSectors} sectors used now; after a refresh, the next boot starts it again with only a few. squashfs.img (${formatBytes(device.images.squashfsBytes)}) grows, because the update is packed into it: the stick needs free space for that, and it has ${formatBytes(device.freeBytes)}.`,
        );
      },
    },
    {
      id: 'reset',
      instruction: () =>
        msg(
          str`Since 2017, livecd-iso-to-disk has --reset-overlay: it only writes zeros over the first 64 KiB of the overlay file. What happens to ${UPDATE_PATH}?`,
        ),
      done: () => false,
      question: {
        choices: () => [
          msg('It goes into squashfs.img.'),
          msg('It is lost: the system is the old one again, with an empty overlay.'),
          msg('It goes into home.img.'),
        ],
        answer: 1,
      },
      hints: [
        () => msg('Zeros over the overlay’s header: the kernel finds no table of changes at the next boot.'),
      ],
      explain: () =>
        msg(
          'A reset is quick, but it forgets every change kept in the overlay. Only home.img (your /home) is left as it was: that is the place for work you want to keep.',
        ),
    },
    {
      id: 'invalid',
      instruction: () => msg('Can a refresh fold in an overlay that is Invalid?'),
      done: () => false,
      question: {
        choices: () => [
          msg('Yes, a refresh always works.'),
          msg('No: its changes cannot be read. Repair it first (lesson 10), or reset it and lose them.'),
        ],
        answer: 1,
      },
      hints: [() => msg('To fold the changes into a new image, a refresh must read every one of them.')],
      explain: () =>
        msg(
          'An Invalid overlay cannot be read, so there is nothing a refresh could copy. That is why a refresh is best done early, long before the overlay is full.',
        ),
    },
  ],
};
