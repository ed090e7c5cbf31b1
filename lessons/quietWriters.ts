// Lesson 6: the quiet writers. Nobody touches the stick for a week and the overlay still grows: the
// programs of src/model/clock write on their own, and the first week also copies ext4's journal once.
// Their folders moved to RAM (tmpfs), the next week costs the overlay only the software update, which
// changes the system itself.

import { msg, str } from '@lit/localize';
import { did, overlayGrowthBytes } from '../src/lessons/conditions';
import type { Lesson, StepFacts } from '../src/lessons/lessonTypes';
import { DAY_MS, daysOnClock, movedToRam } from '../src/lessons/timeConditions';
import { DEFAULT_SANDBOX } from '../src/model/session/sandboxPlan';
import type { Stick } from '../src/model/stick/Stick';
import type { StickUsage } from '../src/model/stick/usageSummary';
import { SECTOR_BYTES } from '../src/model/units';
import { formatBytes } from '../src/ui/format/sizes';

/** The folders of NetworkManager, audit and abrt (QUIET_WRITERS); PackageKit's /usr/lib must stay. */
export const QUIET_FOLDERS = ['/var/log/audit', '/var/spool/abrt', '/var/lib/NetworkManager'] as const;

const allInRam = (usage: StickUsage) => QUIET_FOLDERS.every((folder) => movedToRam(usage, folder));

/** What the folders moved to RAM hold now. */
const ramFolderBytes = (usage: StickUsage) =>
  usage.ram.mounts.filter((m) => m.movedToRam).reduce((sum, m) => sum + m.usedBytes, 0);

/** One press of "+1 day" among the several a step asks for, before the day it ends on. */
const dayBefore = (day: number) => (facts: StepFacts, stick: Stick) =>
  did(facts, 'advance') !== null && daysOnClock(stick) < day;

const undoHint = () => msg('Pressed too many times? Press Undo once for each extra day.');

export const quietWriters: Lesson = {
  id: 'quiet-writers',
  number: 6,
  title: () => msg('The quiet writers'),
  goal: () =>
    msg(
      'Programs write to the stick even when nobody uses it, and moving their folders to RAM saves the overlay.',
    ),
  minutes: 7,
  stick: DEFAULT_SANDBOX,
  onYourStick: true,
  // Half a day in: the weekly writers (abrt, the update) then run inside the lesson's weeks, and their
  // writes reach the overlay in the same week rather than just after it.
  scene: [{ type: 'advance', ms: DAY_MS / 2 }],
  steps: [
    {
      id: 'first-week',
      instruction: () =>
        msg('Do not save anything. Press “+1 day” in the toolbar seven times, and watch the overlay.'),
      // Day 7 exactly (the scene ends half a day in): the same week for every learner.
      done: (facts, stick) => daysOnClock(stick) === 7 && overlayGrowthBytes(facts) > 0,
      onTheWay: dayBefore(7),
      hints: [
        () => msg('The “+1 day” button is in the toolbar at the top.'),
        () => msg('Press “+1 day” seven times.'),
        undoHint,
      ],
      explain: (facts) =>
        msg(
          str`Nobody saved anything, and still the overlay grew by ${formatBytes(overlayGrowthBytes(facts))} in a week. NetworkManager rewrote its list of networks every 5 minutes, the audit program added to its log every 10 minutes, abrt kept the memory of a crashed program, and a software update replaced library files. Their writes also go through ext4’s journal (the system’s notebook of changes): its chunks were copied too, but only this first time.`,
        ),
    },
    {
      id: 'move-to-ram',
      instruction: () =>
        msg(
          'In Files, open each of these folders and press “Move this folder to RAM”: /var/log/audit, /var/spool/abrt and /var/lib/NetworkManager.',
        ),
      done: ({ change }) => change.ok && allInRam(change.after),
      // One of the three folders, before the others.
      onTheWay: (facts) =>
        (QUIET_FOLDERS as readonly string[]).includes(did(facts, 'move-to-ram')?.folder ?? ''),
      hints: [
        () =>
          msg(
            'In Files, press “Logs”, open audit, and press “Move this folder to RAM”. Then go Up to find spool and lib.',
          ),
        () =>
          msg('Three folders: /var/log/audit, /var/spool/abrt and /var/lib/NetworkManager. Move each one.'),
      ],
      explain: () =>
        msg(
          'Each folder now has a tmpfs over it: a folder kept in RAM. What these three programs write there costs no overlay chunks.',
        ),
    },
    {
      id: 'ram-forgets',
      instruction: () => msg('What happens to the audit log in RAM when the stick restarts?'),
      done: () => false,
      question: {
        choices: () => [
          msg('It is copied into the overlay'),
          msg('It is forgotten: RAM is emptied'),
          msg('It moves into home.img'),
        ],
        answer: 1,
      },
      hints: [() => msg('Think of what happens to /tmp at a restart.')],
      explain: () =>
        msg(
          'It is forgotten. At the next start the folder is in RAM again, but empty. That is fine for logs and crash reports nobody reads; never put your own work there.',
        ),
    },
    {
      id: 'second-week',
      instruction: () => msg('Now press “+1 day” seven more times.'),
      done: ({ change }, stick) => daysOnClock(stick) === 14 && allInRam(change.after),
      onTheWay: dayBefore(14),
      hints: [() => msg('Press “+1 day” seven more times.'), undoHint],
      explain: ({ change, start, lessonStart }) => {
        const before = (start.overlay.allocatedSectors - lessonStart.overlay.allocatedSectors) * SECTOR_BYTES;
        const after = formatBytes(overlayGrowthBytes({ change, start, lessonStart }));
        const inRam = formatBytes(ramFolderBytes(change.after));
        const rest = msg(
          'What still costs is the weekly update in /usr/lib: it changes the system itself, so it must stay on the stick.',
        );
        // Resumed at this step, the lesson's start is this step's: there is no first week to compare.
        if (before === 0)
          return `${msg(str`This week the overlay grew by ${after}, and the RAM folders hold ${inRam}.`)} ${rest}`;
        return `${msg(
          str`Before the move the overlay grew by ${formatBytes(before)}, part of it only once (the journal). This week only by ${after}, and the RAM folders hold ${inRam} instead.`,
        )} ${rest}`;
      },
    },
  ],
};
