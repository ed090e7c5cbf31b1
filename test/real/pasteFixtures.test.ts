// Every sample in test/fixtures/real reads to its numbers and its detection: the kernel-recorded lines to
// the recording's own parsed numbers, the written samples of a 2012, a today, a temporary, an OverlayFS and
// an installed system to what they show.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPaste } from '../../src/real/paste/readPaste';
import { loadGolden } from '../helpers/golden';

const REAL_DIR = join(import.meta.dirname, '../fixtures/real');

function sample(name: string): string {
  return readFileSync(join(REAL_DIR, name), 'utf8');
}

const KERNEL_SAMPLE = /^kernel-(.+)-step(\d+)-(status|table)\.txt$/;

describe('the kernel-recorded lines', () => {
  const samples = readdirSync(REAL_DIR).filter((name) => KERNEL_SAMPLE.test(name));

  it('are all there: a status and a table for each chosen step', () => {
    expect(samples.length).toBeGreaterThanOrEqual(16);
  });

  it.each(samples)('%s reads to the recording’s numbers', (name) => {
    const [, recording, step, kind] = KERNEL_SAMPLE.exec(name)!;
    const recorded = loadGolden(recording!).steps.find((s) => s.index === Number(step))!;
    const stick = readPaste(sample(name));
    expect(stick.problems).toEqual([]);
    expect(stick.snapshot?.originSectors).toBe(recorded.status_parsed!.length);
    if (kind === 'status') {
      const parsed = recorded.status_parsed!;
      expect(stick.snapshot?.status).toEqual(
        parsed.state === 'Valid'
          ? {
              state: 'Valid',
              sectorsAllocated: parsed.sectors_allocated,
              totalSectors: parsed.total_sectors,
              metadataSectors: parsed.metadata_sectors,
            }
          : { state: parsed.state },
      );
    } else {
      expect(stick.snapshot?.store).toBe(recorded.store);
      expect(stick.snapshot?.chunkSectors).toBe(recorded.chunk_sectors);
      expect(stick.era).toBe(recorded.store === 'PO' ? 'fedora-today' : 'soas-2012');
      expect(stick.evidence).toEqual([
        { clue: 'snapshot-table', text: `${recorded.store} ${recorded.chunk_sectors}` },
      ]);
    }
  });

  it('a two-device listing picks the snapshot, not the snapshot-origin, and keeps its name', () => {
    const recorded = loadGolden('e_origin_merge').steps[0]!;
    const status = readPaste(sample('kernel-e_origin_merge-step1-status-two-devices.txt'));
    expect(status.problems).toEqual([]);
    expect(status.snapshot?.name).toBe('snap');
    expect(status.snapshot?.status).toMatchObject({
      state: 'Valid',
      sectorsAllocated: recorded.status_parsed!.sectors_allocated,
    });
    const table = readPaste(sample('kernel-e_origin_merge-step1-table-two-devices.txt'));
    expect(table.snapshot).toMatchObject({ name: 'snap', originDevice: '7:0', cowDevice: '7:1', store: 'P' });
  });
});

