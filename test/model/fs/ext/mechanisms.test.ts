// The overlay costs the kernel recordings show, one mechanism per test, from the model's own runs of the
// recorded command sequences (test/fixtures/file-scenarios).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  runFileScenario,
  type FileScenario,
  type FileStepResult,
} from '../../../../src/model/scenario/fileScenario';

const DIR = join(import.meta.dirname, '../../../fixtures/file-scenarios');
const runs = new Map<string, FileStepResult[]>();

/** Overlay chunks each named step cost on the model. */
function costs(name: string): Map<string, number> {
  const scenario = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as FileScenario;
  if (!runs.has(name)) runs.set(name, runFileScenario(scenario));
  const out = new Map<string, number>();
  let last = 0;
  for (const step of runs.get(name)!) {
    if (step.sectorsAllocated === null) continue;
    out.set(step.name, (step.sectorsAllocated - last) / scenario.overlay.chunk_sectors);
    last = step.sectorsAllocated;
  }
  return out;
}

describe('ext4 on the overlay (a_ext4: 1 KiB blocks, P 8)', () => {
  it('mounting writes the superblock: one chunk', () => {
    expect(costs('a_ext4').get('mounted')).toBe(1);
  });

  it('a new 1 MiB file costs its 256 data chunks and about nine for metadata and the journal', () => {
    const cost = costs('a_ext4').get('write_1M')!;
    expect(cost).toBeGreaterThanOrEqual(260);
    expect(cost).toBeLessThanOrEqual(270);
  });

  it('deleting a 16 MiB file frees nothing and costs only a couple of journal chunks', () => {
    expect(costs('a_ext4').get('delete_16M')).toBeLessThanOrEqual(4);
  });

  it('a 4 MiB file written after that delete lands in the freed, already-copied blocks: about 2 chunks', () => {
    expect(costs('a_ext4').get('write_new_4M')).toBeLessThanOrEqual(4);
  });

  it('rm -rf of 200 small files costs about 15 chunks (directory, bitmaps, inode tables, journal)', () => {
    const cost = costs('a_ext4').get('delete_200x1K')!;
    expect(cost).toBeGreaterThanOrEqual(10);
    expect(cost).toBeLessThanOrEqual(20);
  });

  it('an in-place rewrite of copied data costs only journal blocks: 0 or 1 chunk each', () => {
    const a = costs('a_ext4');
    const inPlace = [...a.entries()].filter(([name]) => name.startsWith('rewrite_inplace'));
    expect(inPlace).toHaveLength(10);
    for (const [, cost] of inPlace) expect(cost).toBeLessThanOrEqual(1);
  });

  it('a remount after a clean unmount costs nothing: the journal starts again over copied blocks', () => {
    const a = costs('a_ext4');
    expect(a.get('recreated')).toBe(0);
    expect(a.get('remounted')).toBe(0);
  });
});

describe('ext3 on the overlay (a_ext3: the same steps, block-mapped files, no delayed allocation)', () => {
  it('a growing file is laid out in doubling windows, so a new 1 MiB file costs a little more than on ext4', () => {
    const cost = costs('a_ext3').get('write_1M')!;
    expect(cost).toBeGreaterThan(costs('a_ext4').get('write_1M')!);
    expect(cost).toBeLessThanOrEqual(285);
  });

  it('a 4 MiB file written after deleting 16 MiB goes on from the last allocation: over a hundred chunks, not 2', () => {
    expect(costs('a_ext3').get('write_new_4M')).toBeGreaterThan(100);
    expect(costs('a_ext4').get('write_new_4M')).toBeLessThanOrEqual(4);
  });
});

describe('a LiveOS-like root (f_liveos_4k: 4 KiB blocks, P 8)', () => {
  it('a NetworkManager timestamp rewrite costs about 10 chunks before the first reboot, 1 after', () => {
    const f = costs('f_liveos_4k');
    // The first one also copies its folder's blocks for the first time (the kernel: 11).
    expect(f.get('nm_timestamps_1')).toBeLessThanOrEqual(16);
    for (let i = 2; i <= 12; i++) {
      expect(f.get(`nm_timestamps_${i}`)).toBeGreaterThanOrEqual(8);
      expect(f.get(`nm_timestamps_${i}`)).toBeLessThanOrEqual(12);
    }
    // After it only the new data block can cost a chunk (its place is mballoc's: the kernel's was fresh).
    const afterReboot = Array.from({ length: 12 }, (_, i) => f.get(`nm_timestamps_after_reboot_${i + 1}`)!);
    for (const cost of afterReboot) expect(cost).toBeLessThanOrEqual(1);
    expect(afterReboot.filter((cost) => cost === 1).length).toBeGreaterThanOrEqual(11);
  });

  it('deleting the 8 MiB crash dump gives nothing back', () => {
    const f = costs('f_liveos_4k');
    expect(f.get('abrt_dump')).toBeGreaterThan(2048);
    expect(f.get('abrt_delete')).toBeGreaterThanOrEqual(0);
    expect(f.get('abrt_delete')).toBeLessThanOrEqual(16);
  });
});
