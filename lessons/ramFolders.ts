// Lesson 5: RAM folders. On a stick made without an overlay file, the learner saves a photo in /tmp (RAM,
// no overlay) and one in the system folder (the overlay, which on this stick is temporary and in RAM too),
// then reboots: both are forgotten. Only an overlay file on the stick keeps system changes.

import { msg, str } from '@lit/localize';
import type { Lesson } from '../src/lessons/lessonTypes';
import { overlayBytesOf, ramBytesOf, rebooted, savedIn } from '../src/lessons/storeConditions';
import type { StickUsage } from '../src/model/stick/usageSummary';
import { SECTOR_BYTES } from '../src/model/units';
import { formatBytes } from '../src/ui/format/sizes';

const overlayUsed = (usage: StickUsage) => formatBytes(usage.overlay.allocatedSectors * SECTOR_BYTES);

export const ramFolders: Lesson = {
  id: 'ram-folders',
  number: 5,
  title: () => msg('RAM folders'),
  goal: () =>
    msg(
      '/tmp costs no overlay but is forgotten at reboot; a stick without an overlay file forgets everything.',
    ),
  minutes: 6,
  // No overlay file and no home.img: the installer's --overlay-size-mb and --home-size-mb left out.
  stick: { era: 'soas-2012', stickGb: 1, overlayMib: 0, homeMib: 0 },
  steps: [
    {
      id: 'save-tmp',
      instruction: () =>
        msg('This stick was made without an overlay file. In Files, open /tmp and save a photo there.'),
      done: (facts, stick) => savedIn(facts, stick) === 'ram',
      hints: [
        () => msg('The “/tmp” button is above the list of files.'),
        () => msg('Click the “Photo” button.'),
      ],
      explain: ({ change }) =>
        msg(
          str`The RAM folders grew by ${formatBytes(ramBytesOf(change))}, and the overlay by ${formatBytes(overlayBytesOf(change))}. /tmp lives in the computer's memory (RAM), so it never costs the overlay.`,
        ),
    },
    {
      id: 'save-system',
      instruction: () => msg('Now save a photo in the System folder.'),
      done: (facts, stick) => savedIn(facts, stick) === 'overlay',
      hints: [() => msg('The “System folder” button is above the list of files.')],
      explain: ({ change }) =>
        msg(
          str`The overlay grew by ${formatBytes(overlayBytesOf(change))}. But this stick has no overlay file: its overlay is a temporary one, kept in RAM like /tmp. It holds ${formatBytes(change.after.ram.temporaryOverlayBytes)} of RAM now.`,
        ),
    },
    {
      id: 'reboot',
      instruction: () => msg('Restart the computer with the Reboot button (or type reboot in the terminal).'),
      done: (facts) => rebooted(facts),
      hints: [
        () => msg('The Reboot button is beside the picture of the stick, under “Where the space goes”.'),
      ],
      explain: ({ change }) =>
        msg(
          str`After the restart the RAM folders went from ${formatBytes(change.before.ram.tmpfsUsedBytes)} to ${formatBytes(change.after.ram.tmpfsUsedBytes)}, and the overlay from ${overlayUsed(change.before)} to ${overlayUsed(change.after)}: a new one, nearly empty. Both photos are gone.`,
        ),
    },
    {
      id: 'which-keeps',
      instruction: () => msg('Which stick keeps your changes to the system after a restart?'),
      done: () => false,
      question: {
        choices: () => [
          msg('A stick with an overlay file'),
          msg('A stick without an overlay file'),
          msg('Any stick, if you save in /tmp'),
        ],
        answer: 0,
      },
      hints: [() => msg('Where was this stick’s overlay kept?')],
      explain: ({ change }) =>
        msg(
          str`Right. An overlay file keeps the changes on the stick. Without one the overlay lives in RAM: it uses ${overlayUsed(change.after)} now, and every restart empties it again.`,
        ),
    },
  ],
};