describe('a 2012 Sugar on a Stick', () => {
  const stick = readPaste(sample('soas-2012-persistent.txt'));

  it('is read whole, prompts and all, without a problem', () => {
    expect(stick.problems).toEqual([]);
    expect(stick.source).toBe('paste');
  });

  it('has a persistent p 8 overlay on the stick, in the 2012 era, mounted at /mnt/live', () => {
    expect(stick.persistence).toBe('persistent');
    expect(stick.era).toBe('soas-2012');
    expect(stick.devicePath).toBe('/mnt/live');
    expect(stick.evidence).toEqual([
      { clue: 'overlay-file', text: '/mnt/live/LiveOS/overlay-SOAS-4D2C-1A3B' },
      { clue: 'snapshot-table', text: 'p 8' },
      { clue: 'device-path', text: '/mnt/live' },
    ]);
  });

  it('takes live-rw’s lines, not live-osimg-min’s', () => {
    expect(stick.snapshot).toEqual({
      name: 'live-rw',
      originSectors: 6291456,
      status: { state: 'Valid', sectorsAllocated: 12056, totalSectors: 409600, metadataSectors: 56 },
      store: 'P',
      storeAsWritten: 'p',
      chunkSectors: 8,
      originDevice: '7:1',
      cowDevice: '7:2',
    });
    expect(stick.dmDevices).toEqual({ 'live-osimg-min': '253:1', 'live-rw': '253:0' });
  });

  it('finds the LiveOS files with their allocated blocks (ls -s counts KiB)', () => {
    expect(stick.overlayFile).toEqual({
      path: '/mnt/live/LiveOS/overlay-SOAS-4D2C-1A3B',
      sizeBytes: 209715200,
      allocatedBytes: 204800 * 1024,
    });
    expect(stick.homeImage?.sizeBytes).toBe(157286400);
    expect(stick.squashfsImage?.path).toBe('/mnt/live/LiveOS/squashfs.img');
    expect(stick.files.map((file) => file.path.split('/').at(-1))).toEqual([
      'home.img',
      'osmin.img',
      'overlay-SOAS-4D2C-1A3B',
      'squashfs.img',
    ]);
  });

  it('reads the loops and the mounts', () => {
    expect(stick.loops).toHaveLength(5);
    expect(stick.loops[2]).toEqual({
      device: '/dev/loop2',
      backingFile: '/mnt/live/LiveOS/overlay-SOAS-4D2C-1A3B',
    });
    expect(stick.mounts[0]).toEqual({
      source: '/dev/mapper/live-rw',
      target: '/',
      fstype: 'ext4',
      options: 'rw,relatime,seclabel,user_xattr,acl,barrier=1,data=ordered',
    });
    expect(stick.mounts.find((mount) => mount.target === '/home')?.source).toBe('/dev/loop4');
  });
});

describe('a Fedora-today stick', () => {
  const stick = readPaste(sample('fedora-today-persistent.txt'));

  it('is persistent, PO 8, today’s era, at /run/initramfs/live', () => {
    expect(stick.problems).toEqual([]);
    expect(stick.persistence).toBe('persistent');
    expect(stick.era).toBe('fedora-today');
    expect(stick.devicePath).toBe('/run/initramfs/live');
    expect(stick.snapshot).toMatchObject({
      name: 'live-rw',
      originSectors: 16777216,
      status: { state: 'Valid', sectorsAllocated: 160640, totalSectors: 4194304, metadataSectors: 640 },
      store: 'PO',
      originDevice: '253:0',
      cowDevice: '7:2',
    });
  });

  it('reads the findmnt tree under its header, nested rows included', () => {
    expect(stick.mounts).toHaveLength(9);
    expect(stick.mounts[0]).toEqual({
      target: '/',
      source: '/dev/mapper/live-rw',
      fstype: 'ext4',
      options: 'rw,relatime,seclabel',
    });
    expect(stick.mounts.find((mount) => mount.target === '/run/initramfs/live')?.source).toBe('/dev/sdb1');
  });

  it('keeps ls -h sizes as near values, marked approximate', () => {
    expect(stick.overlayFile).toEqual({
      path: '/run/initramfs/live/LiveOS/overlay-SoaS-1a2b-3c4d',
      sizeBytes: 2 * 1024 ** 3,
      allocatedBytes: null,
      approximate: true,
    });
    expect(stick.squashfsImage?.sizeBytes).toBe(Math.round(1.9 * 1024 ** 3));
  });

  it('reads the new dmsetup ls form and losetup -a from sysfs', () => {
    expect(stick.dmDevices).toEqual({ 'live-base': '253:0', 'live-rw': '253:1' });
    expect(stick.loops.map((loop) => loop.device)).toEqual(['/dev/loop1', '/dev/loop2', '/dev/loop0']);
  });
});

