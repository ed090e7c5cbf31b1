// The file-level kernel recordings (a_*, b_*, c_*, f_*): their block-level facts hold on the model — the
// status arithmetic, Invalid and Overflow, the Sugar Labs recovery — and status-of on COW files rebuilt from
// the recorded tables gives the kernel's status.

import { describe, expect, it } from 'vitest';
import { exceptionsPerArea } from '../../src/model/dm/diskFormat';
import { formatDmLine, snapshotStatusParams } from '../../src/model/dm/dmsetupFormat';
import { bytesSource, readOverlay } from '../../src/model/dm/overlayFile';
import { replayBlockEffects } from '../helpers/blockEffects';
import { cowFileOfStep } from '../helpers/cowBuilder';
import { cumulativeRuns, loadGolden, statusParams } from '../helpers/golden';

const PERSISTENT = [
  'a_ext4',
  'a_ext3',
  'b_overflow_P',
  'b_overflow_PO',
  'b_overflow_P_nofix',
  'c_P_8',
  'c_P_16',
  'c_P_32',
  'c_P_128',
  'f_liveos_4k',
  'd_full',
];

describe('status arithmetic in every persistent recording', () => {
  for (const name of PERSISTENT) {
    it(`${name}: allocated = C*(E+2+floor(E/epa)), metadata = C*(2+floor(E/epa)); the valid byte follows Invalid`, () => {
      const golden = loadGolden(name);
      for (const step of golden.steps) {
        const state = step.status_parsed;
        const c = step.chunk_sectors;
        const e = step.exceptions!.count;
        const epa = exceptionsPerArea(c);
        if (state?.state === 'Valid') {
          expect(state.sectors_allocated, `${name} step ${step.index}`).toBe(
            c * (e + 2 + Math.floor(e / epa)),
          );
          expect(state.metadata_sectors).toBe(c * (2 + Math.floor(e / epa)));
          expect(state.total_sectors).toBe(step.cow_file_bytes / 512);
        }
        if (state?.state === 'Invalid') expect(step.cow_header_hex16.slice(8, 10)).toBe('00');
        if (state?.state === 'Overflow') expect(step.cow_header_hex16.slice(8, 10)).toBe('01');
      }
    });
  }
});

describe('status-of on COW files rebuilt from the recorded tables', () => {
  for (const name of PERSISTENT) {
    it(`${name}: every step reads back to the kernel's status`, async () => {
      const golden = loadGolden(name);
      const tables = cumulativeRuns(golden);
      let checked = 0;
      for (const step of golden.steps) {
        if (!step.status || step.status_parsed!.state === 'Overflow') continue;
        const file = cowFileOfStep(step, tables.get(step.index)!);
        const overlay = await readOverlay(bytesSource(file));
        const line = formatDmLine({
          start: 0,
          length: step.status_parsed!.length,
          target: 'snapshot',
          params: snapshotStatusParams(overlay.status),
        });
        expect(line, `${name} step ${step.index}`).toBe(step.status);
        expect(overlay.exceptions.length).toBe(step.exceptions!.count);
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
    });
  }

  it('an Overflow overlay, once re-created, shows the full usage (b_overflow_PO)', async () => {
    const golden = loadGolden('b_overflow_PO');
    const tables = cumulativeRuns(golden);
    const step = golden.steps.find((s) => s.status_parsed?.state === 'Overflow')!;
    const file = cowFileOfStep(step, tables.get(step.index)!);
    const { status } = await readOverlay(bytesSource(file));
    expect(status).toEqual({
      state: 'Valid',
      sectorsAllocated: 32768,
      totalSectors: 32768,
      metadataSectors: 136,
    });
  });
});

describe('the model replays the block-level effects of the file-level recordings', () => {
  for (const name of PERSISTENT.filter((n) => n !== 'd_full').concat('c_N_8')) {
    it(`${name}: same status, header and exception table after every step`, async () => {
      const golden = loadGolden(name);
      for (const {
        step,
        modelStatus,
        modelHeaderHex16,
        modelTable,
        kernelTable,
        rawMismatches,
      } of await replayBlockEffects(golden)) {
        const where = `${name} step ${step.index} (${step.name})`;
        expect(rawMismatches, where).toEqual([]);
        expect(modelStatus, where).toBe(step.status);
        if (kernelTable) {
          expect(modelHeaderHex16, where).toBe(step.cow_header_hex16);
          expect(modelTable, where).toEqual(kernelTable);
        }
      }
    });
  }

  it('b_overflow_P: the recovery (valid byte 1, +16 MiB) gives 3840 exceptions and 30856/65536 136', async () => {
    const steps = await replayBlockEffects(loadGolden('b_overflow_P'));
    const recreated = steps.find((s) => s.step.name === 'recreated')!;
    expect(statusParams(recreated.modelStatus!)).toBe('30856/65536 136');
    expect(recreated.modelTable).toHaveLength(3840);
  });

  it('b_overflow_P_nofix: extending without resetting the valid byte stays Invalid', async () => {
    const steps = await replayBlockEffects(loadGolden('b_overflow_P_nofix'));
    const after = steps.filter((s) => s.step.status !== null).at(-1)!;
    expect(statusParams(after.modelStatus!)).toBe('Invalid');
  });
});
