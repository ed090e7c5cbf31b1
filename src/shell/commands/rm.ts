// `rm` (GNU coreutils): removes files, folders with -r; -f stays quiet about missing files. On the
// overlay, removing gives no space back: the chunks stay copied.

import { msg } from '@lit/localize';
import { splitArgs, unknownFlag } from '../options';
import { fail, type ShellCommand } from '../types';
import { cannot } from './fileErrors';

export const rm: ShellCommand = {
  name: 'rm',
  get summary() {
    return msg('Deletes a file (rm -r deletes a folder and everything in it).');
  },
  changesModel: true,
  run({ args, machine, resolve }) {
    const { flags, operands } = splitArgs(args);
    const bad = unknownFlag(flags, 'rRfv');
    if (bad) return fail(1, [`rm: invalid option -- '${bad}'`, "Try 'rm --help' for more information."]);
    const force = flags.includes('f');
    const recursive = flags.includes('r') || flags.includes('R');
    if (operands.length === 0) {
      return force
        ? { stdout: [], stderr: [], exitCode: 0 }
        : fail(1, ['rm: missing operand', "Try 'rm --help' for more information."]);
    }
    const stderr: string[] = [];
    for (const operand of operands) {
      const path = resolve(operand);
      const found = machine.stat(path);
      if (!found.ok) {
        if (!(force && found.error === 'ENOENT')) stderr.push(cannot('rm', 'remove', operand, found.error));
        continue;
      }
      if (found.value.kind === 'dir' && !recursive) {
        stderr.push(cannot('rm', 'remove', operand, 'EISDIR'));
        continue;
      }
      const done = machine.remove(path, recursive);
      if (!done.ok) stderr.push(cannot('rm', 'remove', operand, done.error));
    }
    return { stdout: [], stderr, exitCode: stderr.length > 0 ? 1 : 0 };
  },
};
