// e2fsck's words against the lab's recordings (b_overflow_P steps fsck_fy, fsck_p, fsck_fn) on a stick
// repaired in the terminal: the same lines in the same order, with the device's name and the
// filesystem's own numbers (inodes, blocks) masked — the lab's 128 MiB test image is not a stick's root.
// The lab's -f -y also fixed the superblock's free block and inode counts, stale since the mount: ext4
// writes them only at mount and unmount. Their numbers are the lab image's; the model's own are checked
// against its filesystem below.

import { describe, expect, it } from 'vitest';
import { Shell } from '../../src/shell/Shell';
import { loadGolden } from '../helpers/golden';
import { bootedStick, MIB } from '../model/stick/makeStick';
import { text } from './shellHelpers';

function mask(lines: readonly string[]): string[] {
  return lines.map((l) => maskCounts(l.replace(/\/dev\/mapper\/[\w-]+/g, 'DEV').replace(/\d+\/\d+/g, 'N/N')));
}

function maskCounts(line: string): string {
  return line.replace(/count wrong \(\d+, counted=\d+\)/, 'count wrong (N, counted=N)');
}

function recorded(stepName: string): { output: string[]; rc: number } {
  const step = loadGolden('b_overflow_P').steps.find((s) => s.name === stepName) as unknown as {
    commands: { output: string[]; rc: number }[];
  };
  return step.commands[0]!;
}

/** A 2012 stick overflowed, then on the rescue machine: valid byte set, overlay extended, registered. */
function repairedSnapshot(stick = bootedStick({ era: 'soas-2012', overlayMib: 8, homeMib: 16 })): Shell {
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
    const fy = recorded('fsck_fy');
    const ran = shell.run('e2fsck -f -y /dev/mapper/live-rw');
    expect(mask(text(ran))).toEqual(mask(fy.output).map(maskCounts));
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

  it('pass 5 names the superblock’s counts from the mount before the overflow, and what it counted', () => {
    const stick = bootedStick({ era: 'soas-2012', overlayMib: 8, homeMib: 16 });
    const atMount = stick.media.persistentRoot!.fs.freeCounts();
    const shell = repairedSnapshot(stick);
    const root = shell.stick.media.persistentRoot!.fs;
    const now = root.freeCounts();
    expect(now.blocks).toBeLessThan(atMount.blocks); // the 16 MiB written before the overlay ran out
    const lines = text(shell.run('e2fsck -f -y /dev/mapper/live-rw'));
    expect(lines).toContain(`Free blocks count wrong (${atMount.blocks}, counted=${now.blocks}).`);
    // Fixed once: the next forced check has nothing to say about them.
    expect(text(shell.run('e2fsck -fn /dev/mapper/live-rw')).join('\n')).not.toContain('count wrong');
  });

  it('-n only asks, and leaves the counts for a later check to fix', () => {
    const shell = repairedSnapshot();
    const asked = text(shell.run('e2fsck -fn /dev/mapper/live-rw'));
    expect(asked).toContain('Fix? no');
    expect(text(shell.run('e2fsck -fn /dev/mapper/live-rw'))).toContain('Fix? no');
  });

  it('the summary counts are the root filesystem’s own', () => {
    const shell = repairedSnapshot();
    const root = shell.stick.media.persistentRoot!.fs;
    const line = text(shell.run('e2fsck -fn /dev/mapper/live-rw')).at(-1)!;
    expect(line).toContain(`, ${root.usedBlocks()}/${root.layout.blocksCount} blocks`);
  });
});
