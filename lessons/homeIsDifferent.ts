// Lesson 4: home is different. The learner saves a photo in /home/liveuser and deletes it: home.img, an
// ordinary filesystem, gets the space back. The same two actions in the system folder give the overlay
// nothing back.

import { msg, str } from '@lit/localize';
import { overlayGrowthBytes } from '../src/lessons/conditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import { deletedFrom, homeBytesOf, overlayBytesOf, savedIn } from '../src/lessons/storeConditions';
import { DEFAULT_SANDBOX } from '../src/model/session/sandboxPlan';
import type { StickUsage } from '../src/model/stick/usageSummary';
import { SECTOR_BYTES } from '../src/model/units';
import { formatBytes } from '../src/ui/format/sizes';

const homeUsed = (usage: StickUsage) => formatBytes(usage.home?.usedBytes ?? 0);
const homeSize = (usage: StickUsage) => formatBytes(usage.home?.sizeBytes ?? 0);

export const homeIsDifferent: Lesson = {
  id: 'home-is-different',
  number: 4,
  title: () => msg('Home is different'),
  goal: () =>
    msg('Deleting a file in your home folder gives its space back in home.img; in the overlay it does not.'),
  minutes: 6,
  stick: DEFAULT_SANDBOX,
  onYourStick: true,
  steps: [
    {
      id: 'save-home',
      instruction: () => msg('Open My home in Files and save a photo there.'),
      done: (facts, stick) => savedIn(facts, stick) === 'home',
      hints: [
        () => msg('The “My home” button is above the list of files.'),
        () => msg('Click the “Photo” button.'),
      ],
      explain: ({ change }) =>
        msg(
          str`home.img grew by ${formatBytes(homeBytesOf(change))}: it now uses ${homeUsed(change.after)} of ${homeSize(change.after)}. The overlay grew by ${formatBytes(overlayBytesOf(change))}.`,
        ),
    },
    {
      id: 'delete-home',
      instruction: () => msg('Now delete that photo. Does home.img get its space back?'),
      done: (facts, stick) => deletedFrom(facts, stick) === 'home' && homeBytesOf(facts.change) < 0,
      hints: [() => msg('Click “Delete” beside the photo in My home.')],
      explain: ({ change }) =>
        msg(
          str`Yes: home.img got ${formatBytes(-homeBytesOf(change))} back: it now uses ${homeUsed(change.after)}. home.img is an ordinary filesystem, not an overlay: the blocks a deleted file leaves free are used again by the next one.`,
        ),
    },
    {
      id: 'same-in-system',
      instruction: () => msg('Do the same in the System folder: save a photo there, then delete it.'),
      done: (facts, stick) => deletedFrom(facts, stick) === 'overlay',
      // The photo to delete is saved first.
      onTheWay: (facts, stick) => savedIn(facts, stick) === 'overlay',
      hints: [
        () => msg('The “System folder” button is above the list of files.'),
        () => msg('Click “Photo”, then “Delete” beside the new photo.'),
      ],
      explain: (facts) =>
        msg(
          str`Deleting it gave nothing back: the delete itself cost ${formatBytes(overlayBytesOf(facts.change))} more, and since this step began the overlay grew by ${formatBytes(overlayGrowthBytes(facts))}. Its chunks stay copied for good.`,
        ),
    },
    {
      id: 'where-to-keep',
      instruction: () => msg('Where is the best place for photos you may delete later?'),
      done: () => false,
      question: {
        choices: () => [msg('The System folder (the overlay)'), msg('My home (home.img)')],
        answer: 1,
      },
      hints: [() => msg('Which place got its space back when you deleted?')],
      explain: ({ change }) =>
        msg(
          str`Right. home.img uses ${homeUsed(change.after)} of ${homeSize(change.after)} and can give space back; the overlay has ${formatBytes(change.after.overlay.allocatedSectors * SECTOR_BYTES)} in use, and it keeps every chunk.`,
        ),
    },
  ],
};
