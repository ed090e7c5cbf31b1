// What a learner may paste beyond the samples: several outputs together without prompts, every prompt style,
// CRLF line ends, each tool's other spellings, a report among other outputs — and lines that cannot be read,
// each named by its line number and expected kind while the rest is still read.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPaste } from '../../src/real/paste/readPaste';

const REAL_DIR = join(import.meta.dirname, '../fixtures/real');

function sample(name: string): string {
  return readFileSync(join(REAL_DIR, name), 'utf8');
}

describe('several outputs in one paste', () => {
  it('are each read by their shape when no prompt says what they are', () => {
    const stick = readPaste(
      [
        'live-rw: 0 6291456 snapshot 96/409600 16',
        'live-rw: 0 6291456 snapshot 7:1 7:2 P 8',
        '',
        '/dev/loop2: [0811]:9 (/mnt/live/LiveOS/overlay-SOAS-4D2C-1A3B)',
        'live-rw\t(253:0)',
        '-rwxr-xr-x 1 root root 209715200 Mar  5  2012 /mnt/live/LiveOS/overlay-SOAS-4D2C-1A3B',
        '/dev/sdb1 on /mnt/live type vfat (rw,relatime)',
        'initrd=initrd0.img root=live:UUID=4D2C-1A3B rootfstype=vfat rw liveimg quiet',
      ].join('\n'),
    );
    expect(stick.problems).toEqual([]);
    expect(stick.snapshot).toMatchObject({
      name: 'live-rw',
      status: { sectorsAllocated: 96, totalSectors: 409600 },
      store: 'P',
      cowDevice: '7:2',
    });
    expect(stick.persistence).toBe('persistent');
    expect(stick.era).toBe('soas-2012');
    expect(stick.devicePath).toBe('/mnt/live');
    expect(stick.overlayFile?.sizeBytes).toBe(209715200);
    expect(stick.dmDevices).toEqual({ 'live-rw': '253:0' });
  });

  it('a table line under a `dmsetup status` prompt is read as the table it is', () => {
    const stick = readPaste('$ sudo dmsetup status\n0 6291456 snapshot 7:1 7:2 PO 8\n');
    expect(stick.problems).toEqual([]);
    expect(stick.snapshot?.store).toBe('PO');
  });

  it('a P table with an overlay file listed is persistent even without losetup', () => {
    const stick = readPaste(
      '0 16777216 snapshot 253:0 7:2 PO 8\n-rw-r--r--. 1 root root 4294966784 2024-06-03 10:12 /run/initramfs/live/LiveOS/overlay-SoaS-1-2\n',
    );
    expect(stick.persistence).toBe('persistent');
    expect(stick.evidence.slice(0, 2)).toEqual([
      { clue: 'snapshot-table', text: 'PO 8' },
      { clue: 'overlay-file', text: '/run/initramfs/live/LiveOS/overlay-SoaS-1-2' },
    ]);
  });

  it('the newest of two pasted readings of the same device wins', () => {
    const stick = readPaste('0 262144 snapshot 16/32768 16\n0 262144 snapshot 24/32768 16\n');
    expect(stick.snapshot?.status).toMatchObject({ sectorsAllocated: 24 });
  });

  it('a report pasted among other outputs brings its source, time and readings', () => {
    const report = sample('probe-report-today.json');
    const stick = readPaste(
      `$ uname -r\n6.8.5-301.fc40.x86_64\n${report}\n$ cat /proc/cmdline\nroot=live:CDLABEL=X rd.live.image\n`,
    );
    expect(stick.problems).toEqual([]);
    expect(stick.source).toBe('probe');
    expect(stick.takenAt).toBe('2026-06-03T10:15:00+02:00');
    expect(stick.persistence).toBe('persistent');
    expect(stick.overlayHeader?.verdict.kind).toBe('existing');
    expect(stick.homeImage?.allocatedBytes).toBe(104857600);
  });
});

