// Lesson 1: meet your stick. The learner saves the same photo in each of the four places data can live
// (the overlay, home.img, the RAM folders, the stick's own space) and sees that each save grows only its
// own place; then says which of them forgets at reboot.

import { msg, str } from '@lit/localize';
import type { Lesson } from '../src/lessons/lessonTypes';
import {
  deviceBytesOf,
  homeBytesOf,
  overlayBytesOf,
  ramBytesOf,
  savedBytes,
  savedIn,
} from '../src/lessons/storeConditions';
import { DEFAULT_SANDBOX } from '../src/model/session/sandboxPlan';
import { formatBytes } from '../src/ui/format/sizes';

const photoHint = () => msg('Click the “Photo” button to save one there.');

export const meetYourStick: Lesson = {
  id: 'meet-your-stick',
  number: 1,
  title: () => msg('Meet your stick'),
  goal: () =>
    msg(
      'Your stick keeps data in four places: the overlay, home.img, the RAM folders and its own free space.',
    ),
  minutes: 6,
  stick: DEFAULT_SANDBOX,
  onYourStick: true,
  steps: [
    {
      id: 'save-system',
      instruction: () =>
        msg('In Files, open the System folder and save a photo there. Watch the overlay gauge.'),
      done: (facts, stick) => savedIn(facts, stick) === 'overlay',
      hints: [() => msg('The “System folder” button is above the list of files.'), photoHint],
      explain: (facts) =>
        msg(
          str`The photo is ${formatBytes(savedBytes(facts))}, and the overlay grew by ${formatBytes(overlayBytesOf(facts.change))}. Every change to the system is copied into the overlay, a file of fixed size on the stick.`,
        ),
    },
    {
      id: 'save-home',
      instruction: () => msg('Now open My home and save a photo there. Which part of the stick grows?'),
      done: (facts, stick) => savedIn(facts, stick) === 'home',
      hints: [() => msg('The “My home” button is above the list of files.'), photoHint],
      explain: ({ change }) =>
        msg(
          str`This time home.img grew by ${formatBytes(homeBytesOf(change))} and the overlay by ${formatBytes(overlayBytesOf(change))}. home.img is another file on the stick, just for your own things: your home folder lives in it.`,
        ),
    },
    {
      id: 'save-ram',
      instruction: () => msg('Open /tmp and save a photo there.'),
      done: (facts, stick) => savedIn(facts, stick) === 'ram',
      hints: [() => msg('The “/tmp” button is above the list of files.'), photoHint],
      explain: ({ change }) =>
        msg(
          str`The RAM folders grew by ${formatBytes(ramBytesOf(change))}; the overlay grew by ${formatBytes(overlayBytesOf(change))} and home.img by ${formatBytes(homeBytesOf(change))}. /tmp is not on the stick at all: it lives in the computer's memory (RAM).`,
        ),
    },
    {
      id: 'save-device',
      instruction: () => msg('Last place: open The stick itself and save a photo there.'),
      done: (facts, stick) => savedIn(facts, stick) === 'device',
      hints: [() => msg('The “The stick itself” button is above the list of files.'), photoHint],
      explain: ({ change }) =>
        msg(
          str`The photo went straight onto the stick, beside the overlay file and home.img: the stick's own space went down by ${formatBytes(deviceBytesOf(change))}, and ${formatBytes(change.after.device.freeBytes)} is still free.`,
        ),
    },
    {
      id: 'which-forgets',
      instruction: () =>
        msg('You saved a photo in four places. Which one forgets it when the computer restarts?'),
      done: () => false,
      question: {
        choices: () => [msg('The overlay'), msg('home.img'), msg('/tmp (RAM)'), msg('The stick itself')],
        answer: 2,
      },
      hints: [() => msg('Which place was not on the stick at all?')],
      explain: ({ change }) =>
        msg(
          str`Right: the RAM folders hold ${formatBytes(change.after.ram.tmpfsUsedBytes)} now, and all of it is gone after a restart. The overlay, home.img and the stick's own space are on the stick, so they keep what you saved.`,
        ),
    },
  ],
};
