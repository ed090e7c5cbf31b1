// What each tool prints when something is wrong, and its exit status, as the real tool: usage errors,
// missing files, busy devices, a read-only root after the overlay filled.

import { describe, expect, it } from 'vitest';
import { Shell } from '../../src/shell/Shell';
import { bootedStick, makeStick, MIB } from '../model/stick/makeStick';
import { text } from './shellHelpers';

function expectRun(shell: Shell, line: string, lines: string[], exitCode: number): void {
  const result = shell.run(line);
  expect(text(result), line).toEqual(lines);
  expect(result.exitCode, line).toBe(exitCode);
}

describe('on the running stick', () => {
  const cases: [string, string[], number][] = [
    ['nosuch', ['bash: nosuch: command not found'], 127],
    ['ls /nope', ["ls: cannot access '/nope': No such file or directory"], 2],
    ['ls -z', ["ls: invalid option -- 'z'", "Try 'ls --help' for more information."], 2],
    ['rm', ['rm: missing operand', "Try 'rm --help' for more information."], 1],
    ['rm /etc', ["rm: cannot remove '/etc': Is a directory"], 1],
    ['rm -f /nope', [], 0],
    ['mkdir /etc', ["mkdir: cannot create directory '/etc': File exists"], 1],
    ['cp /nope /tmp', ["cp: cannot stat '/nope': No such file or directory"], 1],
    ['cp /etc /tmp', ["cp: -r not specified; omitting directory '/etc'"], 1],
    ['cat /nope', ['cat: /nope: No such file or directory'], 1],
    ['cd /nope', ['bash: cd: /nope: No such file or directory'], 1],
    ['printf', ['printf: usage: printf [-v var] format [arguments]'], 2],
    ['dd bogus', ["dd: unrecognized operand 'bogus'", "Try 'dd --help' for more information."], 1],
    [
      'dd if=/dev/zero of=/tmp/z bs=0',
      ["dd: invalid number: '0'", "Try 'dd --help' for more information."],
      1,
    ],
    ['dmsetup status nosuch', ['Device does not exist.', 'Command failed.'], 1],
    ['dmsetup frobnicate', ['Unrecognised command: frobnicate'], 1],
    [
      'dmsetup remove live-rw',
      ['device-mapper: remove ioctl on live-rw  failed: Device or resource busy', 'Command failed.'],
      1,
    ],
    ['dmsetup remove nosuch', ['Device nosuch not found', 'Command failed.'], 1],
    ['losetup -d /dev/loop2', ['losetup: /dev/loop2: detach failed: Device or resource busy'], 1],
    ['losetup -d /dev/loop7', ['losetup: /dev/loop7: detach failed: No such device or address'], 1],
    ['blockdev --getsz /dev/loop7', ['blockdev: cannot open /dev/loop7: No such device or address'], 1],
    ['blockdev --getsz /dev/mapper/live-rw', ['131072'], 0],
    ['umount /', ['umount: /: target is busy.'], 32],
    ['umount /nope', ['umount: /nope: not mounted.'], 32],
    [
      'e2fsck -n -y /dev/mapper/live-rw',
      ['e2fsck: Only one of the options -p/-a, -n or -y may be specified.'],
      16,
    ],
    ['echo "open', ['bash: unexpected EOF while looking for matching `"\''], 2],
  ];
  for (const [line, lines, exitCode] of cases) {
    it(`${line} → exit ${exitCode}`, () => expectRun(new Shell(bootedStick()), line, lines, exitCode));
  }

  it('e2fsck without a device prints its usage and exits 16', () => {
    const result = new Shell(bootedStick()).run('e2fsck');
    expect(text(result)[0]).toBe('Usage: e2fsck [-panyrcdfktvDFV] [-b superblock] [-B blocksize]');
    expect(result.exitCode).toBe(16);
  });

  it('after the overlay filled, writing to the root is refused in bash words (the lab recorded busybox sh)', () => {
    const stick = bootedStick({ era: 'fedora-today', overlayMib: 8 });
    stick.writeFile('/fill', 16 * MIB);
    expectRun(new Shell(stick), 'echo hello > /newfile', ['bash: /newfile: Read-only file system'], 1);
  });

  it("in dracut's emergency shell (Invalid live-rw) dd cannot read live-rw and e2fsck cannot open it", () => {
    const stick = bootedStick({ era: 'soas-2012', overlayMib: 8 });
    stick.writeFile('/fill', 16 * MIB);
    const shell = new Shell(stick);
    shell.run('reboot');
    expect(shell.prompt).toBe('dracut:/# ');
    const read = shell.run('dd if=/dev/mapper/live-rw of=/dev/null bs=4096 count=1');
    expect(text(read).slice(0, 3)).toEqual([
      "dd: error reading '/dev/mapper/live-rw': Input/output error",
      '0+0 records in',
      '0+0 records out',
    ]);
    expect(read.exitCode).toBe(1);
    expect(shell.run('e2fsck -fn /dev/mapper/live-rw').exitCode).toBe(8);
    expectRun(
      shell,
      'mount /dev/mapper/live-rw /sysroot',
      ["mount: /sysroot: can't read superblock on /dev/mapper/live-rw."],
      32,
    );
  });

  it('&& stops at the first failure, || runs only after one', () => {
    const shell = new Shell(bootedStick());
    expectRun(shell, 'ls /nope && echo after', ["ls: cannot access '/nope': No such file or directory"], 2);
    expectRun(
      shell,
      'ls /nope || echo after',
      ["ls: cannot access '/nope': No such file or directory", 'after'],
      0,
    );
  });
});

