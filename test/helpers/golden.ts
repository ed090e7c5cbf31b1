// Reading the kernel-lab recordings in test/fixtures/kernel (schema kernel-golden/v1).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotStatus } from '../../src/model/dm/SnapshotTarget';

export type Run = [oldFirst: number, newFirst: number, count: number];

export interface GoldenStep {
  index: number;
  name: string;
  commands: { cmd: string; rc: number; output: string[] }[];
  store: string;
  chunk_sectors: number;
  status: string | null;
  status_parsed: {
    length: number;
    state: string;
    sectors_allocated?: number;
    total_sectors?: number;
    metadata_sectors?: number;
  } | null;
  table: string | null;
  cow_file_bytes: number;
  cow_header_hex16: string;
  exceptions?: {
    count: number;
    exceptions_per_area: number;
    new_since_previous_step_runs: Run[];
    all_runs?: Run[];
    append_only_since_previous_step: boolean;
  };
  chunks_allocated?: number;
  raw_capture?: string;
}

export interface Golden {
  scenario: string;
  steps: GoldenStep[];
  repeat_runs?: { run: number; steps: [number, string, string | null, number | null, number | null][] }[];
}

export const KERNEL_DIR = join(import.meta.dirname, '../fixtures/kernel');

export function loadGolden(name: string): Golden {
  return JSON.parse(readFileSync(join(KERNEL_DIR, `${name}.json`), 'utf8')) as Golden;
}

/** The whole on-disk table at each step, as runs in on-disk order. */
export function cumulativeRuns(golden: Golden): Map<number, Run[]> {
  const out = new Map<number, Run[]>();
  let runs: Run[] = [];
  for (const step of golden.steps) {
    const ex = step.exceptions;
    if (ex)
      runs =
        ex.all_runs ??
        (ex.append_only_since_previous_step
          ? [...runs, ...ex.new_since_previous_step_runs]
          : ex.new_since_previous_step_runs);
    out.set(step.index, runs);
  }
  return out;
}

export function runsToPairs(runs: Run[]): [number, number][] {
  return runs.flatMap(([o, n, c]) => Array.from({ length: c }, (_, i): [number, number] => [o + i, n + i]));
}

/** The status line without its first two fields' context: what comes after the target name. */
export function statusParams(status: string): string {
  return status.split(' ').slice(3).join(' ');
}

/** The status a step recorded, in the model's shape (what readOverlay and SnapshotTarget.status give). */
export function kernelStatus(step: GoldenStep): SnapshotStatus {
  const status = step.status_parsed;
  if (!status) throw new Error(`step ${step.index} (${step.name}) recorded no status`);
  if (status.state !== 'Valid') return { state: status.state as 'Invalid' | 'Overflow' };
  return {
    state: 'Valid',
    sectorsAllocated: status.sectors_allocated!,
    totalSectors: status.total_sectors!,
    metadataSectors: status.metadata_sectors!,
  };
}
