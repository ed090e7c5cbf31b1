// `df` (GNU coreutils): each mounted filesystem's size, use and room left, in 1 KiB blocks or with -h in
// K/M/G. Use% is rounded up, as df does.

import { msg } from '@lit/localize';
import { errnoText } from '../errnoText';
import { humanSize } from '../humanSize';
import { splitArgs, unknownFlag } from '../options';
import { fail, ok, type ShellCommand } from '../types';

export const df: ShellCommand = {
  name: 'df',
  get summary() {
    return msg('Shows how full each place is: the stick, home, the overlay, RAM (df -h is easier to read).');
  },
  changesModel: false,
  run({ args, machine, resolve }) {
    const { flags, operands } = splitArgs(args);
    const bad = unknownFlag(flags, 'hkT');
    if (bad) return fail(1, [`df: invalid option -- '${bad}'`, "Try 'df --help' for more information."]);
    const human = flags.includes('h');
    let rows = machine.mounts();
    const stderr: string[] = [];
    if (operands.length > 0) {
      const chosen = [];
      for (const operand of operands) {
        const path = resolve(operand);
        const found = machine.stat(path);
        if (!found.ok) {
          stderr.push(`df: ${operand}: ${errnoText(found.error)}`);
          continue;
        }
        const owner = rows
          .filter(
            (r) => path === r.mountPoint || path.startsWith(r.mountPoint === '/' ? '/' : `${r.mountPoint}/`),
          )
          .sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0];
        if (owner) chosen.push(owner);
      }
      rows = chosen;
    }
    if (rows.length === 0 && stderr.length > 0) return { stdout: [], stderr, exitCode: 1 };
    const size = (bytes: number) => (human ? humanSize(bytes) : String(Math.ceil(bytes / 1024)));
    const table = [
      [
        'Filesystem',
        human ? 'Size' : '1K-blocks',
        'Used',
        human ? 'Avail' : 'Available',
        'Use%',
        'Mounted on',
      ],
      ...rows.map((r) => {
        const total = r.usedBytes + r.availBytes;
        const pct = total === 0 ? '-' : `${Math.ceil((r.usedBytes * 100) / total)}%`;
        return [
          r.source,
          size(r.sizeBytes),
          size(r.usedBytes),
          size(Math.max(0, r.availBytes)),
          pct,
          r.mountPoint,
        ];
      }),
    ];
    const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
    const lines = table.map((row) =>
      row
        .map((cell, col) =>
          col === 0 || col === 5 ? cell.padEnd(col === 5 ? 0 : widths[col]!) : cell.padStart(widths[col]!),
        )
        .join(' '),
    );
    return stderr.length > 0 ? { stdout: lines, stderr, exitCode: 1 } : ok(lines);
  },
};
