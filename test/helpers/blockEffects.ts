// Replays the block-level effect of a kernel-lab recording on the model. A file-level run (ext4 writes)
// is reduced to what dm-snapshot saw: the origin chunks that were copied, in on-disk order, one write
// request per recorded run; a step whose recorded status turned Invalid or Overflow ends with a write of
// never-copied chunks; removal, a changed valid byte and a longer COW file are applied between devices.

import { OriginDevice } from '../../src/model/block/BlockDevice';
import { CowDevice } from '../../src/model/block/CowDevice';
import { VALID_BYTE_OFFSET } from '../../src/model/dm/diskFormat';
import { snapshotStatusLine } from '../../src/model/dm/dmsetupFormat';
import { cowSource, readOverlay } from '../../src/model/dm/overlayFile';
import { extendCow, setValidByte } from '../../src/model/dm/recovery';
import { SnapshotTarget } from '../../src/model/dm/SnapshotTarget';
import { compareWithCow } from './rawCapture';
import { cumulativeRuns, runsToPairs, type Golden, type GoldenStep } from './golden';

export interface StepComparison {
  step: GoldenStep;
  modelStatus: string | null;
  modelHeaderHex16: string | null;
  modelTable: [number, number][] | null;
  kernelTable: [number, number][] | null;
  /** Rows of the lab's hex capture of this step that differ from the model's COW bytes. */
  rawMismatches: string[];
}

/** Hands out ranges of origin chunks that no recorded table ever copied, each range used once. */
function untouchedRanges(golden: Golden, originChunks: number): (count: number) => number {
  const used = new Set<number>();
  for (const runs of cumulativeRuns(golden).values()) for (const [o] of runsToPairs(runs)) used.add(o);
  return (count) => {
    let start = originChunks - count;
    while (start >= 0) {
      let clash = -1;
      for (let c = start; c < start + count; c++) if (used.has(c)) clash = c;
      if (clash < 0) {
        for (let c = start; c < start + count; c++) used.add(c);
        return start;
      }
      start = clash - count;
    }
    throw new Error(`no untouched range of ${count} origin chunks`);
  };
}

export async function replayBlockEffects(golden: Golden): Promise<StepComparison[]> {
  const first = golden.steps[0]!;
  const chunk = first.chunk_sectors;
  const origin = new OriginDevice(first.status_parsed!.length);
  const cow = new CowDevice(first.cow_file_bytes / 512);
  const tables = cumulativeRuns(golden);
  const untouched = untouchedRanges(golden, Math.floor(origin.sizeSectors / chunk));
  const create = () => {
    const made = SnapshotTarget.create({ origin, cow, store: first.store, chunkSectors: chunk });
    if (!made.ok) throw new Error(made.message);
    return made.target;
  };
  let target: SnapshotTarget | null = create();
  const out: StepComparison[] = [];
  for (const step of golden.steps) {
    const recreated = step.commands.some((c) => c.cmd.startsWith('dmsetup create'));
    if (step.status === null || recreated) {
      target?.remove();
      target = null;
      if (first.store !== 'N') {
        const validByte = parseInt(step.cow_header_hex16.slice(8, 10), 16);
        if (cow.read(VALID_BYTE_OFFSET, 1)[0] !== validByte) setValidByte(cow, validByte);
      }
      if (step.cow_file_bytes / 512 > cow.sizeSectors)
        extendCow(cow, step.cow_file_bytes / 512 - cow.sizeSectors);
    }
    if (step.status !== null) {
      target ??= create();
      if (first.store === 'N') {
        const state = step.status_parsed!;
        const want = state.state === 'Valid' ? state.sectors_allocated! / chunk : 0;
        const have = (target.status() as { sectorsAllocated: number }).sectorsAllocated / chunk;
        if (want > have) target.write(untouched(want - have) * chunk, (want - have) * chunk);
      } else {
        for (const [oldFirst, , count] of step.exceptions?.new_since_previous_step_runs ?? []) {
          target.write(oldFirst * chunk, count * chunk);
        }
      }
      const state = step.status_parsed!.state;
      if ((state === 'Invalid' && target.valid) || (state === 'Overflow' && !target.overflowed)) {
        const beyondRoom = Math.floor(cow.sizeSectors / chunk) + 1;
        target.write(untouched(beyondRoom) * chunk, beyondRoom * chunk);
      }
    }
    const overlay = first.store === 'N' ? null : await readOverlay(cowSource(cow));
    out.push({
      step,
      modelStatus: target ? snapshotStatusLine(target) : null,
      modelHeaderHex16: overlay?.headerHex16 ?? null,
      modelTable: overlay?.exceptions.toPairs() ?? null,
      kernelTable: first.store === 'N' ? null : runsToPairs(tables.get(step.index) ?? []),
      rawMismatches: step.raw_capture ? compareWithCow(step.raw_capture, (o, l) => cow.read(o, l)) : [],
    });
  }
  return out;
}
