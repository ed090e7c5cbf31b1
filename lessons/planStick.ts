// Lesson 8: plan a 1 GB stick. The terminal's livecd-iso-to-disk plans as the 2012 script would: the
// wiki's 300/200 stick fits, a bigger overlay fails the space check (image + overlay + home must fit in
// what the stick can give), and on FAT no overlay may reach 2048 MiB. The steps read the same planner the
// terminal runs, on the line the learner typed, so the explanations carry the script's own numbers.

import { msg, str } from '@lit/localize';
import { typed } from '../src/lessons/conditions';
import type { Lesson, StepFacts } from '../src/lessons/lessonTypes';
import { DEFAULT_SANDBOX } from '../src/model/session/sandboxPlan';
import {
  CommandLineError,
  ONE_GB_VFAT_STICK,
  parseInstallCommand,
  planInstall,
  SOAS_2012_IMAGE,
  spaceShortfall,
  type FileRole,
  type InstallPlan,
  type InstallRefusal,
} from '../src/model/stick/installer';
import { formatBytes } from '../src/ui/format/sizes';

const INSTALL = /^(sudo\s+)?livecd-iso-to-disk\b/;
const WIKI_LINE =
  'livecd-iso-to-disk --overlay-size-mb 300 --home-size-mb 200 --unencrypted-home soas.iso /dev/sdb1';

/** What the terminal's planner made of a line (the lesson's stick is 2012's), or null if it could not read it. */
function planOf(line: string): InstallPlan | InstallRefusal | null {
  try {
    const command = parseInstallCommand(line, 'soas-2012');
    return planInstall({ era: 'soas-2012', stick: ONE_GB_VFAT_STICK, image: SOAS_2012_IMAGE, command });
  } catch (error) {
    if (error instanceof CommandLineError) return null;
    throw error;
  }
}

/** The planner's answer to the line that completed the step. */
function answerOf(facts: StepFacts): InstallPlan | InstallRefusal | null {
  const { action } = facts.change;
  return action.type === 'terminal' ? planOf(action.line.trim()) : null;
}

function planned(facts: StepFacts): InstallPlan | null {
  const answer = answerOf(facts);
  return answer?.outcome === 'planned' ? answer : null;
}

function refused(facts: StepFacts, code: InstallRefusal['code']): InstallRefusal | null {
  const answer = answerOf(facts);
  return answer?.outcome === 'refused' && answer.code === code ? answer : null;
}

const fileBytes = (plan: InstallPlan, role: FileRole) =>
  plan.files.find((f) => f.role === role)?.sizeBytes ?? 0;

/** What the 2012 check says this stick can give, and what the image takes, in MiB. */
function stickRoom(): { availableMib: number; imageMib: number } {
  const wiki = planOf(WIKI_LINE);
  if (wiki?.outcome !== 'planned' || wiki.spaceCheck.era !== 'soas-2012')
    throw new Error('The wiki’s stick is planned by 2012’s script.');
  return { availableMib: wiki.spaceCheck.spaceAvailableMib, imageMib: wiki.spaceCheck.liveSizeMib };
}

/** The wiki's overlay: the learner's own plan gives the overlay more. */
const WIKI_OVERLAY_BYTES = 300 * 1024 * 1024;