describe('sticks without a persistent overlay', () => {
  it('today’s 32 GiB RAM overlay is temporary, told by the status total alone', () => {
    const stick = readPaste(sample('fedora-today-temporary.txt'));
    expect(stick.problems).toEqual([]);
    expect(stick.persistence).toBe('temporary');
    expect(stick.era).toBe('fedora-today');
    expect(stick.evidence[0]).toEqual({ clue: 'snapshot-status', text: '24104/67108864 104' });
  });

  it('2012’s /overlay in the initramfs is temporary, told by the COW loop', () => {
    const stick = readPaste(sample('soas-2012-temporary.txt'));
    expect(stick.problems).toEqual([]);
    expect(stick.persistence).toBe('temporary');
    expect(stick.era).toBe('soas-2012');
    expect(stick.evidence[0]).toEqual({ clue: 'ram-overlay', text: '/overlay' });
    expect(stick.snapshot?.name).toBeNull();
    expect(stick.snapshot?.status).toMatchObject({ totalSectors: 1048576 });
  });

  it('an OverlayFS stick is overlayfs, by its root mount, its boot option and its upper folder', () => {
    const stick = readPaste(sample('overlayfs-today.txt'));
    expect(stick.problems).toEqual([]);
    expect(stick.persistence).toBe('overlayfs');
    expect(stick.snapshot).toBeNull();
    expect(stick.evidence.map((item) => item.clue)).toEqual([
      'overlayfs-mount',
      'kernel-cmdline',
      'overlay-file',
      'device-path',
    ]);
    expect(stick.mounts).toEqual([
      expect.objectContaining({ target: '/', source: 'LiveOS_rootfs', fstype: 'overlay' }),
    ]);
    expect(stick.overlayFile).toBeNull();
    expect(stick.squashfsImage?.sizeBytes).toBe(2038431744);
  });

  it('an installed system has none: no live-rw and a root on a disk', () => {
    const stick = readPaste(sample('installed-system.txt'));
    expect(stick.problems).toEqual([]);
    expect(stick.persistence).toBe('none');
    expect(stick.evidence).toEqual([{ clue: 'no-live-rw', text: '/dev/nvme0n1p3 on /' }]);
    expect(stick.era).toBeNull();
  });
});

describe('the other samples', () => {
  it('losetup --list is read by its columns', () => {
    const stick = readPaste(sample('losetup-list.txt'));
    expect(stick.problems).toEqual([]);
    expect(stick.loops).toEqual([
      { device: '/dev/loop1', backingFile: '/run/rootfsbase/LiveOS/rootfs.img' },
      { device: '/dev/loop2', backingFile: '/run/initramfs/live/LiveOS/overlay-SoaS-1a2b-3c4d' },
      { device: '/dev/loop0', backingFile: '/run/initramfs/live/LiveOS/squashfs.img' },
    ]);
    expect(stick.devicePath).toBe('/run/initramfs/live');
  });

  it('dmsetup without sudo says it needs root, and is no problem', () => {
    const stick = readPaste(sample('dmsetup-without-root.txt'));
    expect(stick.problems).toEqual([]);
    expect(stick.needsRoot).toEqual(['dmsetup status']);
    expect(stick.failedCommands).toEqual([]);
    expect(stick.persistence).toBe('unknown');
  });

  it('dmsetup on a kernel without device-mapper did not work, and needs no root', () => {
    // As dmsetup 1.02 answered as root on this project's build machine, a virtual machine with no dm.
    const stick = readPaste(
      [
        '# dmsetup status',
        '/dev/mapper/control: open failed: No such device',
        'Failure to communicate with kernel device-mapper driver.',
        'Check that device-mapper is available in the kernel.',
        'Command failed.',
      ].join('\n'),
    );
    expect(stick.problems).toEqual([]);
    expect(stick.needsRoot).toEqual([]);
    expect(stick.failedCommands).toEqual([
      { command: 'dmsetup status', message: '/dev/mapper/control: open failed: No such device' },
    ]);
  });
});