describe('prompts', () => {
  it.each([
    '$ dmsetup status',
    '# dmsetup status',
    '[liveuser@localhost ~]$ sudo dmsetup status',
    '[root@localhost LiveOS]# dmsetup status',
    'liveuser@localhost-live:~$ sudo dmsetup status',
    'bash-5.2# dmsetup status',
    'sh-4.2$ dmsetup status | grep live',
  ])('"%s" says the next lines are a dmsetup status', (prompt) => {
    const stick = readPaste(`${prompt}\nlive-rw: 0 6291456 snapshot 96/409600 16\nnot a status line\n`);
    expect(stick.snapshot?.status).toMatchObject({ sectorsAllocated: 96 });
    expect(stick.problems).toEqual([
      expect.objectContaining({ expected: 'dmsetup-status', lineNumber: 3, line: 'not a status line' }),
    ]);
  });

  it('sudo’s password prompt is no problem', () => {
    const stick = readPaste('$ sudo dmsetup ls\n[sudo] password for liveuser: \nlive-rw\t(253:0)\n');
    expect(stick.problems).toEqual([]);
    expect(stick.dmDevices).toEqual({ 'live-rw': '253:0' });
  });

  it('a learner sudo refuses is told the command needs root', () => {
    const stick = readPaste(
      '$ sudo dmsetup status\nliveuser is not in the sudoers file.  This incident will be reported.\n',
    );
    expect(stick.problems).toEqual([]);
    expect(stick.needsRoot).toEqual(['dmsetup status']);
  });

  it('a prompt with no command, or one Cellar does not read, loses nothing', () => {
    const stick = readPaste('[liveuser@localhost ~]$ \n$ uname -r\n3.3.0-4.fc16.i686\n0 1 snapshot 8/64 8\n');
    expect(stick.problems).toEqual([]);
    expect(stick.snapshot?.status).toMatchObject({ totalSectors: 64 });
  });

  it('the ls folder of the prompt makes the names whole paths', () => {
    const stick = readPaste(
      '$ ls -l /run/initramfs/live/LiveOS/\n-rw-r--r--. 1 root root 536870912 Jun  3 10:12 home.img\n',
    );
    expect(stick.homeImage?.path).toBe('/run/initramfs/live/LiveOS/home.img');
    expect(stick.devicePath).toBe('/run/initramfs/live');
    expect(stick.era).toBe('fedora-today');
  });
});

describe('line ends', () => {
  it('CRLF, CR and LF pastes read the same', () => {
    const text = sample('soas-2012-persistent.txt');
    const lf = readPaste(text);
    expect(readPaste(text.replace(/\n/g, '\r\n'))).toEqual(lf);
    expect(readPaste(text.replace(/\n/g, '\r'))).toEqual(lf);
  });

  it('a problem’s line number counts CRLF lines as one each', () => {
    const stick = readPaste('$ dmsetup table\r\n0 1 snapshot 7:1 7:2 P 8\r\n0 1 snapshot 7:1 7:2 Q 8\r\n');
    expect(stick.problems).toEqual([expect.objectContaining({ expected: 'dmsetup-table', lineNumber: 3 })]);
  });
});

