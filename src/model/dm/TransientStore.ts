// The transient exception store (`N`; `NO` is accepted and behaves the same), after dm-snap-transient.c:
// nothing is written to the COW, chunks are counted in sectors from 0, and metadata takes no space.

import type { CowDevice } from '../block/CowDevice';
import type { ExceptionStore, LoadOutcome, StoreUsage } from './ExceptionStore';
import { ExceptionRuns } from './ExceptionRuns';

export class TransientStore implements ExceptionStore {
  readonly type = 'N' as const;
  readonly exceptions = new ExceptionRuns();
  private nextFreeSectors = 0;

  constructor(
    private readonly cow: CowDevice,
    readonly chunkSectors: number,
  ) {}

  readMetadata(): LoadOutcome {
    return 'new';
  }

  prepare(oldFirst: number, count: number, pending: ExceptionRuns): number {
    const room = Math.floor((this.cow.sizeSectors - this.nextFreeSectors) / this.chunkSectors);
    const granted = Math.max(0, Math.min(count, room));
    pending.append(oldFirst, this.nextFreeSectors / this.chunkSectors, granted);
    this.nextFreeSectors += granted * this.chunkSectors;
    return granted;
  }

  commit(pending: ExceptionRuns): boolean {
    pending.forEachRun((oldFirst, newFirst, count) => this.exceptions.append(oldFirst, newFirst, count));
    return true;
  }

  dropSnapshot(): void {
    // Nothing is stored: an invalid transient snapshot simply goes away with the device.
  }

  usage(): StoreUsage {
    return { totalSectors: this.cow.sizeSectors, sectorsAllocated: this.nextFreeSectors, metadataSectors: 0 };
  }

  flush(): void {}

  /** Restores a transient store from a saved state (it exists only in memory, so it is saved as such). */
  restore(runs: readonly (readonly [number, number, number])[], nextFreeSectors: number): void {
    for (const [o, n, c] of runs) this.exceptions.append(o, n, c);
    this.nextFreeSectors = nextFreeSectors;
  }
}
