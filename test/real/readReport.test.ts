// A cellar-report/v1 report reads to the same RealStick a paste of its outputs would give, with its source,
// time, LiveOS files and judged overlay header; a damaged one gives 'report' problems and keeps the rest.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../src/real/readReport';
import type { CellarReport } from '../../src/real/report';

const REAL_DIR = join(import.meta.dirname, '../fixtures/real');

function report(name: string): CellarReport {
  return JSON.parse(readFileSync(join(REAL_DIR, name), 'utf8')) as CellarReport;
}

function withHeader(headerHex: string | null): CellarReport {
  const probe = report('probe-report-today.json');
  return { ...probe, overlayHeader: { path: '/x/LiveOS/overlay-A', headerHex, problem: null } };
}

describe('a probe report of a Fedora-today stick', () => {
  const stick = readReport(report('probe-report-today.json'));

  it('keeps the report’s source and time, and reads with no problem', () => {
    expect(stick.source).toBe('probe');
    expect(stick.takenAt).toBe('2026-06-03T10:15:00+02:00');
    expect(stick.problems).toEqual([]);
  });

  it('reads each command’s output with the paste’s readers', () => {
    expect(stick.persistence).toBe('persistent');
    expect(stick.era).toBe('fedora-today');
    expect(stick.snapshot).toMatchObject({
      name: 'live-rw',
      status: { state: 'Valid', sectorsAllocated: 160640, totalSectors: 4194304, metadataSectors: 640 },
      store: 'PO',
      chunkSectors: 8,
    });
    expect(stick.dmDevices).toEqual({ 'live-base': '253:0', 'live-rw': '253:1' });
    expect(stick.loops).toHaveLength(3);
    expect(stick.mounts.map((mount) => mount.target)).toEqual([
      '/',
      '/proc',
      '/run',
      '/run/initramfs/live',
      '/run/rootfsbase',
      '/tmp',
    ]);
  });

  it('takes the LiveOS files as stat gave them, sparse home.img included', () => {
    expect(stick.files).toHaveLength(3);
    expect(stick.overlayFile).toEqual({
      path: '/run/initramfs/live/LiveOS/overlay-SoaS-1a2b-3c4d',
      sizeBytes: 2147483648,
      allocatedBytes: 2147483648,
    });
    expect(stick.homeImage).toMatchObject({ sizeBytes: 536870912, allocatedBytes: 104857600 });
    expect(stick.squashfsImage?.sizeBytes).toBe(2038431744);
  });

  it('judges the overlay header: SnAp, valid, version 1, chunk 8', () => {
    expect(stick.overlayHeader).toEqual({
      path: '/run/initramfs/live/LiveOS/overlay-SoaS-1a2b-3c4d',
      verdict: { kind: 'existing', header: { magic: 0x70416e53, valid: 1, version: 1, chunkSectors: 8 } },
    });
  });
});

describe('a bridge report read without root', () => {
  const stick = readReport(report('bridge-report-without-root.json'));

  it('says which parts need sudo, and detects from what it could read', () => {
    expect(stick.source).toBe('bridge');
    expect(stick.problems).toEqual([]);
    expect(stick.needsRoot).toEqual(['dmsetup status', 'dmsetup table', 'overlay header']);
    expect(stick.snapshot).toBeNull();
    expect(stick.overlayHeader).toBeNull();
    expect(stick.persistence).toBe('persistent');
    expect(stick.evidence[0]).toEqual({
      clue: 'overlay-file',
      text: '/run/initramfs/live/LiveOS/overlay-SoaS-1a2b-3c4d',
    });
    expect(stick.overlayFile?.allocatedBytes).toBeNull();
  });
});

