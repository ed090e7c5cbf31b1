// The proof: the Sugar Labs wiki's overlay recovery (shared/docs/seed-liveos-image-2012.txt) typed into
// the terminal, command by command, on a stick whose overlay ran out — ending with a mounted, clean
// filesystem, and a stick that boots again with room on its overlay. The outcomes are those the kernel
// lab measured (b_overflow_P*): Invalid (2012, P) or Overflow (today, PO) when full; exit 8 from e2fsck
// while the valid byte is 0; after the byte is set and the file extended, a valid snapshot, e2fsck -f -y
// exiting 1 (journal recovered) and e2fsck -p exiting 0 (clean).

import { describe, expect, it } from 'vitest';
import { Shell } from '../../src/shell/Shell';
import { bootedStick, MIB } from '../model/stick/makeStick';
import { text } from './shellHelpers';

type Era = 'soas-2012' | 'fedora-today';

/** A running stick whose 8 MiB overlay a 16 MiB file has exhausted, and a terminal on it. */
function overflowed(era: Era): Shell {
  const stick = bootedStick({ era, overlayMib: 8, homeMib: 16 });
  expect(stick.writeFile('/keep', 1 * MIB).ok).toBe(true);
  expect(stick.writeFile('/fill', 16 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
  return new Shell(stick);
}

/** Runs one typed line and checks its exit status; answers its lines. */
function typed(shell: Shell, line: string, exitCode = 0): string[] {
  const result = shell.run(line);
  expect(result.exitCode, `${line}\n${text(result).join('\n')}`).toBe(exitCode);
  return text(result);
}

const OVERLAY = '/media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19';

describe.each([
  ['soas-2012', 'ext3fs.img', 'P', 'Invalid'],
  ['fedora-today', 'rootfs.img', 'PO', 'Overflow'],
] as const)('the wiki recovery on a %s stick', (era, rootImage, store, fullState) => {
  it('ends with a mounted, clean filesystem and a stick that boots with room again', () => {
    const shell = overflowed(era);
    // On the running stick: the overlay is spent, and the root cannot be checked while mounted.
    expect(typed(shell, 'dmsetup status live-rw')).toEqual([`0 131072 snapshot ${fullState}`]);
    expect(typed(shell, 'e2fsck -f -y /dev/mapper/live-rw', 8)).toEqual([
      'e2fsck 1.47.0 (5-Feb-2023)',
      '/dev/mapper/live-rw is mounted.',
      'e2fsck: Cannot continue, aborting.',
      '',
      '',
    ]);
    expect(typed(shell, 'poweroff')[0]).toMatch(/another computer/);

    // On another computer, as the wiki writes it.
    typed(shell, 'mkdir /mnt/some_mountpoint /mnt/rescued');
    typed(shell, 'mount /media/LIVE/LiveOS/squashfs.img /mnt/some_mountpoint');
    typed(shell, `losetup /dev/loop1 /mnt/some_mountpoint/LiveOS/${rootImage} -r`);
    typed(shell, `losetup /dev/loop2 ${OVERLAY}`);
    expect(typed(shell, 'blockdev -q --getsz /dev/loop1')).toEqual(['131072']);
    typed(shell, `dmsetup create devicename --table "0 131072 snapshot 7:1 7:2 ${store} 8"`);
    if (store === 'P') {
      // The valid byte is 0: the snapshot is Invalid from the start, nothing can be read.
      expect(typed(shell, 'dmsetup status')).toEqual(['devicename: 0 131072 snapshot Invalid']);
      expect(typed(shell, 'e2fsck -f -y /dev/mapper/devicename', 8)[1]).toBe(
        'e2fsck: Input/output error while trying to open /dev/mapper/devicename',
      );
    } else {
      // PO kept the byte at 1: valid again, and full.
      expect(typed(shell, 'dmsetup status')).toEqual(['devicename: 0 131072 snapshot 16384/16384 72']);
    }
    typed(shell, 'dmsetup remove devicename');

    // Flip the valid byte (the wiki's echo $'\x01' form) and make the overlay twice as big.
    expect(
      typed(shell, `echo $'\\x01' | dd of=${OVERLAY} bs=1 count=1 seek=4 conv=notrunc`).slice(0, 2),
    ).toEqual(['1+0 records in', '1+0 records out']);
    expect(typed(shell, 'blockdev -q --getsz /dev/loop2')).toEqual(['16384']);
    typed(shell, 'losetup -d /dev/loop2');
    expect(typed(shell, `dd if=/dev/zero of=${OVERLAY} seek=16384 count=16384`).slice(0, 2)).toEqual([
      '16384+0 records in',
      '16384+0 records out',
    ]);
    typed(shell, `losetup /dev/loop2 ${OVERLAY}`);
    expect(typed(shell, 'blockdev --getsz /dev/loop2')).toEqual(['32768']);

    // Register it again, repair, check.
    typed(shell, `dmsetup create devicename --table "0 131072 snapshot 7:1 7:2 ${store} 8"`);
    expect(typed(shell, 'dmsetup status devicename')[0]).toMatch(/^0 131072 snapshot \d+\/32768 \d+$/);
    const repaired = typed(shell, 'e2fsck -f -y /dev/mapper/devicename', 1);
    expect(repaired.slice(0, 2)).toEqual([
      'e2fsck 1.47.0 (5-Feb-2023)',
      '/dev/mapper/devicename: recovering journal',
    ]);
    expect(repaired).toContain('/dev/mapper/devicename: ***** FILE SYSTEM WAS MODIFIED *****');
    expect(typed(shell, 'e2fsck -p /dev/mapper/devicename')[0]).toMatch(
      /^\/dev\/mapper\/devicename: clean, \d+\/\d+ files, \d+\/\d+ blocks$/,
    );
    typed(shell, 'mount /dev/mapper/devicename /mnt/rescued');
    expect(typed(shell, 'mount')).toContain('/dev/mapper/devicename on /mnt/rescued type ext4 (ro,relatime)');
    expect(typed(shell, 'ls /mnt/rescued')[0]).toContain('keep');

    // Put everything back and boot the stick.
    typed(shell, 'umount /mnt/rescued');
    typed(shell, 'dmsetup remove devicename');
    typed(shell, 'losetup -d /dev/loop2');
    typed(shell, 'losetup -d /dev/loop1');
    typed(shell, 'umount /mnt/some_mountpoint');
    expect(typed(shell, 'losetup -a')).toEqual([]);
    typed(shell, 'reboot');
    expect(shell.stick.rootState).toBe('rw');
    expect(typed(shell, 'dmsetup status live-rw')[0]).toMatch(/^0 131072 snapshot \d+\/32768 \d+$/);
    typed(shell, 'echo saved again > /root/after.txt');
    expect(typed(shell, 'cat /root/after.txt')).toEqual(['saved again']);
  });
});

describe("the recovery in dracut's emergency shell, on the stick's own computer", () => {
  it('a 2012 stick that stopped booting is repaired where it stopped, and boots', () => {
    const shell = overflowed('soas-2012');
    expect(typed(shell, 'reboot').at(-1)).toMatch(/^Entering emergency mode/);
    expect(shell.prompt).toBe('dracut:/# ');
    expect(typed(shell, 'dmsetup status')).toEqual(['live-rw: 0 131072 snapshot Invalid']);
    expect(typed(shell, 'losetup -a')).toEqual([
      '/dev/loop0: [0000]:0 (/mnt/live/LiveOS/squashfs.img)',
      '/dev/loop1: [0000]:0 (/squashfs/LiveOS/ext3fs.img)',
      '/dev/loop2: [0000]:0 (/mnt/live/LiveOS/overlay-LIVE-B6C4-2E19)',
    ]);
    const overlay = '/mnt/live/LiveOS/overlay-LIVE-B6C4-2E19';
    typed(shell, 'dmsetup remove live-rw');
    typed(shell, 'losetup -d /dev/loop2');
    typed(shell, `printf '\\x01' | dd of=${overlay} bs=1 count=1 seek=4 conv=notrunc`);
    typed(shell, `dd if=/dev/zero of=${overlay} bs=1M count=8 oflag=append conv=notrunc`);
    typed(shell, `losetup /dev/loop2 ${overlay}`);
    typed(shell, 'dmsetup create live-rw --table "0 131072 snapshot 7:1 7:2 P 8"');
    typed(shell, 'e2fsck -f -y /dev/mapper/live-rw', 1);
    expect(typed(shell, 'e2fsck -p /dev/mapper/live-rw')[0]).toMatch(/: clean, /);
    typed(shell, 'mount /dev/mapper/live-rw /sysroot');
    expect(typed(shell, 'mount')).toContain('/dev/mapper/live-rw on /sysroot type ext4 (ro,relatime)');
    typed(shell, 'reboot');
    expect(shell.stick.power).toBe('running');
    expect(typed(shell, 'dmsetup status live-rw')[0]).toMatch(/^0 131072 snapshot \d+\/32768 \d+$/);
  });

  it('poweroff from the emergency shell takes the stick to another computer', () => {
    const shell = overflowed('soas-2012');
    typed(shell, 'reboot');
    expect(typed(shell, 'poweroff')).toEqual([
      'The stick is off. It is plugged into another computer now: its files are in /media/LIVE.',
    ]);
    expect(typed(shell, 'dmsetup ls')).toEqual(['No devices found']);
    expect(typed(shell, 'losetup -a')).toEqual([]);
  });
});

describe("starting the overlay over in dracut's emergency shell", () => {
  it('zeroing its header boots a new, empty store: the files only the old overlay held are gone', () => {
    const stick = bootedStick({ era: 'soas-2012', overlayMib: 8, homeMib: 16 });
    const shell = new Shell(stick);
    typed(shell, 'echo my notes > /root/notes.txt');
    expect(typed(shell, 'ls /root')).toEqual(['notes.txt']);
    expect(stick.writeFile('/fill', 16 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
    expect(typed(shell, 'reboot').at(-1)).toMatch(/^Entering emergency mode/);
    typed(shell, 'dd if=/dev/zero of=/mnt/live/LiveOS/overlay-LIVE-B6C4-2E19 bs=512 count=1 conv=notrunc');
    typed(shell, 'reboot');
    expect(shell.stick.power).toBe('running');
    expect(typed(shell, 'ls /root')).toEqual([]);
    expect(typed(shell, 'ls /')).toEqual(['etc  home  lost+found  mnt  root  tmp  usr  var']);
    expect(typed(shell, 'cat /root/notes.txt', 1)).toEqual([
      'cat: /root/notes.txt: No such file or directory',
    ]);
  });
});

describe('the recovery done wrong', () => {
  it('extending without the valid byte leaves a 2012 overlay Invalid: e2fsck exits 8 and mount fails', () => {
    const shell = overflowed('soas-2012');
    typed(shell, 'poweroff');
    typed(shell, 'mkdir /mnt/sq /mnt/r');
    typed(shell, 'mount /media/LIVE/LiveOS/squashfs.img /mnt/sq');
    expect(typed(shell, 'losetup -f --show -r /mnt/sq/LiveOS/ext3fs.img')).toEqual(['/dev/loop1']);
    typed(shell, `dd if=/dev/zero of=${OVERLAY} bs=1M count=8 oflag=append conv=notrunc`);
    expect(typed(shell, `losetup -f --show ${OVERLAY}`)).toEqual(['/dev/loop2']);
    typed(shell, 'dmsetup create r --table "0 131072 snapshot /dev/loop1 /dev/loop2 P 8"');
    expect(typed(shell, 'dmsetup status r')).toEqual(['0 131072 snapshot Invalid']);
    typed(shell, 'e2fsck -p /dev/mapper/r', 8);
    expect(typed(shell, 'mount /dev/mapper/r /mnt/r', 32)).toEqual([
      "mount: /mnt/r: can't read superblock on /dev/mapper/r.",
    ]);
  });

  // Linux would cut the file to 4 bytes; Cellar's model cannot shrink a stick's overlay and refuses.
  it('dd without conv=notrunc would cut the overlay: Cellar refuses, and the file stays whole', () => {
    const shell = overflowed('soas-2012');
    typed(shell, 'poweroff');
    const before = typed(shell, `ls -l ${OVERLAY}`);
    const cut = typed(shell, `printf '\\x01' | dd of=${OVERLAY} bs=1 count=1 seek=4`, 1);
    expect(cut[0]).toBe(`dd: failed to truncate to 4 bytes in output file '${OVERLAY}': Invalid argument`);
    expect(typed(shell, `ls -l ${OVERLAY}`)).toEqual(before);
  });
});
