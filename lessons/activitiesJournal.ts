// Lesson 7: Activities and the Journal. An installed Activity and a saved Journal entry go under
// /home/liveuser; with a home.img that is where they land, and without one the overlay pays for them,
// never to get the space back.

import { msg, str } from '@lit/localize';
import { did, madeStick } from '../src/lessons/conditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import { changeHomeBytes, changeOverlayBytes } from '../src/lessons/timeConditions';
import { DEFAULT_SANDBOX } from '../src/model/session/sandboxPlan';
import { formatBytes } from '../src/ui/format/sizes';

export const activitiesJournal: Lesson = {
  id: 'activities-journal',
  number: 7,
  title: () => msg('Activities and the Journal'),
  goal: () =>
    msg(
      'Activities you install and work you save go in home.img when there is one, and in the overlay when not.',
    ),
  minutes: 7,
  stick: DEFAULT_SANDBOX,
  steps: [
    {
      id: 'install',
      instruction: () => msg('In Files, press “Install an Activity” and watch home.img and the overlay.'),
      done: (facts) => did(facts, 'install-activity') !== null && changeHomeBytes(facts.change) > 0,
      hints: [
        () => msg('In Files, the button is under the heading “Sugar”.'),
        () => msg('Press “Install an Activity” once.'),
      ],
      explain: ({ change }) =>
        msg(
          str`The Activity went to /home/liveuser/Activities, inside home.img: home.img filled by ${formatBytes(changeHomeBytes(change))}, and the overlay grew by ${formatBytes(changeOverlayBytes(change))}.`,
        ),
    },
    {
      id: 'journal',
      instruction: () => msg('Now press “Save a Journal entry”, as an Activity does when you stop it.'),
      done: (facts) => did(facts, 'save-journal-entry') !== null && changeHomeBytes(facts.change) > 0,
      hints: [() => msg('It is next to “Install an Activity”.')],
      explain: ({ change }) =>
        msg(
          str`The Journal keeps each entry in /home/liveuser/.sugar/default/datastore: one folder with your work and eight small files about it. That was ${formatBytes(changeHomeBytes(change))} more in home.img.`,
        ),
    },
    {
      id: 'guess',
      instruction: () => msg('On a stick without home.img, where would the same Activity go?'),
      done: () => false,
      question: {
        choices: () => [
          msg('Nowhere: it cannot be installed'),
          msg('Into RAM, forgotten at the next start'),
          msg('Into the overlay'),
        ],
        answer: 2,
      },
      hints: [() => msg('Without home.img, /home is an ordinary folder of the system.')],
      explain: () =>
        msg(
          'Into the overlay. Without home.img, /home/liveuser is part of the system, and every change to the system costs overlay chunks.',
        ),
    },
    {
      id: 'no-home',
      instruction: () =>
        msg(
          'Check it: press “New stick” in the toolbar, set home.img to 0, make the stick, then install an Activity again.',
        ),
      done: (facts) =>
        did(facts, 'install-activity') !== null &&
        facts.change.after.home === null &&
        changeOverlayBytes(facts.change) > 0,
      // The stick without home.img comes first; one that still has it is a miss.
      onTheWay: (facts) => {
        const plan = madeStick(facts);
        return plan !== null && !plan.homeMib;
      },
      hints: [
        () => msg('In the “Make a new stick” window, type 0 in the home.img box.'),
        () => msg('After “Make this stick”, press “Install an Activity” in Files.'),
      ],
      explain: ({ change }) =>
        msg(
          str`This time the overlay grew by ${formatBytes(changeOverlayBytes(change))}. And home.img gives space back when you remove an Activity; the overlay never does.`,
        ),
    },
  ],
};