describe('the overlay header', () => {
  it.each([
    ['00000000000000000000000000000000', { kind: 'new' }],
    ['536e4170000000000100000008000000', { kind: 'existing', header: expect.objectContaining({ valid: 0 }) }],
    ['deadbeef010000000100000008000000', expect.objectContaining({ kind: 'refused', problem: 'bad-magic' })],
    [
      '536E4170010000000100000007000000',
      expect.objectContaining({ kind: 'refused', problem: 'bad-chunk-size' }),
    ],
    [
      '536e4170010000000200000008000000',
      expect.objectContaining({ kind: 'refused', problem: 'bad-version' }),
    ],
  ])('%s is judged as the kernel would', (hex, verdict) => {
    const stick = readReport(withHeader(hex));
    expect(stick.overlayHeader?.verdict).toEqual(verdict);
    expect(stick.problems).toEqual([]);
  });

  it.each(['536e41', 'zz6e4170010000000100000008000000', '536e417001000000010000000800000000'])(
    '"%s" is no header: a problem',
    (hex) => {
      const stick = readReport(withHeader(hex));
      expect(stick.overlayHeader).toBeNull();
      expect(stick.problems).toEqual([
        expect.objectContaining({ expected: 'report', detail: expect.stringContaining('32 hex digits') }),
      ]);
    },
  );
});

describe('a damaged report', () => {
  it.each([null, 7, 'cellar-report/v1', [], {}])('%j gives one report problem', (json) => {
    const stick = readReport(json);
    expect(stick.problems).toEqual([
      expect.objectContaining({ expected: 'report', lineNumber: null, line: null }),
    ]);
    expect(stick.persistence).toBe('unknown');
  });

  it('with a bad source, time and file still reads its outputs', () => {
    const probe = report('probe-report-today.json');
    const stick = readReport({
      ...probe,
      source: 'someone',
      takenAt: 'yesterday',
      liveOs: { folder: probe.liveOs!.folder, files: [...probe.liveOs!.files, { path: 'x', sizeBytes: -1 }] },
    });
    expect(stick.problems.map((problem) => problem.detail)).toEqual([
      'expected "source": "bridge" or "probe"; found "someone"',
      'expected "takenAt" to be an ISO 8601 time; found "yesterday"',
      'expected a LiveOS file {"path", "sizeBytes", "allocatedBytes"}; found {"path":"x","sizeBytes":-1}',
    ]);
    expect(stick.takenAt).toBeNull();
    expect(stick.files).toHaveLength(3);
    expect(stick.persistence).toBe('persistent');
  });

  it('an output line that cannot be read names the command and its line, with no line of the paste', () => {
    const probe = report('probe-report-today.json');
    const stick = readReport({
      ...probe,
      outputs: {
        ...probe.outputs,
        'dmsetup status': {
          ok: true,
          stdout: 'live-base: 0 16777216 linear \nlive-rw: 0 16777216 snapshot lots\n',
        },
      },
    });
    expect(stick.problems).toEqual([
      expect.objectContaining({
        expected: 'dmsetup-status',
        lineNumber: null,
        detail: expect.stringMatching(/^dmsetup status, line 2 of its output: expected a snapshot status/),
      }),
    ]);
    expect(stick.snapshot?.store).toBe('PO');
  });

  it('an output of the wrong shape is a problem; a command that did not work is said as it failed', () => {
    const probe = report('probe-report-today.json');
    const stick = readReport({
      ...probe,
      outputs: {
        'dmsetup ls': { ok: true },
        'losetup -a': { ok: false, problem: 'missing', message: 'losetup: command not found' },
        'dmsetup status': {
          ok: false,
          problem: 'failed',
          message: '/dev/mapper/control: open failed: No such device',
        },
      } as unknown as CellarReport['outputs'],
    });
    expect(stick.problems.map((problem) => problem.detail)).toEqual([
      'expected "dmsetup ls" to be {"ok": true, "stdout": …} or {"ok": false, "problem": …}; found {"ok":true}',
    ]);
    expect(stick.failedCommands).toEqual([
      { command: 'dmsetup status', message: '/dev/mapper/control: open failed: No such device' },
      { command: 'losetup -a', message: 'losetup: command not found' },
    ]);
  });

  it('takes /proc/cmdline as the boot options whatever they are (a machine booted from its disk)', () => {
    const probe = report('probe-report-today.json');
    const stick = readReport({
      ...probe,
      outputs: { 'cat /proc/cmdline': { ok: true, stdout: 'console=ttyS0 quiet panic=1\n' } },
    });
    expect(stick.problems).toEqual([]);
  });
});
