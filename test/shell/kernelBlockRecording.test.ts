// The kernel lab's block-level run (d_full) typed into the terminal, command by command: every dd,
// dmsetup and losetup answers with the recorded output and exit code, word for word apart from dd's
// timings, and `dmsetup status`/`table` print the recorded lines after every step.
//
// What the recording leaves out, and the replay adds: the lab set up its loop devices without recording
// it (loop0 on base.img; loop1 on the current COW file, `-r` for the read-only live-osimg-min), so the
// replay types those `losetup` lines before each `dmsetup create`; and its `--table` argument lost its
// quotes when the command was logged, so the replay quotes it as a shell needs.

import { describe, expect, it } from 'vitest';
import { loadGolden } from '../helpers/golden';
import { asTyped, rescueShell, text, withoutTimings } from './shellHelpers';

/** A recorded command as a learner would type it: cow files under /lab, the table quoted. */
function asTypedCommand(cmd: string): string {
  return cmd.replace(/--table (.+)$/, '--table "$1"');
}

describe('d_full typed into the terminal', () => {
  it('answers every recorded command with the recorded output and exit code', () => {
    const golden = loadGolden('d_full') as unknown as {
      setup_commands: { cmd: string; rc: number; output: string[] }[];
      steps: {
        index: number;
        name: string;
        status: string;
        table: string;
        dm_info: string;
        commands: { cmd: string; rc: number; output: string[] }[];
      }[];
    };
    const shell = rescueShell();
    let cowFile = '';
    let compared = 0;
    const type = (cmd: string, rc: number, output: string[]) => {
      if (cmd.startsWith('dmsetup create') && shell.run('losetup /dev/loop1').exitCode !== 0) {
        const readOnly = cmd.includes('--readonly') ? '-r ' : '';
        expect(shell.run(`losetup ${readOnly}/dev/loop1 ${cowFile}`).exitCode).toBe(0);
      }
      const result = shell.run(asTypedCommand(cmd));
      expect(withoutTimings(text(result)), cmd).toEqual(withoutTimings(asTyped(output)));
      expect(result.exitCode, cmd).toBe(rc);
      compared++;
      const made = /of=(\/lab\/cow-\S+)/.exec(cmd);
      if (made) cowFile = made[1]!;
      if (cmd.includes('of=/lab/base.img'))
        expect(shell.run('losetup /dev/loop0 /lab/base.img').exitCode).toBe(0);
    };
    for (const c of golden.setup_commands) type(c.cmd, c.rc, c.output);
    for (const step of golden.steps) {
      for (const c of step.commands) type(c.cmd, c.rc, c.output);
      // The last step removes the device: nothing left to ask about.
      if (step.status === null) continue;
      const [name, attr, openCount] = step.dm_info.split(':');
      const where = `step ${step.index} ${step.name}`;
      expect(text(shell.run(`dmsetup status ${name}`)), where).toEqual([step.status]);
      expect(text(shell.run(`dmsetup table ${name}`)), where).toEqual([step.table]);
      const info = text(shell.run(`dmsetup info ${name}`));
      expect(info, where).toContain(
        attr!.endsWith('r') ? 'State:             ACTIVE (READ-ONLY)' : 'State:             ACTIVE',
      );
      expect(info, where).toContain(`Open count:        ${openCount}`);
    }
    expect(compared).toBeGreaterThan(40);
  });
});
