// The persistent exception store (`P`, and `PO` with overflow-aware userspace), after dm-snap-persistent.c.
// Allocation and commits follow the kernel step by step; the metadata-area bytes are encoded lazily: the
// COW device asks the store to flush before anyone reads it, so every reader sees the kernel's bytes while a
// 1 GiB write costs a bitmap scan and a few runs instead of 262,144 encodes.

import type { CowDevice } from '../block/CowDevice';
import { ModelError } from '../errors';
import { SECTOR_BYTES } from '../units';
import {
  areaLocation,
  encodeHeader,
  exceptionsPerArea,
  FIRST_DATA_CHUNK,
  HEADER_FIELD_BYTES,
  judgeHeader,
  skipMetadata,
  SNAP_MAGIC,
  SNAPSHOT_DISK_VERSION,
  writeException,
} from './diskFormat';
import type { ExceptionStore, LoadOutcome, StoreType, StoreUsage } from './ExceptionStore';
import { ExceptionRuns } from './ExceptionRuns';
import { MetadataLoader } from './MetadataLoader';

export class PersistentStore implements ExceptionStore {
  readonly exceptions = new ExceptionRuns();
  private chunk: number;
  private epa: number;
  private valid = 1;
  private nextFree = FIRST_DATA_CHUNK;
  private currentArea = 0;
  private currentCommitted = 0;
  /** Exceptions already encoded into the COW bytes. */
  private flushed = 0;

  constructor(
    private readonly cow: CowDevice,
    chunkSectors: number,
    readonly overflowAware: boolean,
  ) {
    this.chunk = chunkSectors;
    this.epa = exceptionsPerArea(chunkSectors);
  }

  get type(): StoreType {
    return this.overflowAware ? 'PO' : 'P';
  }

  get chunkSectors(): number {
    return this.chunk;
  }

  readMetadata(add: (oldChunk: number, newChunk: number) => void): LoadOutcome {
    this.requireChunks(1, 'the header chunk');
    const verdict = judgeHeader(this.cow.readRaw(0, HEADER_FIELD_BYTES));
    if (verdict.kind === 'new') return this.createNew();
    if (verdict.kind === 'refused') {
      throw new ModelError(verdict.problem === 'bad-magic' ? 'ENXIO' : 'EINVAL', verdict.message);
    }
    // A chunk size in the on-disk header overrides the table's, as the kernel does (with a warning).
    this.chunk = verdict.header.chunkSectors;
    this.epa = exceptionsPerArea(this.chunk);
    this.valid = verdict.header.valid;
    if (this.valid === 0) return 'marked-invalid';
    this.readExceptions(add);
    return 'loaded';
  }

  prepare(oldFirst: number, count: number, pending: ExceptionRuns): number {
    let granted = 0;
    while (granted < count && this.roomForOneMore()) {
      // Hand out chunks up to the next metadata chunk (or the end of the COW) in one run.
      const nextArea = areaLocation(Math.floor((this.nextFree - 1) / (this.epa + 1)) + 1, this.epa);
      const lastFitting = Math.floor(this.cow.sizeSectors / this.chunk) - 1;
      const run = Math.min(count - granted, nextArea - this.nextFree, lastFitting - this.nextFree + 1);
      pending.append(oldFirst + granted, this.nextFree, run);
      granted += run;
      this.nextFree = skipMetadata(this.nextFree + run, this.epa);
    }
    return granted;
  }

  commit(pending: ExceptionRuns): boolean {
    if (this.valid === 0) return false;
    const committedBefore = this.exceptions.length;
    let ok = true;
    pending.forEachRun((oldFirst, newFirst, count) => {
      let done = 0;
      while (ok && done < count) {
        const take = Math.min(count - done, this.epa - this.currentCommitted);
        this.exceptions.append(oldFirst + done, newFirst + done, take);
        this.currentCommitted += take;
        done += take;
        if (this.currentCommitted === this.epa) ok = this.advanceArea(committedBefore);
      }
    });
    return ok;
  }

