// `du` (GNU coreutils): the space files take (4 KiB units, as ext4 and tmpfs allocate), with -s one total
// per operand and -h in K/M/G.

import { msg } from '@lit/localize';
import { humanSize } from '../humanSize';
import type { Machine } from '../machine';
import { splitArgs, unknownFlag } from '../options';
import { fail, type ShellCommand } from '../types';
import { cannot } from './fileErrors';

const UNIT_BYTES = 4096;

export const du: ShellCommand = {
  name: 'du',
  get summary() {
    return msg('Adds up how much space a folder takes (du -sh folder).');
  },
  changesModel: false,
  run({ args, machine, resolve }) {
    const { flags, operands } = splitArgs(args);
    const bad = unknownFlag(flags, 'shak');
    if (bad) return fail(1, [`du: invalid option -- '${bad}'`, "Try 'du --help' for more information."]);
    const human = flags.includes('h');
    const summary = flags.includes('s');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const show = (bytes: number, name: string) =>
      stdout.push(`${human ? humanSize(bytes) : Math.ceil(bytes / 1024)}\t${name}`);
    for (const operand of operands.length > 0 ? operands : ['.']) {
      const total = walk(machine, resolve(operand), operand, summary ? null : show, stderr);
      if (total !== null) show(total, operand);
    }
    return { stdout, stderr, exitCode: stderr.length > 0 ? 1 : 0 };
  },
};

/** Bytes taken below `path`; each folder reported through `show` unless summarising. */
function walk(
  machine: Machine,
  path: string,
  name: string,
  show: ((bytes: number, name: string) => void) | null,
  stderr: string[],
): number | null {
  const found = machine.stat(path);
  if (!found.ok) {
    stderr.push(cannot('du', 'access', name, found.error));
    return null;
  }
  if (found.value.kind === 'file') return Math.ceil(found.value.sizeBytes / UNIT_BYTES) * UNIT_BYTES;
  const listed = machine.list(path);
  if (!listed.ok) {
    stderr.push(cannot('du', 'read directory', name, listed.error));
    return UNIT_BYTES;
  }
  let total = UNIT_BYTES;
  for (const entry of listed.value) {
    const child = walk(
      machine,
      `${path === '/' ? '' : path}/${entry.name}`,
      `${name.replace(/\/$/, '')}/${entry.name}`,
      show,
      stderr,
    );
    if (child === null) continue;
    total += child;
    if (entry.kind === 'dir') show?.(child, `${name.replace(/\/$/, '')}/${entry.name}`);
  }
  return total;
}
