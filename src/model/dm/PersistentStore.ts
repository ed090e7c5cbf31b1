// The persistent exception store (`P`, and `PO` with overflow-aware userspace), after dm-snap-persistent.c.
// Allocation and commits follow the kernel step by step; the metadata-area bytes are encoded lazily: the
// COW device asks the store to flush before anyone reads it, so every reader sees the kernel's bytes while a
// 1 GiB write costs a bitmap scan and a few runs instead of 262,144 encodes.

import type { CowDevice } from '../block/CowDevice';
import { ModelError } from '../errors';
import { SECTOR_BYTES } from '../units';
import {
  areaLocation,
  dataChunk,
  dataChunksBelow,
  encodeHeader,
  exceptionsPerArea,
  FIRST_DATA_CHUNK,
  HEADER_FIELD_BYTES,
  judgeHeader,
  SNAP_MAGIC,
  SNAPSHOT_DISK_VERSION,
  writeException,
} from './diskFormat';
import type { CopiedListener, ExceptionStore, LoadOutcome, StoreType, StoreUsage } from './ExceptionStore';
import { ExceptionRuns } from './ExceptionRuns';
import { MetadataLoader } from './MetadataLoader';

export class PersistentStore implements ExceptionStore {
  private chunk: number;
  private epa: number;
  private valid = 1;
  private nextFree = FIRST_DATA_CHUNK;
  private currentArea = 0;
  private currentCommitted = 0;
  /** Exceptions in the table (committed), and how many of them are already encoded into the COW bytes. */
  private committed = 0;
  private flushed = 0;
  /**
   * The committed exceptions not yet encoded: the table's tail from index `flushed`, as runs of
   * [first origin chunk, first data index, count] (see dataChunk).
   */
  private unflushed = new ExceptionRuns();
  /** The current request's prepared chunks: data indices from pendingFirst. */
  private pendingFirst = 0;
  private pendingCount = 0;

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

  prepare(count: number): number {
    const next = dataChunksBelow(this.nextFree, this.epa);
    if (this.pendingCount === 0) this.pendingFirst = next;
    // The kernel checks (next_free + 1) * chunk_size <= COW size one chunk at a time: a data chunk is handed
    // out only if it lies wholly inside the COW.
    const chunksInCow = Math.floor(this.cow.sizeSectors / this.chunk);
    const granted = Math.min(count, Math.max(0, dataChunksBelow(chunksInCow, this.epa) - next));
    this.pendingCount += granted;
    this.nextFree = dataChunk(next + granted, this.epa);
    return granted;
  }

  commit(originRuns: readonly number[], onCopied?: CopiedListener): boolean {
    if (this.valid === 0) {
      this.abandon();
      return false;
    }
    const committedBefore = this.committed;
    const firstData = this.pendingFirst;
    let data = firstData;
    for (let i = 0; i < originRuns.length; i += 2) {
      this.unflushed.append(originRuns[i]!, data, originRuns[i + 1]!);
      data += originRuns[i + 1]!;
    }
    this.pendingCount = 0;
    this.committed += data - firstData;
    // Each time the current area fills, the next one is zeroed and becomes current.
    let remaining = data - firstData;
    while (this.currentCommitted + remaining >= this.epa) {
      remaining -= this.epa - this.currentCommitted;
      if (!this.advanceArea(committedBefore)) return false;
    }
    this.currentCommitted += remaining;
    if (onCopied) this.reportCopied(originRuns, firstData, onCopied);
    return true;
  }

  abandon(): void {
    this.pendingCount = 0;
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
    if (this.unflushed.length === 0) return;
    const areaBytes = this.chunk * SECTOR_BYTES;
    let index = this.flushed;
    let area = -1;
    let view: DataView | undefined;
    const writeBack = () => {
      if (view) this.cow.write(areaLocation(area, this.epa) * areaBytes, new Uint8Array(view.buffer));
    };
    this.unflushed.forEachRun((oldFirst, firstData, count) => {
      for (let i = 0; i < count; i++, index++) {
        const entryArea = Math.floor(index / this.epa);
        if (entryArea !== area) {
          writeBack();
          area = entryArea;
          view = new DataView(this.cow.readRaw(areaLocation(area, this.epa) * areaBytes, areaBytes).buffer);
        }
        writeException(view!, index % this.epa, oldFirst + i, dataChunk(firstData + i, this.epa));
      }
    });
    writeBack();
    this.flushed = index;
    this.unflushed = new ExceptionRuns();
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
      loader.feed(this.cow.readRaw(chunk * areaBytes, areaBytes), add);
    }
    const table = loader.result();
    this.currentArea = table.currentArea;
    this.currentCommitted = table.currentCommitted;
    this.nextFree = table.nextFree;
    this.committed = table.exceptionCount;
    this.flushed = table.exceptionCount;
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
      const kept = Math.max(committedBefore, this.currentArea * this.epa);
      this.unflushed.truncate(kept - this.flushed);
      this.committed = kept;
      return false;
    }
    this.zeroArea(this.currentArea + 1);
    this.currentArea++;
    this.currentCommitted = 0;
    return true;
  }

  /** Tells `onCopied` about a committed request, one run per metadata area (COW chunks skip metadata). */
  private reportCopied(originRuns: readonly number[], firstData: number, onCopied: CopiedListener): void {
    let data = firstData;
    for (let i = 0; i < originRuns.length; i += 2) {
      let origin = originRuns[i]!;
      let count = originRuns[i + 1]!;
      while (count > 0) {
        const inArea = Math.min(count, this.epa - (data % this.epa));
        onCopied(origin, dataChunk(data, this.epa), inArea);
        origin += inArea;
        data += inArea;
        count -= inArea;
      }
    }
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
