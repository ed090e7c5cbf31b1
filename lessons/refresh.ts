// Lesson 11: refresh. The learner reads what a software update cost the overlay and sees the stick's own
// files, then refreshes the stick with the "Refresh or reset…" window (livecd-tools' editliveos: the
// overlay folded into a new squashfs.img, the overlay started afresh) and finds the update still there,
// then makes a new change and resets the overlay (`--reset-overlay`): the change is forgotten, the update
// stays in the base. Only the Invalid overlay stays a question: reaching it takes filling the overlay,
// which lesson 9 already does, and a refresh would just be refused. The terminal's livecd-iso-to-disk
// still only plans: the real `--reset-overlay` reinstalls from an image on another computer.

import { msg, str } from '@lit/localize';
import { did, overlayGrowthBytes, typed } from '../src/lessons/conditions';
import { savedIn } from '../src/lessons/storeConditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import type { SandboxChoices } from '../src/model/session/sandboxPlan';
import { formatBytes, percentOf } from '../src/ui/format/sizes';

const MIB = 1024 * 1024;
const STICK: SandboxChoices = { era: 'soas-2012', stickGb: 1, overlayMib: 64, homeMib: 32 };
export const UPDATE_PATH = '/usr/lib/update.bin';
const LIST = 'ls -l /mnt/live/LiveOS';
const UPDATE_LINE = /^ls\b.*\s\/usr\/lib\/update\.bin$/;

export const refresh: Lesson = {
  id: 'refresh',
  number: 11,
  title: () => msg('Refresh'),
  goal: () =>
    msg(
      'A refresh folds the overlay into a new system image and starts an empty overlay; a reset only forgets.',
    ),
  minutes: 8,
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
          str`${allocatedSectors} of ${totalSectors} sectors are used: ${percentOf(allocatedSectors, totalSectors)} %. The update takes that room in the overlay, like every change since the stick was made.`,
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
      id: 'refresh',
      instruction: () =>
        msg(
          'Refresh the stick: press “Refresh or reset…” beside Reboot, then “Refresh the stick”. Like the editliveos tool, it folds the overlay into a new squashfs.img.',
        ),
      done: (facts) => did(facts, 'refresh-stick') !== null,
      hints: [
        () => msg('A reboot alone keeps everything in the overlay. The refresh is in its own window.'),
        () => msg('“Refresh or reset…” is at the top right of “Where the space goes”.'),
      ],
      explain: ({ change }) => {
        const { before, after } = change;
        return msg(
          str`The overlay went from ${before.overlay.allocatedSectors} to ${after.overlay.allocatedSectors} sectors used: it starts again, nearly empty. squashfs.img grew from ${formatBytes(before.device.images.squashfsBytes)} to ${formatBytes(after.device.images.squashfsBytes)}, because the changes are packed into it; the stick has ${formatBytes(after.device.freeBytes)} free now.`,
        );
      },
    },
    {
      id: 'still-there',
      instruction: () => msg(str`Is the update still there? Type ls -l ${UPDATE_PATH}`),
      done: (facts) => typed(facts, UPDATE_LINE),
      hints: [() => msg(str`Type exactly: ls -l ${UPDATE_PATH}`)],
      explain: ({ change }) => {
        const { overlay, device } = change.after;
        return msg(
          str`It is still there, but the overlay has only ${overlay.allocatedSectors} sectors used: the update is read from squashfs.img (${formatBytes(device.images.squashfsBytes)}) now, part of the system, as if the stick had been made with it.`,
        );
      },
    },
    {
      id: 'new-change',
      instruction: () =>
        msg('Make a new change: save a photo in the System folder. Where does it go, after the refresh?'),
      done: (facts, stick) => savedIn(facts, stick) === 'overlay',
      hints: [
        () => msg('A photo in your home goes to home.img: the System folder is the one in the overlay.'),
        () => msg('Click “System folder” in Files, then “Photo · 3 MB”.'),
      ],
      explain: (facts) =>
        msg(
          str`It went into the fresh overlay: ${formatBytes(overlayGrowthBytes(facts))} more, ${facts.change.after.overlay.allocatedSectors} sectors used now. Every change since the refresh is kept there.`,
        ),
    },
    {
      id: 'reset',
      instruction: () =>
        msg(
          'Now reset the overlay, as livecd-iso-to-disk --reset-overlay does: “Refresh or reset…”, then “Reset the overlay…”, and say yes. What is forgotten?',
        ),
      done: (facts) => did(facts, 'reset-overlay') !== null,
      hints: [
        () => msg('A reboot keeps the photo: only a reset forgets the overlay’s changes.'),
        () => msg('A reset asks first, because it loses work: answer “Yes, forget the changes”.'),
      ],
      explain: ({ change }) =>
        msg(
          str`The overlay went back from ${change.before.overlay.allocatedSectors} to ${change.after.overlay.allocatedSectors} sectors: the photo is gone. The update stays, because since the refresh it is in squashfs.img (${formatBytes(change.after.device.images.squashfsBytes)}). A reset is quick, but it forgets every change since the last refresh; only home.img keeps your work.`,
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
