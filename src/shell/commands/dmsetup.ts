// `dmsetup` (libdevmapper 1.02.185): status, table, ls, info, create and remove, printed as the real tool
// prints them — `status` and `table` name each device only when listing all of them, a failed ioctl is
// "device-mapper: <ioctl> ioctl on <name>  failed: <error>" then "Command failed.", exit 1.

import { msg } from '@lit/localize';
import { errnoText } from '../errnoText';
import type { DmRow, Machine } from '../machine';
import { fail, ok, type CommandResult, type ShellCommand } from '../types';

const USAGE = [
  'Usage:',
  '',
  'dmsetup',
  '        [--version] [-h|--help [-c|-C|--columns]]',
  '        [-v|--verbose [-v|--verbose ...]] [-f|--force]',
  '        [-r|--readonly] [--noopencount] [--nolockfs] [--inactive]',
  '',
  '        create <dev_name>',
  '            [-j|--major <major> -m|--minor <minor>]',
  '            [-U|--uid <uid>] [-G|--gid <gid>] [-M|--mode <octal_mode>]',
  '            [-u|--uuid <uuid>] [--addnodeonresume|--addnodeoncreate]',
  '            [--readahead {[+]<sectors>|auto|none}]',
  '            [-n|--notable|--table {<table>|<table_file>}]',
  '        remove [--deferred] [-f|--force] [--retry] <device>...',
  '        info [<device>...]',
  '        ls [--target <target_type>] [--exec <command>] [-o <options>] [--tree]',
  '        status [<device>...] [--noflush] [--target <target_type>]',
  '        table [<device>...] [--target <target_type>] [--showkeys]',
];

export const dmsetup: ShellCommand = {
  name: 'dmsetup',
  get summary() {
    return msg('Talks to the device-mapper: dmsetup status shows how full the overlay is.');
  },
  // Only create and remove change anything; status, table, ls and info read.
  changesModel: (args) => ['create', 'remove'].includes(args.find((a) => !a.startsWith('-')) ?? ''),
  run({ args, machine }) {
    const readOnly = args.some((a) => a === '--readonly' || a === '-r');
    const words = args.filter((a) => a !== '--readonly' && a !== '-r');
    const [command, ...rest] = words;
    switch (command) {
      case 'status':
      case 'table':
        return lines(machine, command, rest);
      case 'ls':
        return list(machine);
      case 'info':
        return info(machine, rest);
      case 'create':
        return create(machine, rest, readOnly);
      case 'remove':
        return remove(machine, rest);
      case undefined:
      case '--help':
      case '-h':
        return { stdout: [], stderr: USAGE, exitCode: command === undefined ? 1 : 0 };
      default:
        return fail(1, [`Unrecognised command: ${command}`]);
    }
  },
};

function notFound(): CommandResult {
  return fail(1, ['Device does not exist.', 'Command failed.']);
}

function ioctlFailed(ioctl: string, name: string, error: string): CommandResult {
  return fail(1, [
    `device-mapper: ${ioctl} ioctl on ${name}  failed: ${errnoText(error)}`,
    'Command failed.',
  ]);
}

function lines(machine: Machine, which: 'status' | 'table', names: string[]): CommandResult {
  const devices = machine.dmDevices();
  if (names.length === 0) {
    if (devices.length === 0) return ok(['No devices found']);
    return ok(devices.map((d) => `${d.name}: ${d[which]}`));
  }
  const stdout: string[] = [];
  for (const name of names) {
    const device = devices.find((d) => d.name === name);
    if (!device) return { ...notFound(), stdout };
    stdout.push(names.length > 1 ? `${name}: ${device[which]}` : device[which]);
  }
  return ok(stdout);
}

function list(machine: Machine): CommandResult {
  const devices = machine.dmDevices();
  if (devices.length === 0) return ok(['No devices found']);
  const width = Math.max(...devices.map((d) => d.name.length));
  return ok(devices.map((d) => `${d.name.padEnd(width)}\t(${d.major}:${d.minor})`));
}

function info(machine: Machine, names: string[]): CommandResult {
  const devices = machine.dmDevices();
  const chosen: DmRow[] = [];
  for (const name of names) {
    const device = devices.find((d) => d.name === name);
    if (!device) return notFound();
    chosen.push(device);
  }
  const shown = names.length > 0 ? chosen : devices;
  if (shown.length === 0) return ok(['No devices found']);
  const stdout: string[] = [];
  for (const d of shown) {
    if (stdout.length > 0) stdout.push('');
    stdout.push(
      `Name:              ${d.name}`,
      `State:             ACTIVE${d.readOnly ? ' (READ-ONLY)' : ''}`,
      'Read Ahead:        256',
      'Tables present:    LIVE',
      `Open count:        ${d.openCount}`,
      'Event number:      0',
      `Major, minor:      ${d.major}, ${d.minor}`,
      'Number of targets: 1',
    );
  }
  return ok(stdout);
}

function create(machine: Machine, words: string[], readOnly: boolean): CommandResult {
  const tableAt = words.indexOf('--table');
  const table = tableAt >= 0 ? words[tableAt + 1] : undefined;
  const names = words.filter((_, i) => i !== tableAt && i !== tableAt + 1);
  const name = names[0];
  if (name === undefined) return fail(1, ['Please specify device.', 'Command failed.']);
  if (table === undefined) {
    // Without --table dmsetup reads the table from standard input; the terminal has none to give.
    return fail(1, [
      'Please supply a table with --table "<start> <length> <target> <arguments>".',
      'Command failed.',
    ]);
  }
  if (machine.dmDevices().some((d) => d.name === name)) return ioctlFailed('create', name, 'EBUSY');
  const made = machine.dmCreate(name, table, readOnly);
  return made.ok ? ok() : ioctlFailed('reload', name, made.error);
}

function remove(machine: Machine, names: string[]): CommandResult {
  if (names.length === 0) return fail(1, ['Please specify device.', 'Command failed.']);
  for (const name of names) {
    if (!machine.dmDevices().some((d) => d.name === name))
      return fail(1, [`Device ${name} not found`, 'Command failed.']);
    const done = machine.dmRemove(name);
    if (!done.ok) return ioctlFailed('remove', name, done.error);
  }
  return ok();
}
