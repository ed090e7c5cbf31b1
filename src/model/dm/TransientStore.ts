// The transient exception store (`N`; `NO` is accepted and behaves the same), after dm-snap-transient.c:
// nothing is written to the COW, chunks are counted in sectors from 0, and metadata takes no space.

import type { CowDevice } from '../block/CowDevice';
import type { CopiedListener, ExceptionStore, LoadOutcome, StoreUsage } from './ExceptionStore';
import { ExceptionRuns } from './ExceptionRuns';

export class TransientStore implements ExceptionStore {
  readonly type = 'N' as const;
  /** The copied chunks: the transient store's only record, kept in memory as the kernel keeps it. */
  readonly exceptions = new ExceptionRuns();
  private nextFreeSectors = 0;
  private pendingFirst = 0;
  private pendingCount = 0;

  constructor(
    private readonly cow: CowDevice,
    readonly chunkSectors: number,
  ) {}

  readMetadata(): LoadOutcome {
    return 'new';
  }

  prepare(count: number): number {
    if (this.pendingCount === 0) this.pendingFirst = this.nextFreeSectors / this.chunkSectors;
    const room = Math.floor((this.cow.sizeSectors - this.nextFreeSectors) / this.chunkSectors);
    const granted = Math.max(0, Math.min(count, room));
    this.pendingCount += granted;
    this.nextFreeSectors += granted * this.chunkSectors;
    return granted;
  }

  commit(originRuns: readonly number[], onCopied?: CopiedListener): boolean {
    let cowChunk = this.pendingFirst;
    for (let i = 0; i < originRuns.length; i += 2) {
      this.exceptions.append(originRuns[i]!, cowChunk, originRuns[i + 1]!);
      onCopied?.(originRuns[i]!, cowChunk, originRuns[i + 1]!);
      cowChunk += originRuns[i + 1]!;
    }
    this.pendingCount = 0;
    return true;
  }

  abandon(): void {
    this.pendingCount = 0;
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
