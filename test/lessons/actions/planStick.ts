// Lesson 8's learner: typed plans, each step's nearest mistake being a line that plans something else
// (a typo, the unchanged line, the other refusal, the wiki's own plan again), and a wrong answer.

import {
  ONE_GB_VFAT_STICK,
  parseInstallCommand,
  planInstall,
  SOAS_2012_IMAGE,
  type InstallPlan,
  type InstallRefusal,
} from '../../../src/model/stick/installer';
import { formatBytes } from '../../../src/ui/format/sizes';
import { typeInto } from '../lessonHelpers';
import type { LessonActions } from './stepActions';

const line = (options: string) => `livecd-iso-to-disk ${options} soas.iso /dev/sdb1`;
const WIKI = line('--overlay-size-mb 300 --home-size-mb 200 --unencrypted-home');
const TOO_BIG = line('--overlay-size-mb 700 --home-size-mb 200 --unencrypted-home');
const HUGE = line('--overlay-size-mb 2048');
const OWN = line('--overlay-size-mb 400 --home-size-mb 100 --unencrypted-home');

/** What the installer plans for a line on the lesson's 2012 stick (the terminal runs the same planner). */
const planOf = (typed: string): InstallPlan | InstallRefusal =>
  planInstall({
    era: 'soas-2012',
    stick: ONE_GB_VFAT_STICK,
    image: SOAS_2012_IMAGE,
    command: parseInstallCommand(typed, 'soas-2012'),
  });

function plannedFiles(typed: string): string[] {
  const plan = planOf(typed);
  if (plan.outcome !== 'planned') throw new Error(`${typed} is not planned`);
  const bytes = (role: string) => plan.files.find((f) => f.role === role)!.sizeBytes;
  return [formatBytes(bytes('overlay')), formatBytes(bytes('home')), formatBytes(plan.freeBytes)];
}

export const planStickActions: LessonActions = [
  {
    // No space between the option and its number, as the hint warns.
    wrong: (session) =>
      void typeInto(session, line('--overlay-size-mb300 --home-size-mb 200 --unencrypted-home')),
    right: (session) => void typeInto(session, WIKI),
    quoted: () => plannedFiles(WIKI),
  },
  {
    // The line got back with Up, but 300 not changed: it fits.
    wrong: (session) => void typeInto(session, WIKI),
    right: (session) => void typeInto(session, TOO_BIG),
    quoted: () => {
      const check = (planOf(TOO_BIG) as InstallRefusal).spaceCheck!;
      if (check.era !== 'soas-2012') throw new Error('2012’s check');
      const asked = check.liveSizeMib + 700 + 200 + check.swapSizeMib;
      return [`${asked} MiB`, `${check.spaceAvailableMib} MiB`, `${asked - check.spaceAvailableMib} MiB`];
    },
  },
  {
    wrong: (_, run) => run.answer(0),
    right: (_, run) => run.answer(1),
    quoted: () => {
      const check = (planOf(WIKI) as InstallPlan).spaceCheck;
      if (check.era !== 'soas-2012') throw new Error('2012’s check');
      return [`${check.spaceAvailableMib - check.liveSizeMib} MiB`];
    },
  },
  {
    // The space check's refusal instead of the FAT limit's.
    wrong: (session) => void typeInto(session, TOO_BIG),
    right: (session) => void typeInto(session, HUGE),
    quoted: () => ['2048 MiB', '2047 MiB'],
  },
  {
    wrong: (session) => void typeInto(session, WIKI),
    right: (session) => void typeInto(session, OWN),
    quoted: () => plannedFiles(OWN),
  },
];