  dropSnapshot(): void {
    this.valid = 0;
    this.writeHeader();
  }

  usage(): StoreUsage {
    return {
      totalSectors: this.cow.sizeSectors,
      sectorsAllocated: this.nextFree * this.chunk,
      metadataSectors: (this.currentArea + 2) * this.chunk,
    };
  }

  flush(): void {
    if (this.flushed === this.exceptions.length) return;
    const areaBytes = this.chunk * SECTOR_BYTES;
    let index = this.flushed;
    let area = -1;
    let view: DataView | undefined;
    const writeBack = () => {
      if (view) this.cow.write(areaLocation(area, this.epa) * areaBytes, new Uint8Array(view.buffer));
    };
    this.exceptions.forEachRun((oldFirst, newFirst, count) => {
      for (let i = 0; i < count; i++, index++) {
        const entryArea = Math.floor(index / this.epa);
        if (entryArea !== area) {
          writeBack();
          area = entryArea;
          view = new DataView(this.cow.readRaw(areaLocation(area, this.epa) * areaBytes, areaBytes).buffer);
        }
        writeException(view!, index % this.epa, oldFirst + i, newFirst + i);
      }
    }, this.flushed);
    writeBack();
    this.flushed = index;
  }

  private createNew(): LoadOutcome {
    this.requireChunks(2, 'the first metadata area');
    this.valid = 1;
    this.writeHeader();
    this.zeroArea(0);
    return 'new';
  }

  private readExceptions(add: (oldChunk: number, newChunk: number) => void): void {
    const loader = new MetadataLoader(this.chunk);
    const areaBytes = this.chunk * SECTOR_BYTES;
    for (let chunk = loader.nextAreaChunk(); chunk !== null; chunk = loader.nextAreaChunk()) {
      this.requireChunks(chunk + 1, `metadata area at chunk ${chunk}`);
      loader.feed(this.cow.readRaw(chunk * areaBytes, areaBytes), (oldChunk, newChunk) => {
        this.exceptions.append(oldChunk, newChunk, 1);
        add(oldChunk, newChunk);
      });
    }
    const table = loader.result();
    this.currentArea = table.currentArea;
    this.currentCommitted = table.currentCommitted;
    this.nextFree = table.nextFree;
    this.flushed = this.exceptions.length;
  }

  /**
   * The current area is full: zero the next one and move on. When the next area's chunk lies beyond the end
   * of the COW, that write fails; the kernel then invalidates the snapshot and this request's exceptions in
   * the full area are never written.
   */
  private advanceArea(committedBefore: number): boolean {
    const next = areaLocation(this.currentArea + 1, this.epa);
    if ((next + 1) * this.chunk > this.cow.sizeSectors) {
      this.valid = 0;
      this.exceptions.truncate(Math.max(committedBefore, this.currentArea * this.epa));
      return false;
    }
    this.zeroArea(this.currentArea + 1);
    this.currentArea++;
    this.currentCommitted = 0;
    return true;
  }

  private roomForOneMore(): boolean {
    return (this.nextFree + 1) * this.chunk <= this.cow.sizeSectors;
  }

  private writeHeader(): void {
    const header = encodeHeader({
      magic: SNAP_MAGIC,
      valid: this.valid,
      version: SNAPSHOT_DISK_VERSION,
      chunkSectors: this.chunk,
    });
    this.cow.write(0, header);
  }

  private zeroArea(area: number): void {
    const areaBytes = this.chunk * SECTOR_BYTES;
    this.cow.zero(areaLocation(area, this.epa) * areaBytes, areaBytes);
  }

  private requireChunks(chunks: number, what: string): void {
    if (chunks * this.chunk > this.cow.sizeSectors) {
      throw new ModelError('EIO', `Failed to read snapshot metadata: ${what} lies beyond the end of the COW`);
    }
  }
}