describe('each tool’s other spellings', () => {
  it('dmsetup ls in the old "(253, 0)" and the new "(253:0)" form', () => {
    expect(readPaste('live-rw\t(253, 0)\nlive-base (253:1)\n').dmDevices).toEqual({
      'live-rw': '253:0',
      'live-base': '253:1',
    });
  });

  it('"No devices found" is an empty listing, not a problem', () => {
    const stick = readPaste('$ sudo dmsetup status\nNo devices found\n$ sudo dmsetup ls\nNo devices found\n');
    expect(stick.problems).toEqual([]);
    expect(stick.snapshot).toBeNull();
    expect(readPaste('No devices found\n').problems).toEqual([]);
  });

  it('losetup -a with an offset, and a backing file deleted since', () => {
    const stick = readPaste(
      '/dev/loop0: [0811]:6 (/mnt/live/LiveOS/squashfs.img), offset 0\n/dev/loop2: [0001]:5 (/overlay (deleted))\n',
    );
    expect(stick.problems).toEqual([]);
    expect(stick.loops.map((loop) => loop.backingFile)).toEqual([
      '/mnt/live/LiveOS/squashfs.img',
      '/overlay',
    ]);
  });

  it('findmnt --ascii, and findmnt -J among other lines', () => {
    const ascii = readPaste(
      'TARGET SOURCE FSTYPE OPTIONS\n/ /dev/mapper/live-rw ext4 rw\n|-/proc proc proc rw\n`-/run/initramfs/live /dev/sdb1 vfat rw\n',
    );
    expect(ascii.problems).toEqual([]);
    expect(ascii.mounts.map((mount) => mount.target)).toEqual(['/', '/proc', '/run/initramfs/live']);
    const json = readPaste(
      '$ findmnt -J\n{"filesystems": [{"target": "/", "source": "/dev/sda2", "fstype": "ext4", "options": "rw",\n  "children": [{"target": "/boot", "source": "/dev/sda1", "fstype": "vfat", "options": "rw"}]}]}\n$ sudo dmsetup ls\nNo devices found\n',
    );
    expect(json.problems).toEqual([]);
    expect(json.mounts.map((mount) => mount.target)).toEqual(['/', '/boot']);
    expect(json.persistence).toBe('none');
  });

  it('findmnt columns in another order follow the header', () => {
    const stick = readPaste('SOURCE TARGET FSTYPE OPTIONS\nLiveOS_rootfs / overlay rw\n');
    expect(stick.persistence).toBe('overlayfs');
  });

  it('ls -l with long-iso dates, quoted names, links and a heading per folder', () => {
    const stick = readPaste(
      [
        '/mnt/live/LiveOS:',
        'total 8',
        "-rw-r--r-- 1 root root 12 2012-03-05 12:00 'my notes.txt'",
        'lrwxrwxrwx 1 root root 12 2012-03-05 12:00 latest -> overlay-X',
        '-rw-r--r-- 1 root root 1048576 2012-03-05 12:00:01.000000000 +0100 overlay-X',
      ].join('\n'),
    );
    expect(stick.problems).toEqual([]);
    expect(stick.files.map((file) => file.path)).toEqual([
      '/mnt/live/LiveOS/my notes.txt',
      '/mnt/live/LiveOS/overlay-X',
    ]);
    expect(stick.devicePath).toBe('/mnt/live');
  });

  it('ls -lsh: both the blocks and the size are near values', () => {
    const stick = readPaste('1.1M -rw-r--r--. 1 root root 4.0G Jun  3 10:12 overlay-SoaS-1-2\n');
    expect(stick.overlayFile).toEqual({
      path: 'overlay-SoaS-1-2',
      sizeBytes: 4 * 1024 ** 3,
      allocatedBytes: Math.round(1.1 * 1024 ** 2),
      approximate: true,
    });
  });

  it('mount lines with an overlay root, and a cmdline asking for OverlayFS', () => {
    expect(readPaste('LiveOS_rootfs on / type overlay (rw,relatime)\n').persistence).toBe('overlayfs');
    const cmdline = readPaste('BOOT_IMAGE=/vmlinuz root=live:CDLABEL=X rd.live.image rd.overlay=LABEL=Y\n');
    expect(cmdline.persistence).toBe('overlayfs');
    expect(cmdline.evidence).toEqual([{ clue: 'kernel-cmdline', text: 'rd.overlay=LABEL=Y' }]);
  });
});

