// e2fsck's words against the lab's recordings (b_overflow_P steps fsck_fy, fsck_p, fsck_fn) on a stick
// repaired in the terminal: the same lines in the same order, with the device's name and the
// filesystem's own numbers (inodes, blocks) masked — the lab's 128 MiB test image is not a stick's root.
// The lab's -f -y also fixed the free block and inode counts in the superblock; the model keeps no
// superblock counts apart from its bitmaps, so those four lines (and their blank lines) are the one
// difference, left out here and named in src/shell/README.md.

import { describe, expect, it } from 'vitest';
import { Shell } from '../../src/shell/Shell';
import { loadGolden } from '../helpers/golden';
import { bootedStick, MIB } from '../model/stick/makeStick';
import { text } from './shellHelpers';

function mask(lines: readonly string[]): string[] {
  return lines.map((l) => l.replace(/\/dev\/mapper\/[\w-]+/g, 'DEV').replace(/\d+\/\d+/g, 'N/N'));
}

function recorded(stepName: string): { output: string[]; rc: number } {
  const step = loadGolden('b_overflow_P').steps.find((s) => s.name === stepName) as unknown as {
    commands: { output: string[]; rc: number }[];
  };
  return step.commands[0]!;
}

/** A 2012 stick overflowed, then on the rescue machine: valid byte set, overlay extended, registered. */
function repairedSnapshot(): Shell {
  const stick = bootedStick({ era: 'soas-2012', overlayMib: 8, homeMib: 16 });
  stick.writeFile('/fill', 16 * MIB);
  const shell = new Shell(stick);
  const overlay = '/media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19';
  for (const line of [
    'poweroff',
    'mkdir /mnt/sq',
    'mount /media/LIVE/LiveOS/squashfs.img /mnt/sq',
    'losetup -r /dev/loop1 /mnt/sq/LiveOS/ext3fs.img',
    `printf '\\x01' | dd of=${overlay} bs=1 count=1 seek=4 conv=notrunc`,
    `dd if=/dev/zero of=${overlay} bs=1M count=8 oflag=append conv=notrunc`,
    `losetup /dev/loop2 ${overlay}`,
    'dmsetup create live-rw --table "0 131072 snapshot /dev/loop1 /dev/loop2 P 8"',
  ]) {
    expect(shell.run(line).exitCode, line).toBe(0);
  }
  return shell;
}

describe('e2fsck after the recovery, line for line with the lab', () => {
  it('-f -y recovers the journal and exits 1; -p then says clean and exits 0; -fn finds nothing', () => {
    const shell = repairedSnapshot();
    const countFix = /^(Free (blocks|inodes) count wrong|Fix\? yes)/;
    const fy = recorded('fsck_fy');
    const expected = fy.output.filter(
      (line, i, all) => !countFix.test(line) && !(line === '' && countFix.test(all[i - 1] ?? '')),
    );
    const ran = shell.run('e2fsck -f -y /dev/mapper/live-rw');
    expect(mask(text(ran))).toEqual(mask(expected));
    expect(ran.exitCode).toBe(fy.rc);

    for (const [line, step] of [
      ['e2fsck -p /dev/mapper/live-rw', 'fsck_p'],
      ['e2fsck -fn /dev/mapper/live-rw', 'fsck_fn'],
    ] as const) {
      const result = shell.run(line);
      expect(mask(text(result)), line).toEqual(mask(recorded(step).output));
      expect(result.exitCode, line).toBe(recorded(step).rc);
    }
  });

  it('the summary counts are the root filesystem’s own', () => {
    const shell = repairedSnapshot();
    const root = shell.stick.media.persistentRoot!.fs;
    const line = text(shell.run('e2fsck -fn /dev/mapper/live-rw')).at(-1)!;
    expect(line).toContain(`, ${root.usedBlocks()}/${root.layout.blocksCount} blocks`);
  });
});
