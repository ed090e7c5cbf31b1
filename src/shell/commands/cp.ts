// `cp` (GNU coreutils): copies a file (its size: the model keeps no contents) to a new name or into a
// folder; -r is needed for a folder.

import { msg } from '@lit/localize';
import { errnoText } from '../errnoText';
import { splitArgs, unknownFlag } from '../options';
import type { CommandContext } from '../types';
import { fail, type ShellCommand } from '../types';
import { cannot } from './fileErrors';

export const cp: ShellCommand = {
  name: 'cp',
  get summary() {
    return msg('Copies a file. The copy takes space too!');
  },
  changesModel: true,
  run(context) {
    const { args } = context;
    const { flags, operands } = splitArgs(args);
    const bad = unknownFlag(flags, 'rRafv');
    if (bad) return fail(1, [`cp: invalid option -- '${bad}'`, "Try 'cp --help' for more information."]);
    if (operands.length === 0)
      return fail(1, ['cp: missing file operand', "Try 'cp --help' for more information."]);
    if (operands.length === 1) {
      return fail(1, [
        `cp: missing destination file operand after '${operands[0]}'`,
        "Try 'cp --help' for more information.",
      ]);
    }
    const recursive = flags.some((f) => 'rRa'.includes(f));
    const target = operands.at(-1)!;
    const sources = operands.slice(0, -1);
    const targetStat = context.machine.stat(context.resolve(target));
    const intoFolder = targetStat.ok && targetStat.value.kind === 'dir';
    if (sources.length > 1 && !intoFolder) return fail(1, [`cp: target '${target}' is not a directory`]);
    const stderr: string[] = [];
    for (const source of sources) {
      const to = intoFolder
        ? `${context.resolve(target)}/${baseName(context.resolve(source))}`
        : context.resolve(target);
      copy(context, source, to, recursive, stderr);
    }
    return { stdout: [], stderr, exitCode: stderr.length > 0 ? 1 : 0 };
  },
};

function copy(
  context: CommandContext,
  source: string,
  to: string,
  recursive: boolean,
  stderr: string[],
): void {
  const { machine, resolve } = context;
  const from = resolve(source);
  const found = machine.stat(from);
  if (!found.ok) {
    stderr.push(cannot('cp', 'stat', source, found.error));
    return;
  }
  if (found.value.kind === 'dir') {
    if (!recursive) {
      stderr.push(`cp: -r not specified; omitting directory '${source}'`);
      return;
    }
    if (to === from || to.startsWith(`${from}/`)) {
      stderr.push(`cp: cannot copy a directory, '${source}', into itself, '${to}'`);
      return;
    }
    const made = machine.mkdir(to, false);
    if (!made.ok && made.error !== 'EEXIST') {
      stderr.push(cannot('cp', 'create directory', to, made.error));
      return;
    }
    const listed = machine.list(from);
    if (!listed.ok) {
      stderr.push(cannot('cp', 'access', source, listed.error));
      return;
    }
    for (const entry of listed.value)
      copy(context, `${from}/${entry.name}`, `${to}/${entry.name}`, true, stderr);
    return;
  }
  const read = machine.read(from);
  if (!read.ok) {
    stderr.push(`cp: cannot open '${source}' for reading: ${errnoText(read.error)}`);
    return;
  }
  const written = machine.write(to, found.value.sizeBytes, 'truncate');
  if (!written.ok) stderr.push(cannot('cp', 'create regular file', to, written.error));
  else {
    const text = context.session.textOf(from);
    if (text !== undefined) context.session.rememberText(to, text);
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
