// Lesson 3: deleting does not give space back. The learner deletes a photo in the system folder and sees
// the overlay grow instead of shrink; then saves a new one in the space it left, and rewrites it in place,
// and sees that writing again into chunks the overlay has already copied costs (almost) nothing.

import { msg, str } from '@lit/localize';
import { typed } from '../src/lessons/conditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import { deletedFrom, overlayBytesOf, savedBytes, savedIn } from '../src/lessons/storeConditions';
import { DEFAULT_SANDBOX } from '../src/model/session/sandboxPlan';
import { SECTOR_BYTES } from '../src/model/units';
import { formatBytes } from '../src/ui/format/sizes';

const PHOTO_PATH = '/root/photo.jpg';
const PHOTO_BYTES = 3_000_000;
/** The line the step gives, its operands in any order (the explanation says 2 MiB). */
const REWRITE =
  /^dd\s(?=.*\bof=\/root\/photo\.jpg(?:\s|$))(?=.*\sbs=1M\b)(?=.*\scount=2\b)(?=.*\sconv=notrunc\b)/;
/** A few chunks for the file's own records; a rewrite that copied its data would cost megabytes. */
const BOOKKEEPING_BYTES = 256 * 1024;

export const deletingGivesNothingBack: Lesson = {
  id: 'deleting-gives-nothing-back',
  number: 3,
  title: () => msg('Deleting does not give space back'),
  goal: () =>
    msg(
      'Chunks once copied into the overlay stay there: deleting frees none, but writing into them again is free.',
    ),
  minutes: 7,
  stick: DEFAULT_SANDBOX,
  onYourStick: true,
  // A photo already in the system folder, so its chunks are in the overlay.
  scene: [{ type: 'write-file', path: PHOTO_PATH, sizeBytes: PHOTO_BYTES }],
  steps: [
    {
      id: 'delete-photo',
      instruction: () =>
        msg('The System folder holds photo.jpg. Delete it, and watch the overlay gauge: does it go down?'),
      // Files' Delete or the terminal's rm; a move takes it away too, but it is not a delete.
      done: (facts, stick) => deletedFrom(facts, stick) === 'overlay' && !stick.stat(PHOTO_PATH).ok,
      hints: [
        () => msg('Open the System folder in Files: photo.jpg is in the list.'),
        () => msg('Click “Delete” beside photo.jpg.'),
      ],
      explain: ({ change }) =>
        msg(
          str`The overlay did not go down: it even grew by ${formatBytes(overlayBytesOf(change))}, to note that the photo is gone. The photo's chunks stay in the overlay; the overlay never gives a chunk back.`,
        ),
    },
    {
      id: 'save-again',
      instruction: () => msg('Now save a new photo in the System folder. Will it cost another 3 MB?'),
      done: (facts, stick) =>
        savedIn(facts, stick) === 'overlay' && overlayBytesOf(facts.change) < savedBytes(facts) / 2,
      hints: [
        () => msg('Click “Photo” in the System folder.'),
        () => msg('Save something no bigger than the photo you deleted: a photo is just right.'),
      ],
      explain: (facts) =>
        msg(
          str`The new photo is ${formatBytes(savedBytes(facts))}, but the overlay grew by only ${formatBytes(overlayBytesOf(facts.change))}. The filesystem put it where the old photo was, and those chunks were already copied into the overlay: writing into them again costs nothing new.`,
        ),
    },
    {
      id: 'rewrite-in-place',
      instruction: () =>
        msg(
          'Now change the photo where it is. Type: dd if=/dev/zero of=/root/photo.jpg bs=1M count=2 conv=notrunc',
        ),
      done: (facts) => typed(facts, REWRITE) && overlayBytesOf(facts.change) < BOOKKEEPING_BYTES,
      hints: [
        () => msg('conv=notrunc tells dd to write over the file instead of starting a new one.'),
        () => msg('Check that photo.jpg is still in the System folder, then type the line exactly.'),
      ],
      explain: ({ change }) =>
        msg(
          str`dd wrote 2 MiB over the photo, and the overlay grew by only ${formatBytes(overlayBytesOf(change))}, for the file's own records. The kernel simply writes again over chunks it has already copied.`,
        ),
    },
    {
      id: 'what-delete-does',
      instruction: () => msg('You delete a 3 MB photo from the System folder. What happens to the overlay?'),
      done: () => false,
      question: {
        choices: () => [
          msg('It gets 3 MB back.'),
          msg('It keeps the photo’s chunks, and grows a little.'),
          msg('It is emptied.'),
        ],
        answer: 1,
      },
      hints: [() => msg('Think of step 1: which way did the gauge move?')],
      explain: ({ change, lessonStart }) =>
        msg(
          str`Right. Since the lesson began, the overlay went from ${formatBytes(lessonStart.overlay.allocatedSectors * SECTOR_BYTES)} to ${formatBytes(change.after.overlay.allocatedSectors * SECTOR_BYTES)} used, and nothing you did made it smaller.`,
        ),
    },
  ],
};