describe('on the rescue machine', () => {
  it('dmsetup create on a name in use, and a table whose length does not fit the origin', () => {
    const shell = new Shell(makeStick());
    shell.run('dd if=/dev/zero of=/root/base.img bs=1M count=1 status=none');
    shell.run('dd if=/dev/zero of=/root/cow.img bs=1M count=1 status=none');
    shell.run('losetup /dev/loop0 /root/base.img');
    shell.run('losetup /dev/loop1 /root/cow.img');
    expectRun(
      shell,
      'dmsetup create x --table "0 4096 snapshot 7:0 7:1 P 8"',
      ['device-mapper: reload ioctl on x  failed: Invalid argument', 'Command failed.'],
      1,
    );
    expectRun(shell, 'dmsetup create x --table "0 2048 snapshot 7:0 7:1 P 8"', [], 0);
    expectRun(shell, 'dmsetup status', ['x: 0 2048 snapshot 16/2048 16'], 0);
    expectRun(
      shell,
      'dmsetup create x --table "0 2048 snapshot 7:0 7:1 P 8"',
      ['device-mapper: create ioctl on x  failed: Device or resource busy', 'Command failed.'],
      1,
    );
    expectRun(
      shell,
      'losetup -d /dev/loop1',
      ['losetup: /dev/loop1: detach failed: Device or resource busy'],
      1,
    );
    expectRun(
      shell,
      'e2fsck -p /dev/nope',
      ['e2fsck: No such file or directory while trying to open /dev/nope', 'Possibly non-existent device?'],
      8,
    );
  });

  it('cp -r into itself, numbers too large for dd, and a disk that runs out', () => {
    const shell = new Shell(makeStick());
    expectRun(
      shell,
      'cp -r /root /root/sub',
      ["cp: cannot copy a directory, '/root', into itself, '/root/sub'"],
      1,
    );
    expectRun(
      shell,
      'dd if=/dev/zero of=/root/g bs=1 count=1 seek=99999999999999999999',
      ["dd: invalid number: '99999999999999999999'", "Try 'dd --help' for more information."],
      1,
    );
    const full = shell.run('dd if=/dev/zero of=/root/huge bs=1M count=100000');
    expect(text(full)[0]).toBe("dd: error writing '/root/huge': No space left on device");
    expect(full.exitCode).toBe(1);
  });

  it('losetup on a missing file, and when a device is taken', () => {
    const shell = new Shell(makeStick());
    expectRun(
      shell,
      'losetup /dev/loop0 /root/none.img',
      ['losetup: /root/none.img: failed to set up loop device: No such file or directory'],
      1,
    );
    shell.run('dd if=/dev/zero of=/root/a.img bs=1M count=1 status=none');
    expectRun(shell, 'losetup /dev/loop0 /root/a.img', [], 0);
    expectRun(
      shell,
      'losetup /dev/loop0 /root/a.img',
      ['losetup: /dev/loop0: failed to set up loop device: Device or resource busy'],
      1,
    );
    expectRun(shell, 'losetup -f', ['/dev/loop1'], 0);
    expectRun(shell, 'losetup -a', ['/dev/loop0: [0000]:0 (/root/a.img)'], 0);
  });
});