export const planStick: Lesson = {
  id: 'plan-stick',
  number: 8,
  title: () => msg('Plan a 1 GB stick'),
  goal: () =>
    msg(
      'The installer adds up the image, the overlay and home.img, and they must fit on the stick together.',
    ),
  minutes: 8,
  stick: DEFAULT_SANDBOX,
  steps: [
    {
      id: 'wiki-stick',
      instruction: () =>
        msg(str`Ask the installer to plan the wiki’s stick. In the terminal type: ${WIKI_LINE}`),
      done: (facts) => typed(facts, INSTALL) && planned(facts) !== null,
      hints: [
        () => msg('Click in the terminal, then type the whole line and press Enter.'),
        () => msg('Check the spaces: two dashes before each option, and a space between every word.'),
      ],
      explain: (facts) => {
        const plan = planned(facts)!;
        return msg(
          str`It fits: an overlay of ${formatBytes(fileBytes(plan, 'overlay'))} and a home.img of ${formatBytes(fileBytes(plan, 'home'))} next to the system image, with ${formatBytes(plan.freeBytes)} left free. It only plans: your stick is unchanged.`,
        );
      },
    },
    {
      id: 'too-big',
      instruction: () => msg('Now ask for a bigger overlay: the same line with --overlay-size-mb 700.'),
      done: (facts) => typed(facts, INSTALL, 1) && refused(facts, 'no-space') !== null,
      hints: [
        () => msg('Press the Up arrow to get the line back, then change 300 into 700.'),
        () => msg('The line ends in an error: that is what we want to see.'),
      ],
      explain: (facts) => {
        const { requiredMib, availableMib, shortMib } = spaceShortfall(
          refused(facts, 'no-space')!.spaceCheck!,
        );
        return msg(
          str`The script adds everything up: ${requiredMib} MiB asked for, but the stick can give ${availableMib} MiB. That is ${shortMib} MiB too much, so it stops before writing anything.`,
        );
      },
    },
    {
      id: 'room',
      instruction: () => {
        const { availableMib, imageMib } = stickRoom();
        return msg(
          str`The stick can give ${availableMib} MiB and the system image takes ${imageMib} MiB. How much is left for the overlay and home.img together?`,
        );
      },
      done: () => false,
      question: {
        choices: () => {
          const { availableMib, imageMib } = stickRoom();
          return [
            msg(str`${availableMib} MiB`),
            msg(str`${availableMib - imageMib} MiB`),
            msg(str`${imageMib} MiB`),
          ];
        },
        answer: 1,
      },
      hints: [() => msg('Take the image away from what the stick can give.')],
      explain: () => {
        const { availableMib, imageMib } = stickRoom();
        return msg(
          str`${availableMib} − ${imageMib} = ${availableMib - imageMib} MiB. The overlay and home.img share it: more for one is less for the other.`,
        );
      },
    },
    {
      id: 'fat-limit',
      instruction: () => msg('Try a huge overlay: --overlay-size-mb 2048.'),
      done: (facts) => typed(facts, INSTALL, 1) && refused(facts, 'fat-limit') !== null,
      hints: [() => msg('Put 2048 after --overlay-size-mb and press Enter.')],
      explain: (facts) => {
        const { askedMib, largestMib } = refused(facts, 'fat-limit')!.fatLimit!;
        return msg(
          str`The script stops even before adding up: the stick is formatted FAT (vfat), where no file can reach 4 GiB, and this 2012 script allows an overlay of ${largestMib} MiB at most. So ${askedMib} MiB is refused, however big the stick is.`,
        );
      },
    },
    {
      id: 'your-plan',
      instruction: () =>
        msg('Now plan your own stick: give the overlay more than 300 MiB, keep a home.img, and make it fit.'),
      done: (facts) => {
        const plan = typed(facts, INSTALL) ? planned(facts) : null;
        return (
          plan !== null && fileBytes(plan, 'home') > 0 && fileBytes(plan, 'overlay') > WIKI_OVERLAY_BYTES
        );
      },
      hints: [
        () => msg('Overlay and home.img share the room you found in step 3: what one gets, the other loses.'),
        () => msg('Give home.img less: try --overlay-size-mb 400 --home-size-mb 100 --unencrypted-home.'),
      ],
      explain: (facts) => {
        const plan = planned(facts)!;
        return msg(
          str`Your stick: an overlay of ${formatBytes(fileBytes(plan, 'overlay'))}, a home.img of ${formatBytes(fileBytes(plan, 'home'))}, and ${formatBytes(plan.freeBytes)} left free. A bigger overlay lasts longer; a bigger home.img holds more of your work, and gives space back when you delete.`,
        );
      },
    },
  ],
};
