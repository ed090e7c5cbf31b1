// Small helpers for the terminal's tests: a stick off or running, a shell on it, a run's output as the
// terminal shows it (stderr and stdout merged, as the kernel lab recorded with 2>&1), and recorded output
// with its timings and the binary's path taken out.

import { expect } from 'vitest';
import { Shell, type RunResult } from '../../src/shell/Shell';
import { makeStick } from '../model/stick/makeStick';

export function text(result: RunResult): string[] {
  return result.lines.map((l) => l.text);
}

/** A shell on "another computer" (the rescue machine) with a stick plugged in, and a /lab folder. */
export function rescueShell(): Shell {
  const shell = new Shell(makeStick());
  expect(shell.run('mkdir /lab').exitCode).toBe(0);
  return shell;
}

/** dd's statistics line with its time and speed blanked out: "… copied, <time> s, <speed>". */
export function withoutTimings(lines: readonly string[]): string[] {
  return lines.map((line) =>
    line.replace(/ copied, [\d.e-]+ s, [\d.]+ [kMG]?B\/s$/, ' copied, <time> s, <speed>'),
  );
}

/** The lab ran coreutils as /usr/sbin/dd, which names itself so in its messages. */
export function asTyped(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/^\/usr\/sbin\/dd: /, 'dd: '));
}
