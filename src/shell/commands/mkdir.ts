// `mkdir` (GNU coreutils): makes folders; -p makes the missing parents too and accepts existing ones.

import { msg } from '@lit/localize';
import { splitArgs, unknownFlag } from '../options';
import { fail, type ShellCommand } from '../types';
import { cannot } from './fileErrors';

export const mkdir: ShellCommand = {
  name: 'mkdir',
  get summary() {
    return msg('Makes a new, empty folder.');
  },
  changesModel: true,
  run({ args, machine, resolve }) {
    const { flags, operands } = splitArgs(args);
    const bad = unknownFlag(flags, 'pv');
    if (bad)
      return fail(1, [`mkdir: invalid option -- '${bad}'`, "Try 'mkdir --help' for more information."]);
    if (operands.length === 0)
      return fail(1, ['mkdir: missing operand', "Try 'mkdir --help' for more information."]);
    const parents = flags.includes('p');
    const stderr: string[] = [];
    for (const operand of operands) {
      const done = machine.mkdir(resolve(operand), parents);
      if (!done.ok) stderr.push(cannot('mkdir', 'create directory', operand, done.error));
    }
    return { stdout: [], stderr, exitCode: stderr.length > 0 ? 1 : 0 };
  },
};