describe('lines that cannot be read', () => {
  it('each names its line and expected kind, and every other line is still read', () => {
    const stick = readPaste(
      [
        '$ sudo dmsetup status',
        'live-rw: 0 6291456 snapshot 96/409600 16',
        'live-rw: 0 6291456 snapshot 97/96 16',
        '$ losetup -a',
        '/dev/loop2: [0811]:9 (/mnt/live/LiveOS/overlay-SOAS-4D2C-1A3B)',
        '/dev/loop3 is busy',
        '',
        'hello there',
      ].join('\n'),
    );
    expect(stick.snapshot?.status).toMatchObject({ sectorsAllocated: 96 });
    expect(stick.loops).toHaveLength(1);
    expect(stick.persistence).toBe('persistent');
    expect(stick.problems).toEqual([
      {
        expected: 'dmsetup-status',
        lineNumber: 3,
        line: 'live-rw: 0 6291456 snapshot 97/96 16',
        detail: 'expected allocated sectors ≤ total sectors; found 97 allocated out of only 96',
      },
      expect.objectContaining({ expected: 'losetup', lineNumber: 6, line: '/dev/loop3 is busy' }),
      expect.objectContaining({ expected: 'losetup', lineNumber: 8, line: 'hello there' }),
    ]);
  });

  it('a line of no known shape, with no prompt before it, expects any', () => {
    const stick = readPaste('0 1 snapshot 8/64 8\n\nwhat is this?\n');
    expect(stick.problems).toEqual([
      {
        expected: 'any',
        lineNumber: 3,
        line: 'what is this?',
        detail: expect.stringMatching(/^expected the output of dmsetup status, .*found "what is this\?"$/),
      },
    ]);
  });

  it('a line that looks like a kind but is broken names that kind', () => {
    const stick = readPaste('-rw-r--r-- 1 root root 12 yesterday overlay\n');
    expect(stick.problems).toEqual([expect.objectContaining({ expected: 'ls-l', lineNumber: 1 })]);
  });

  it('a long line is cut to 120 characters in the problem', () => {
    const stick = readPaste(`$ dmsetup ls\n${'x'.repeat(500)}\n`);
    expect(stick.problems[0]!.line).toHaveLength(120);
  });

  it('JSON that never closes is one problem, and the outputs after its prompt are read', () => {
    const stick = readPaste(
      '$ findmnt -J\n{"filesystems": [\n  {"target": "/",\n$ dmsetup ls\nlive-rw (253:0)\n',
    );
    expect(stick.problems).toEqual([
      expect.objectContaining({
        expected: 'findmnt',
        lineNumber: 2,
        detail: 'expected JSON; its braces never close',
      }),
    ]);
    expect(stick.dmDevices).toEqual({ 'live-rw': '253:0' });
  });

  it('a damaged report gives report problems at its first line', () => {
    const stick = readPaste('text before\n{"format": "cellar-report/v2", "outputs": {}}\n');
    expect(stick.problems).toEqual([
      expect.objectContaining({ expected: 'any', lineNumber: 1 }),
      {
        expected: 'report',
        lineNumber: 2,
        line: null,
        detail: 'expected "format": "cellar-report/v1"; found "cellar-report/v2"',
      },
    ]);
  });

  it('JSON of another kind is named as such', () => {
    const stick = readPaste('{"hello": 1}\n');
    expect(stick.problems).toEqual([
      expect.objectContaining({
        expected: 'any',
        lineNumber: 1,
        detail: expect.stringContaining('other JSON'),
      }),
    ]);
  });

  it('something that is not text is a problem, not a throw', () => {
    const stick = readPaste(42 as unknown as string);
    expect(stick.problems).toEqual([expect.objectContaining({ expected: 'any', lineNumber: null })]);
  });
});

describe('a status alone', () => {
  it('of a 32 GiB snapshot is today’s temporary overlay, one clue for both', () => {
    const stick = readPaste('0 16777216 snapshot 24104/67108864 104\n');
    expect(stick.persistence).toBe('temporary');
    expect(stick.era).toBe('fedora-today');
    expect(stick.evidence).toEqual([{ clue: 'snapshot-status', text: '24104/67108864 104' }]);
  });

  it('of any other size says neither how it persists nor its era', () => {
    const stick = readPaste('live-rw: 0 16777216 snapshot 24104/4194304 104\n');
    expect(stick.persistence).toBe('unknown');
    expect(stick.era).toBeNull();
    expect(stick.snapshot?.name).toBe('live-rw');
  });
});

describe('numbers that only look like a dmsetup line', () => {
  it('"0 1 2 3" has no target name: a problem, not a device', () => {
    const stick = readPaste('$ dmsetup status\n0 1 2 3\n');
    expect(stick.problems).toEqual([
      expect.objectContaining({
        expected: 'dmsetup-status',
        lineNumber: 2,
        detail: 'expected a device-mapper target such as snapshot or linear; found "2"',
      }),
    ]);
  });
});
