// Small builders for model tests: a snapshot target over fresh devices, in one line.

import { OriginDevice } from '../../src/model/block/BlockDevice';
import { CowDevice } from '../../src/model/block/CowDevice';
import { SnapshotTarget, type SnapshotSpec } from '../../src/model/dm/SnapshotTarget';

export interface TargetOptions extends Partial<Omit<SnapshotSpec, 'origin' | 'cow'>> {
  originSectors?: number;
  cowSectors?: number;
  cow?: CowDevice;
}

export function makeTarget(options: TargetOptions = {}): SnapshotTarget {
  const { originSectors = 131072, cowSectors = 2464, store = 'P', chunkSectors = 8, cow, ...rest } = options;
  const made = SnapshotTarget.create({
    origin: new OriginDevice(originSectors),
    cow: cow ?? new CowDevice(cowSectors),
    store,
    chunkSectors,
    ...rest,
  });
  if (!made.ok) throw new Error(made.message);
  return made.target;
}

/** `dmsetup remove` then `dmsetup create` with the same table. */
export function reload(target: SnapshotTarget, options: TargetOptions = {}): SnapshotTarget {
  target.remove();
  return makeTarget({
    originSectors: target.origin.sizeSectors,
    cow: target.cow,
    store: target.store.type,
    chunkSectors: target.chunkSectors,
    ...options,
  });
}

/** Writes `chunks` whole chunks, one request each, from origin chunk `first`. */
export function writeChunks(target: SnapshotTarget, first: number, chunks: number): void {
  for (let c = first; c < first + chunks; c++) target.write(c * target.chunkSectors, target.chunkSectors);
}
