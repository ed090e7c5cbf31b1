// The kernel lab's recovery runs (b_overflow_P, b_overflow_PO, b_overflow_P_nofix) typed into the
// terminal from the point where the overflowed snapshot was removed: the overlay file as the kernel left
// it (rebuilt from the recorded header and exception table) lies in /lab on the rescue machine, and the
// recorded commands get the recorded output and exit codes, and `dmsetup status`/`table` the recorded
// lines.
//
// What differs from the recording, and why:
// - The lab ran `printf '\x01' | dd …` inside busybox's sh, whose own dd prints no statistics line;
//   Fedora's GNU dd adds "1 byte copied, <time>": the replay compares the two record lines.
// - The lab re-attached loop2 after extending the file without recording it; the replay types it.
// - e2fsck on the re-created (valid) snapshot needs the filesystem itself, which these files do not carry
//   (the lab's ext4 image is not in the recording); see recovery.test.ts for e2fsck on a stick's root.
//   On an Invalid snapshot (nofix) e2fsck cannot read anything, and its output is compared word for word.

import { describe, expect, it } from 'vitest';
import { cowFileOfStep } from '../helpers/cowBuilder';
import { cumulativeRuns, loadGolden } from '../helpers/golden';
import type { Shell } from '../../src/shell/Shell';
import { RescueShellMachine } from '../../src/shell/rescueShellMachine';
import { rescueShell, text, withoutTimings } from './shellHelpers';

interface Recorded {
  cmd: string;
  rc: number;
  output: string[];
}

interface RecordedStep {
  index: number;
  name: string;
  status: string | null;
  table: string | null;
  commands: Recorded[];
}

/** A shell whose /lab holds the recording's base image and its overlay as it was after `stepName`. */
function labAfter(scenario: string, stepName: string): { shell: Shell; steps: RecordedStep[] } {
  const golden = loadGolden(scenario);
  const step = golden.steps.find((s) => s.name === stepName)!;
  const file = cowFileOfStep(step, cumulativeRuns(golden).get(step.index)!);
  const shell = rescueShell();
  const rescue = (shell.machine as RescueShellMachine).rescue;
  expect(shell.run('dd if=/dev/zero of=/lab/rootfs.img bs=1M count=128 status=none').exitCode).toBe(0);
  expect(rescue.write('/lab/overlay.img', file.length, 'truncate').ok).toBe(true);
  let end = file.length;
  while (end > 0 && file[end - 1] === 0) end--;
  expect(rescue.writeBytes('/lab/overlay.img', 0, file.subarray(0, end)).ok).toBe(true);
  expect(shell.run('losetup -r /dev/loop1 /lab/rootfs.img').exitCode).toBe(0);
  return { shell, steps: golden.steps as unknown as RecordedStep[] };
}

function typeRecorded(
  shell: Shell,
  recorded: Recorded,
  compare: (lines: string[]) => string[] = (l) => l,
): void {
  if (recorded.cmd.startsWith('dmsetup create') && shell.run('losetup /dev/loop2').exitCode !== 0) {
    expect(shell.run('losetup /dev/loop2 /lab/overlay.img').exitCode).toBe(0);
  }
  const typed = recorded.cmd.replace(/^sh -c /, '').replace(/--table (.+)$/, '--table "$1"');
  const result = shell.run(typed);
  expect(compare(withoutTimings(text(result))), typed).toEqual(compare(withoutTimings(recorded.output)));
  expect(result.exitCode, typed).toBe(recorded.rc);
}

const recordLines = (lines: string[]) => lines.slice(0, 2);

function replay(scenario: string, upTo: string, check: (shell: Shell, step: RecordedStep) => void): void {
  const { shell, steps } = labAfter(scenario, 'removed');
  const from = steps.findIndex((s) => s.name === 'removed') + 1;
  const last = steps.findIndex((s) => s.name === upTo);
  for (const step of steps.slice(from, last + 1)) {
    for (const recorded of step.commands)
      typeRecorded(shell, recorded, recorded.cmd.includes("printf '\\x01'") ? recordLines : undefined);
    if (step.status !== null) {
      expect(text(shell.run('dmsetup status live-rw')), `${scenario} ${step.name}`).toEqual([step.status]);
      expect(text(shell.run('dmsetup table live-rw')), `${scenario} ${step.name}`).toEqual([step.table]);
    }
    check(shell, step);
  }
}

describe('the Sugar Labs recovery on the lab overlay, typed into the terminal', () => {
  for (const [scenario, status] of [
    ['b_overflow_P', '0 262144 snapshot 30856/65536 136'],
    ['b_overflow_PO', '0 262144 snapshot 32768/65536 136'],
  ] as const) {
    it(`${scenario}: valid byte set, 16 MiB appended, the snapshot comes back as ${status.split(' ').at(-2)}`, () => {
      let recreated = false;
      replay(scenario, 'recreated', (shell, step) => {
        if (step.name === 'recreated') {
          recreated = true;
          expect(text(shell.run('dmsetup status live-rw'))).toEqual([status]);
          expect(text(shell.run('blockdev --getsz /dev/loop2'))).toEqual(['65536']);
        }
      });
      expect(recreated).toBe(true);
    });
  }

  it('b_overflow_P_nofix: without the valid byte the snapshot stays Invalid and e2fsck exits 8, word for word', () => {
    const seen: string[] = [];
    replay('b_overflow_P_nofix', 'fsck_fn', (_shell, step) => seen.push(step.name));
    expect(seen).toEqual(['extended', 'recreated', 'fsck_fy', 'fsck_p', 'fsck_fn']);
  });

  it('b_overflow_P_nofix: mounting the Invalid snapshot fails (util-linux words; the lab used busybox mount)', () => {
    const { shell } = labAfter('b_overflow_P_nofix', 'removed');
    shell.run('losetup /dev/loop2 /lab/overlay.img');
    shell.run('dmsetup create live-rw --table "0 262144 snapshot /dev/loop1 /dev/loop2 P 8"');
    shell.run('mkdir -p /mnt/s');
    const mounted = shell.run('mount /dev/mapper/live-rw /mnt/s');
    expect(text(mounted)).toEqual(["mount: /mnt/s: can't read superblock on /dev/mapper/live-rw."]);
    expect(mounted.exitCode).toBe(32);
  });
});
