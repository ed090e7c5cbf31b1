// Reading the persistent store's exception table, step by step, as the kernel's read_exceptions and
// insert_exceptions do: area 0 first, then each next area while the previous one was full; the list ends at
// the first entry whose new_chunk is 0. The loader is fed one area at a time, so the same code serves the
// model's in-memory COW and a real overlay file read by slices (src/real, the cellar CLI).

import { ModelError } from '../errors';
import { areaLocation, exceptionsPerArea, FIRST_DATA_CHUNK, readException, skipMetadata } from './diskFormat';

export interface LoadedTable {
  /** The area that is not full: where the next exception goes (the kernel's current_area). */
  currentArea: number;
  /** Exceptions already in that area (current_committed). */
  currentCommitted: number;
  /** The next chunk to hand out, metadata skipped (next_free). */
  nextFree: number;
  exceptionCount: number;
  areasRead: number;
}

export class MetadataLoader {
  readonly epa: number;
  private area = 0;
  private full = true;
  private committed = 0;
  private nextFree = FIRST_DATA_CHUNK;
  private count = 0;

  constructor(readonly chunkSectors: number) {
    this.epa = exceptionsPerArea(chunkSectors);
  }

  /** The COW chunk of the next area to read, or null when the table has ended. */
  nextAreaChunk(): number | null {
    return this.full ? areaLocation(this.area, this.epa) : null;
  }

  /** Takes the bytes of the area nextAreaChunk() named; `add` receives each exception in order. */
  feed(areaBytes: Uint8Array, add: (oldChunk: number, newChunk: number) => void): void {
    const view = new DataView(areaBytes.buffer, areaBytes.byteOffset, areaBytes.byteLength);
    for (let i = 0; i < this.epa; i++) {
      const { oldChunk, newChunk } = readException(view, i);
      if (newChunk === 0) {
        this.committed = i;
        this.full = false;
        return;
      }
      if (oldChunk < 0 || newChunk < 0) {
        throw new ModelError('EINVAL', `exception ${this.count} has a chunk number too large to be real`);
      }
      if (this.nextFree <= newChunk) this.nextFree = newChunk + 1;
      add(oldChunk, newChunk);
      this.count++;
    }
    this.area++;
  }

  result(): LoadedTable {
    if (this.full) throw new Error('MetadataLoader.result() before the table ended');
    return {
      currentArea: this.area,
      currentCommitted: this.committed,
      nextFree: skipMetadata(this.nextFree, this.epa),
      exceptionCount: this.count,
      areasRead: this.area + 1,
    };
  }
}
