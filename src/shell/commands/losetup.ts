// `losetup` (util-linux): makes a file a block device (/dev/loopN), lists them (-a, or the table with no
// words), finds the first free one (-f, with --show printing it), detaches (-d); -r makes it read-only.

import { msg } from '@lit/localize';
import { errnoText } from '../errnoText';
import type { Machine } from '../machine';
import { fail, ok, type CommandResult, type ShellCommand } from '../types';

export const losetup: ShellCommand = {
  name: 'losetup',
  get summary() {
    return msg('Turns a file into a pretend disk (/dev/loop…), so the device-mapper can use it.');
  },
  // Listing (no words, or -a) only reads.
  changesModel: (args) => !args.every((a) => a === '-a' || a === '--all'),
  run({ args, machine, resolve }) {
    const flags = new Set<string>();
    const operands: string[] = [];
    for (const arg of args) {
      if (
        arg === '--show' ||
        arg === '--find' ||
        arg === '--all' ||
        arg === '--detach' ||
        arg === '--read-only'
      ) {
        flags.add(
          { '--show': 'show', '--find': 'f', '--all': 'a', '--detach': 'd', '--read-only': 'r' }[arg],
        );
      } else if (/^-[afrd]+$/.test(arg)) for (const f of arg.slice(1)) flags.add(f);
      else if (arg.startsWith('-')) return usageError(arg);
      else operands.push(arg);
    }
    if (flags.has('d')) return detach(machine, operands);
    if (flags.has('a')) return ok(machine.loops().map((l) => `${l.device}: [0000]:0 (${l.file})`));
    const readOnly = flags.has('r');
    if (flags.has('f')) {
      if (operands.length === 0) {
        const free = firstFree(machine);
        return free ? ok([free]) : fail(1, ['losetup: cannot find an unused loop device']);
      }
      return attach(machine, null, resolve(operands[0]!), operands[0]!, readOnly, flags.has('show'));
    }
    if (operands.length === 0) return table(machine);
    if (operands.length === 1) {
      const row = machine.loops().find((l) => l.device === operands[0]);
      if (row) return ok([`${row.device}: [0000]:0 (${row.file})`]);
      return fail(1, [`losetup: ${operands[0]}: No such device or address`]);
    }
    const minor = /^\/dev\/loop(\d+)$/.exec(operands[0]!);
    if (!minor)
      return fail(1, [`losetup: ${operands[0]}: failed to set up loop device: No such file or directory`]);
    return attach(machine, Number(minor[1]), resolve(operands[1]!), operands[1]!, readOnly, false);
  },
};

function usageError(arg: string): CommandResult {
  const text = arg.startsWith('--')
    ? `unrecognized option '${arg}'`
    : `invalid option -- '${arg.slice(1).replace(/[afrd]/g, '')[0]}'`;
  return fail(1, [`losetup: ${text}`, "Try 'losetup --help' for more information."]);
}

function firstFree(machine: Machine): string | null {
  const used = new Set(machine.loops().map((l) => l.device));
  for (let minor = 0; minor < 8; minor++) if (!used.has(`/dev/loop${minor}`)) return `/dev/loop${minor}`;
  return null;
}

function attach(
  machine: Machine,
  minor: number | null,
  file: string,
  typed: string,
  readOnly: boolean,
  show: boolean,
): CommandResult {
  const made = machine.loopAttach(minor, file, readOnly);
  if (made.ok) return ok(show ? [made.value] : []);
  if (made.error === 'ENODEV') return fail(1, ['losetup: cannot find an unused loop device']);
  const device = minor === null ? typed : `/dev/loop${minor}`;
  const about = made.error === 'ENOENT' || made.error === 'EISDIR' ? typed : device;
  return fail(1, [`losetup: ${about}: failed to set up loop device: ${errnoText(made.error)}`]);
}

function detach(machine: Machine, devices: string[]): CommandResult {
  if (devices.length === 0)
    return fail(1, [
      "losetup: option requires an argument -- 'd'",
      "Try 'losetup --help' for more information.",
    ]);
  const stderr: string[] = [];
  for (const device of devices) {
    const minor = /^\/dev\/loop(\d+)$/.exec(device);
    const done = minor ? machine.loopDetach(Number(minor[1])) : { ok: false as const, error: 'ENOENT' };
    if (!done.ok) stderr.push(`losetup: ${device}: detach failed: ${errnoText(done.error)}`);
  }
  return stderr.length > 0 ? fail(1, stderr) : ok();
}

function table(machine: Machine): CommandResult {
  const rows = machine.loops();
  if (rows.length === 0) return ok();
  const fileWidth = Math.max(9, ...rows.map((r) => r.file.length));
  return ok([
    `NAME       SIZELIMIT OFFSET AUTOCLEAR RO ${'BACK-FILE'.padEnd(fileWidth)} DIO LOG-SEC`,
    ...rows.map(
      (r) =>
        `${r.device.padEnd(10)}         0      0         0  ${r.readOnly ? 1 : 0} ${r.file.padEnd(fileWidth)}   0     512`,
    ),
  ]);
}
