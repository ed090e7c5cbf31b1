// A full overlay, as the kernel lab measured it (test/fixtures/kernel/b_overflow_P and _PO): the
// snapshot goes Invalid (2012, P) or Overflow (today, PO); ext4 aborts its journal and the root turns
// read-only, so later writes fail with EROFS; with Invalid, reads fail with EIO too. Nothing crashes, and
// the other stores carry on.

import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../helpers/golden';
import { bootedStick, MIB } from './makeStick';

/** A stick with an 8 MiB overlay after a 16 MiB file was written to the root. */
function overflowedStick(era: 'soas-2012' | 'fedora-today') {
  const stick = bootedStick({ era, overlayMib: 8, homeMib: 16 });
  expect(stick.writeFile('/keep', 1 * MIB).ok).toBe(true);
  const fill = stick.writeFile('/fill', 16 * MIB);
  return { stick, fill };
}

/** The kernel lines the lab recorded during a step, without their timestamps. */
function recordedKernelLines(scenario: string, stepName: string): string[] {
  const step = loadGolden(scenario).steps.find((s) => s.name === stepName) as unknown as {
    kernel_messages: string[];
  };
  return step.kernel_messages.map((line) => line.replace(/^\[[ \d.]+\] /, ''));
}

describe('filling a 2012 (P) overlay', () => {
  it('makes live-rw Invalid and answers EIO for the write whose writeback failed', () => {
    const { stick, fill } = overflowedStick('soas-2012');
    expect(fill).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.dmsetupStatus('live-rw')).toEqual(['0 131072 snapshot Invalid']);
    expect(stick.rootState).toBe('io-errors');
    expect(stick.usage().overlay.state).toBe('Invalid');
  });

  it('logs what the kernel logged: the invalidation, the journal abort, the read-only remount', () => {
    const { stick } = overflowedStick('soas-2012');
    const logged = stick
      .log()
      .slice(stick.bootLog().length)
      .map((l) => l.text);
    const recorded = [
      ...recordedKernelLines('b_overflow_P', 'overflow_write'),
      ...recordedKernelLines('b_overflow_P', 'after_io_attempts'),
    ];
    for (const line of logged) expect(recorded).toContain(line);
    expect(logged[0]).toBe('device-mapper: snapshots: Invalidating snapshot: Unable to allocate exception.');
  });

  it('then refuses writes with EROFS and reads with EIO', () => {
    const { stick } = overflowedStick('soas-2012');
    expect(stick.writeFile('/newfile', 6)).toMatchObject({ ok: false, error: 'EROFS' });
    expect(stick.mkdir('/newdir')).toMatchObject({ ok: false, error: 'EROFS' });
    expect(stick.deleteFile('/keep')).toMatchObject({ ok: false, error: 'EROFS' });
    expect(stick.readFile('/keep')).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.stat('/usr')).toEqual({ ok: false, error: 'EIO' });
  });

  it("leaves home.img, RAM and the stick's own space working", () => {
    const { stick } = overflowedStick('soas-2012');
    expect(stick.writeFile('/home/liveuser/essay.odt', 20_000).ok).toBe(true);
    expect(stick.writeFile('/tmp/scratch', 20_000).ok).toBe(true);
    expect(stick.writeFile('/mnt/live/backup.odt', 20_000).ok).toBe(true);
  });

  it('cannot boot again: the root on an Invalid snapshot cannot be read', () => {
    const { stick } = overflowedStick('soas-2012');
    const booted = stick.reboot();
    expect(booted).toMatchObject({ ok: false, error: 'EIO', statusAtCreate: '0 131072 snapshot Invalid' });
    expect(stick.power).toBe('emergency');
    expect(booted.log.map((l) => l.text)).toContain('device-mapper: snapshots: Snapshot is marked invalid.');
    expect(stick.whereIs('/etc')).toEqual({ ok: false, error: 'EIO' });
  });
});

describe('filling an overlay of today (PO)', () => {
  it('makes live-rw Overflow and turns the root read-only', () => {
    const { stick, fill } = overflowedStick('fedora-today');
    expect(fill).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.dmsetupStatus('live-rw')).toEqual(['0 131072 snapshot Overflow']);
    expect(stick.rootState).toBe('ro-after-error');
    const logged = stick
      .log()
      .slice(stick.bootLog().length)
      .map((l) => l.text);
    expect(logged).toEqual([
      'device-mapper: snapshots: Snapshot overflowed: Unable to allocate exception.',
      'JBD2: Detected IO errors while flushing file data on dm-1-8',
      'Aborting journal on device dm-1-8.',
      'EXT4-fs (dm-1): Remounting filesystem read-only',
    ]);
  });

  it('then refuses writes with EROFS but still reads, as the lab measured', () => {
    const { stick } = overflowedStick('fedora-today');
    expect(stick.writeFile('/newfile', 6)).toMatchObject({ ok: false, error: 'EROFS' });
    expect(stick.touch('/keep')).toMatchObject({ ok: false, error: 'EROFS' });
    expect(stick.readFile('/keep')).toMatchObject({ ok: true, costs: { overlayChunks: 0 } });
    expect(stick.whereIs('/etc')).toMatchObject({ ok: true, store: 'base-readonly', readOnly: true });
  });

  it('boots again with a valid but full overlay, whose first new chunk turns the root read-only again', () => {
    const { stick } = overflowedStick('fedora-today');
    const booted = stick.reboot();
    expect(booted.ok).toBe(true);
    expect(booted.statusAtCreate).toBe('0 131072 snapshot 16384/16384 72');
    expect(stick.rootState).toBe('rw');
    expect(stick.writeFile('/after-reboot', 1 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.rootState).toBe('ro-after-error');
  });
});

describe('the recovery steps on a powered-off stick', () => {
  it('extend the overlay file on the stick and the COW with it', () => {
    const stick = bootedStick({ overlayMib: 8 });
    expect(stick.extendOverlay(8)).toMatchObject({ ok: false, error: 'EBUSY' });
    stick.shutdown();
    const grown = stick.extendOverlay(8);
    expect(grown).toMatchObject({ ok: true, costs: { deviceBytes: 8 * MIB } });
    expect(stick.overlayFile?.sizeSectors).toBe((16 * MIB) / 512);
    expect(stick.boot().statusAtCreate).toMatch(/^0 131072 snapshot \d+\/32768 \d+$/);
  });
});
