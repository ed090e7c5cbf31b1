// `ls` (GNU coreutils): a folder's names, or with -l one line per entry (type and mode, links, owner,
// size, date, name) after a "total" of 1 KiB blocks. Options: -l, -a, -h, -d, -1.

import { msg } from '@lit/localize';
import { humanSize } from '../humanSize';
import type { Entry } from '../machine';
import { splitArgs, unknownFlag } from '../options';
import { type CommandResult, type ShellCommand } from '../types';
import { cannot } from './fileErrors';

/** Every file in Cellar carries this time: the model keeps no times a learner would read. */
const SHOWN_DATE = 'Mar 29 18:26';

export const ls: ShellCommand = {
  name: 'ls',
  get summary() {
    return msg('Lists the files in a folder. ls -l also shows how big each one is.');
  },
  changesModel: false,
  run({ args, machine, resolve, cwd }): CommandResult {
    const { flags, operands } = splitArgs(args);
    const bad = unknownFlag(flags, 'lahd1');
    if (bad) return usage(bad);
    const long = flags.includes('l');
    const all = flags.includes('a');
    const human = flags.includes('h');
    const self = flags.includes('d');
    const targets = operands.length > 0 ? operands : [cwd];
    const stdout: string[] = [];
    const stderr: string[] = [];
    let exitCode = 0;
    const lone: Entry[] = [];
    const folders: { name: string; entries: Entry[] }[] = [];
    for (const target of targets) {
      const path = resolve(target);
      const found = machine.stat(path);
      if (!found.ok) {
        stderr.push(cannot('ls', 'access', target, found.error));
        exitCode = 2;
      } else if (found.value.kind === 'file' || self) {
        lone.push({ name: target, ...found.value });
      } else {
        const listed = machine.list(path);
        if (!listed.ok) {
          stderr.push(cannot('ls', 'open directory', target, listed.error));
          exitCode = 2;
        } else {
          const dots: Entry[] = all
            ? [
                { name: '.', kind: 'dir', sizeBytes: 0 },
                { name: '..', kind: 'dir', sizeBytes: 0 },
              ]
            : [];
          folders.push({
            name: target,
            entries: [...dots, ...listed.value.filter((e) => all || !e.name.startsWith('.'))],
          });
        }
      }
    }
    const show = (entries: Entry[]) =>
      long ? entries.map((e) => longLine(e, human)) : shortLines(entries, flags.includes('1'));
    stdout.push(...show(lone));
    for (const folder of folders) {
      if (stdout.length > 0) stdout.push('');
      if (targets.length > 1) stdout.push(`${folder.name}:`);
      if (long) stdout.push(`total ${folder.entries.reduce((sum, e) => sum + blocksKib(e), 0)}`);
      stdout.push(...show(folder.entries));
    }
    return { stdout, stderr, exitCode };
  },
};

function usage(flag: string): CommandResult {
  return {
    stdout: [],
    stderr: [`ls: invalid option -- '${flag}'`, "Try 'ls --help' for more information."],
    exitCode: 2,
  };
}

function shortLines(entries: Entry[], onePerLine: boolean): string[] {
  if (entries.length === 0) return [];
  return onePerLine ? entries.map((e) => e.name) : [entries.map((e) => e.name).join('  ')];
}

/** What an entry takes on disk, in 1 KiB blocks (4 KiB allocation units, as ext4 and tmpfs give). */
function blocksKib(entry: Entry): number {
  return entry.kind === 'dir' ? 4 : Math.ceil(entry.sizeBytes / 4096) * 4;
}

function longLine(entry: Entry, human: boolean): string {
  const dir = entry.kind === 'dir';
  const bytes = dir ? 4096 : entry.sizeBytes;
  const size = human ? humanSize(bytes) : String(bytes);
  return `${dir ? 'drwxr-xr-x' : '-rw-r--r--'}. ${dir ? 2 : 1} root root ${size.padStart(human ? 4 : 8)} ${SHOWN_DATE} ${entry.name}`;
}
