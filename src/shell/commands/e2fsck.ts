// `e2fsck` (e2fsprogs 1.47.0): checks the filesystem on a device and answers with e2fsck's exit codes —
// 0 clean, 1 errors corrected, 4 errors left, 8 operational error (the device could not be read), 16 usage
// error. The texts are those the kernel lab recorded (b_overflow_P: -f -y after the recovery exits 1,
// -p then exits 0; b_overflow_P_nofix: an Invalid snapshot exits 8).

import { msg } from '@lit/localize';
import type { FreeCounts } from '../../model/fs/ext/ExtFsState';
import type { FsCounts } from '../../model/rescue/rootCheck';
import { splitArgs } from '../options';
import { fail, type CommandResult, type ShellCommand } from '../types';

const VERSION = 'e2fsck 1.47.0 (5-Feb-2023)';

const USAGE = [
  'Usage: e2fsck [-panyrcdfktvDFV] [-b superblock] [-B blocksize]',
  '\t\t[-l|-L bad_blocks_file] [-C fd] [-j external_journal]',
  '\t\t[-E extended-options] [-z undo_file] device',
  '',
  'Emergency help:',
  ' -p                   Automatic repair (no questions)',
  ' -n                   Make no changes to the filesystem',
  ' -y                   Assume "yes" to all questions',
  ' -f                   Force checking even if filesystem is marked clean',
];

const SUPERBLOCK_HELP = [
  'The superblock could not be read or does not describe a valid ext2/ext3/ext4',
  'filesystem.  If the device is valid and it really contains an ext2/ext3/ext4',
  'filesystem (and not swap or ufs or something else), then the superblock',
  'is corrupt, and you might try running e2fsck with an alternate superblock:',
  '    e2fsck -b 8193 <device>',
  ' or',
  '    e2fsck -b 32768 <device>',
];

const PASSES = [
  'Pass 1: Checking inodes, blocks, and sizes',
  'Pass 2: Checking directory structure',
  'Pass 3: Checking directory connectivity',
  'Pass 4: Checking reference counts',
  'Pass 5: Checking group summary information',
];

export const e2fsck: ShellCommand = {
  name: 'e2fsck',
  get summary() {
    return msg('Checks a filesystem for damage and repairs it (e2fsck -f -y device).');
  },
  changesModel: true,
  run({ args, machine }) {
    const { flags, operands } = splitArgs(args);
    if (flags.some((f) => !'pafnyv'.includes(f)) || operands.length !== 1) return fail(16, USAGE);
    const preen = flags.includes('p') || flags.includes('a');
    const no = flags.includes('n');
    const yes = flags.includes('y');
    if ([preen, no, yes].filter(Boolean).length > 1) {
      return fail(16, ['e2fsck: Only one of the options -p/-a, -n or -y may be specified.']);
    }
    const force = flags.includes('f');
    const device = operands[0]!;
    const version = preen ? [] : [VERSION];
    const verdict = machine.fsck(device, !no);
    if (!verdict.ok) {
      if (verdict.error === 'EBUSY')
        return fail(8, [...version, `${device} is mounted.`, 'e2fsck: Cannot continue, aborting.', '', '']);
      return fail(8, [
        ...version,
        `e2fsck: No such file or directory while trying to open ${device}`,
        'Possibly non-existent device?',
      ]);
    }
    const value = verdict.value;
    switch (value.kind) {
      case 'unreadable':
        return cannotOpen(version, device, preen, 'Input/output error');
      case 'no-filesystem':
        return cannotOpen(version, device, preen, 'Bad magic number in super-block');
      case 'needs-journal-recovery':
        return afterAbort(version, device, value.counts, summaryFixes(value, no), { preen, no, force });
      case 'clean':
        return clean(version, device, value.counts, summaryFixes(value, no), { preen, no, force });
    }
  },
};

function cannotOpen(version: string[], device: string, preen: boolean, why: string): CommandResult {
  const opened = `e2fsck: ${why} while trying to open ${device}`;
  // In preen mode e2fsck starts its message with the device's name, then a newline.
  return fail(8, [...version, opened, preen ? `${device}: ` : '', ...SUPERBLOCK_HELP]);
}

function summary(device: string, c: FsCounts): string {
  return `${device}: ${c.inodesUsed}/${c.inodesCount} files (0.0% non-contiguous), ${c.blocksUsed}/${c.blocksCount} blocks`;
}

/**
 * Pass 5's word on the superblock's free counts, stale since the last mount when ext4 did not unmount
 * (each a question; -p fixes them without a word, -n answers no, which leaves no error behind).
 */
function summaryFixes(verdict: { counts: FsCounts; superblockFree: FreeCounts }, no: boolean): string[] {
  const { counts, superblockFree } = verdict;
  const counted = {
    blocks: counts.blocksCount - counts.blocksUsed,
    inodes: counts.inodesCount - counts.inodesUsed,
  };
  const lines: string[] = [];
  for (const [what, key] of [
    ['blocks', 'blocks'],
    ['inodes', 'inodes'],
  ] as const) {
    if (superblockFree[key] !== counted[key]) {
      lines.push(`Free ${what} count wrong (${superblockFree[key]}, counted=${counted[key]}).`);
      lines.push(`Fix? ${no ? 'no' : 'yes'}`, '');
    }
  }
  return lines;
}

/** ext4 aborted its journal when the overlay failed: the journal needs recovering, the error flag forces a check. */
function afterAbort(
  version: string[],
  device: string,
  counts: FsCounts,
  fixes: string[],
  o: { preen: boolean; no: boolean; force: boolean },
): CommandResult {
  const forced = o.force ? [] : [`${device} contains a file system with errors, check forced.`];
  if (o.no) {
    return {
      stdout: [
        'Warning: skipping journal recovery because doing a read-only filesystem check.',
        ...forced,
        ...PASSES,
        ...fixes,
        summary(device, counts),
      ],
      stderr: version,
      exitCode: 4,
    };
  }
  if (o.preen)
    return { stdout: [`${device}: recovering journal`, summary(device, counts)], stderr: [], exitCode: 1 };
  return {
    stdout: [
      `${device}: recovering journal`,
      ...forced,
      ...PASSES,
      ...fixes,
      '',
      `${device}: ***** FILE SYSTEM WAS MODIFIED *****`,
      summary(device, counts),
    ],
    stderr: version,
    exitCode: 1,
  };
}

function clean(
  version: string[],
  device: string,
  c: FsCounts,
  fixes: string[],
  o: { preen: boolean; no: boolean; force: boolean },
): CommandResult {
  // Not forced, a clean filesystem is not checked (e2fsck still corrects stale counts, without a word).
  if (!o.force) {
    return {
      stdout: [
        `${device}: clean, ${c.inodesUsed}/${c.inodesCount} files, ${c.blocksUsed}/${c.blocksCount} blocks`,
      ],
      stderr: version,
      exitCode: 0,
    };
  }
  if (fixes.length === 0 || o.no) {
    return {
      stdout: [...(o.preen ? [] : PASSES), ...fixes, summary(device, c)],
      stderr: version,
      exitCode: 0,
    };
  }
  if (o.preen) return { stdout: [summary(device, c)], stderr: version, exitCode: 1 };
  return {
    stdout: [...PASSES, ...fixes, '', `${device}: ***** FILE SYSTEM WAS MODIFIED *****`, summary(device, c)],
    stderr: version,
    exitCode: 1,
  };
}
