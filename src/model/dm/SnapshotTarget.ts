// The dm-snapshot target (dm-snap.c): a writable view of a read-only origin, whose changed chunks live in
// an exception store on the COW device. Writes, reads and origin writes behave as the kernel's
// snapshot_map and __origin_write do, including what happens when the COW runs out:
//   P  → Invalid: the header's valid byte becomes 0, every later read and write fails, the request's
//        in-flight exceptions are never committed;
//   PO → Overflow: the header stays valid, reads work, every write fails, in-flight exceptions commit;
//   N  → Invalid (the transient store has nothing on disk).

import type { OriginDevice } from '../block/BlockDevice';
import type { CowDevice } from '../block/CowDevice';
import { ModelError } from '../errors';
import { Emitter } from '../events';
import { chunkOfSector, isPowerOfTwo, SECTOR_BYTES } from '../units';
import { ChunkBitmap } from './ChunkBitmap';
import { areaLocation, exceptionsPerArea } from './diskFormat';
import type { ExceptionStore, StoreType } from './ExceptionStore';
import { PersistentStore } from './PersistentStore';
import { TransientStore } from './TransientStore';

export type SnapshotStatus =
  | { state: 'Valid'; sectorsAllocated: number; totalSectors: number; metadataSectors: number }
  | { state: 'Invalid' }
  | { state: 'Overflow' };

export type IoError = 'EIO' | 'EROFS';

/** The outcome of one read or write request: a full overlay is an outcome, not an exception. */
export interface IoResult {
  readonly ok: boolean;
  readonly error?: IoError;
  /** COW chunks this request made the store hand out and commit. */
  readonly newChunks: number;
}

/** Most writes land on chunks already copied (a filesystem rewrites its metadata all the time). */
const NOTHING_NEW: IoResult = Object.freeze({ ok: true, newChunks: 0 });

export type CopyCause = 'snapshot-write' | 'origin-write';

export interface SnapshotEvents {
  /** Origin chunks copied into the COW, as a run: originChunk+i went to cowChunk+i. */
  'chunks-copied': { originChunk: number; cowChunk: number; count: number; cause: CopyCause };
  /** A metadata area filled and the next one was started at `cowChunk`. */
  'area-started': { area: number; cowChunk: number };
  invalidated: { reason: string };
  overflowed: Record<string, never>;
  /** A line the kernel would log (dmesg), without the timestamp. */
  'kernel-message': { text: string };
}

export interface SnapshotSpec {
  origin: OriginDevice;
  cow: CowDevice;
  /** `P`, `PO`, `N` or `NO`, in either case, as `dmsetup create` accepts them. */
  store: string;
  chunkSectors: number;
  /** `dmsetup create --readonly` (live-osimg-min): writes are refused. */
  readOnly?: boolean;
  events?: Emitter<SnapshotEvents>;
  /** Continue a saved target (snapshotState.ts): the state that lives only in a running device. */
  resume?: {
    valid: boolean;
    overflowed: boolean;
    transient?: { runs: readonly (readonly [number, number, number])[]; nextFreeSectors: number };
  };
}

export type CreateResult = { ok: true; target: SnapshotTarget } | { ok: false; message: string };

const LOG_PREFIX = 'device-mapper: snapshots: ';

export function parseStoreType(text: string): StoreType | null {
  switch (text.toUpperCase()) {
    case 'P':
      return 'P';
    case 'PO':
      return 'PO';
    case 'N':
    case 'NO':
      return 'N';
    default:
      return null;
  }
}

export class SnapshotTarget {
  readonly events: Emitter<SnapshotEvents>;
  readonly readOnly: boolean;
  private readonly copied: ChunkBitmap;
  private isValid = true;
  private isOverflowed = false;
  private removed = false;

  private constructor(
    readonly origin: OriginDevice,
    readonly cow: CowDevice,
    readonly store: ExceptionStore,
    spec: SnapshotSpec,
  ) {
    this.events = spec.events ?? new Emitter<SnapshotEvents>();
    this.readOnly = spec.readOnly ?? false;
    this.copied = new ChunkBitmap(Math.ceil(origin.sizeSectors / store.chunkSectors));
  }

  /** `dmsetup create`: builds the store on the COW and loads it, or says why the kernel would refuse. */
  static create(spec: SnapshotSpec): CreateResult {
    const type = parseStoreType(spec.store);
    if (!type) return { ok: false, message: `unknown exception store type ${spec.store}` };
    if (!isPowerOfTwo(spec.chunkSectors)) return { ok: false, message: 'Chunk size is not a power of 2' };
    const store =
      type === 'N'
        ? new TransientStore(spec.cow, spec.chunkSectors)
        : new PersistentStore(spec.cow, spec.chunkSectors, type === 'PO');
    // The bitmap's size depends on the chunk size, which the on-disk header may override: collect first.
    const loadedOld: number[] = [];
    let outcome;
    try {
      outcome = store.readMetadata((oldChunk) => loadedOld.push(oldChunk));
    } catch (error) {
      if (error instanceof ModelError) return { ok: false, message: error.message };
      throw error;
    }
    // A new store's header and first area are written at once: a file that cannot hold them fails the table.
    if (outcome === 'new' && !spec.cow.claim(store.usage().sectorsAllocated * SECTOR_BYTES)) {
      return { ok: false, message: 'Failed to read snapshot metadata' };
    }
    const target = new SnapshotTarget(spec.origin, spec.cow, store, spec);
    for (const oldChunk of loadedOld) target.markCopied(oldChunk, 1);
    if (spec.resume?.transient && store instanceof TransientStore) {
      store.restore(spec.resume.transient.runs, spec.resume.transient.nextFreeSectors);
      store.exceptions.forEachRun((oldFirst, _new, count) => target.markCopied(oldFirst, count));
    }
    spec.cow.setFlushHook(() => store.flush());
    if (outcome === 'marked-invalid') {
      target.isValid = false;
      target.log('Snapshot is marked invalid.');
    }
    if (spec.resume) {
      target.isValid &&= spec.resume.valid;
      target.isOverflowed = spec.resume.overflowed;
    }
    return { ok: true, target };
  }

  get valid(): boolean {
    return this.isValid;
  }

  get overflowed(): boolean {
    return this.isOverflowed;
  }

  /** The target's length: the origin's size, as the table line gives it. */
  get lengthSectors(): number {
    return this.origin.sizeSectors;
  }

  get chunkSectors(): number {
    return this.store.chunkSectors;
  }

  /** Whether an origin chunk has been copied to the COW (a write to it costs nothing more). */
  isCopied(originChunk: number): boolean {
    return this.copied.has(originChunk);
  }

  /** Whether no origin chunk is remapped, so every read goes to the origin (a new store, or an empty table). */
  get remapsNothing(): boolean {
    return this.copied.noneSet();
  }

  status(): SnapshotStatus {
    if (!this.isValid) return { state: 'Invalid' };
    if (this.isOverflowed) return { state: 'Overflow' };
    return { state: 'Valid', ...this.store.usage() };
  }

  /** A write through the snapshot device covering `[offsetSectors, offsetSectors + sectors)`. */
  write(offsetSectors: number, sectors: number): IoResult {
    this.checkRange(offsetSectors, sectors);
    if (this.readOnly) return { ok: false, error: 'EROFS', newChunks: 0 };
    if (!this.isValid || this.isOverflowed) return { ok: false, error: 'EIO', newChunks: 0 };
    if (this.allCopied(offsetSectors, sectors)) return NOTHING_NEW;
    const { originRuns, exhausted } = this.prepareCopies(offsetSectors, sectors);
    if (exhausted && this.store.type !== 'PO') {
      this.store.abandon();
      this.invalidate('Unable to allocate exception.');
      return { ok: false, error: 'EIO', newChunks: 0 };
    }
    if (!this.cowHoldsPrepared()) return this.cowWriteFailed();
    if (!exhausted) return this.commit(originRuns, 'snapshot-write');
    const committed = this.commit(originRuns, 'snapshot-write');
    if (this.isValid) {
      this.isOverflowed = true;
      this.log('Snapshot overflowed: Unable to allocate exception.');
      this.events.emit('overflowed', {});
    }
    return { ok: false, error: 'EIO', newChunks: committed.newChunks };
  }

  /** A read through the snapshot device: it changes nothing, and fails once the snapshot is invalid. */
  read(offsetSectors: number, sectors: number): IoResult {
    this.checkRange(offsetSectors, sectors);
    return this.isValid ? { ok: true, newChunks: 0 } : { ok: false, error: 'EIO', newChunks: 0 };
  }

  /**
   * A write to the origin through a snapshot-origin device: each chunk not yet copied is copied to the COW
   * first. The origin write itself always succeeds; a COW that cannot hold the copy invalidates the
   * snapshot, whatever the store type.
   */
  writeOrigin(offsetSectors: number, sectors: number): IoResult {
    this.checkRange(offsetSectors, sectors);
    if (!this.isValid) return { ok: true, newChunks: 0 };
    const { originRuns, exhausted } = this.prepareCopies(offsetSectors, sectors);
    if (exhausted) {
      this.store.abandon();
      this.invalidate('Unable to allocate exception.');
      return { ok: true, newChunks: 0 };
    }
    if (!this.cowHoldsPrepared()) return { ...this.cowWriteFailed(), ok: true };
    return { ...this.commit(originRuns, 'origin-write'), ok: true };
  }

  /** `dmsetup remove`: the store's last metadata reaches the COW; the target can no longer be used. */
  remove(): void {
    this.store.flush();
    this.cow.setFlushHook(undefined);
    this.removed = true;
  }

  /** Origin chunks past the end of the origin (only a foreign table has them) can never be written: skipped. */
  private markCopied(originChunk: number, count: number): void {
    const end = Math.min(originChunk + count, this.copied.chunks);
    if (end > originChunk) this.copied.setRange(originChunk, end - originChunk);
  }

  /** The common case of a rewrite of copied chunks (metadata, the journal), answered without building anything. */
  private allCopied(offsetSectors: number, sectors: number): boolean {
    const first = chunkOfSector(offsetSectors, this.store.chunkSectors);
    const last = chunkOfSector(offsetSectors + sectors - 1, this.store.chunkSectors);
    return first === last ? this.copied.has(first) : this.copied.allSet(first, last);
  }

  /** Prepares an exception for every chunk of the range not yet copied, in ascending order. */
  private prepareCopies(
    offsetSectors: number,
    sectors: number,
  ): { originRuns: number[]; exhausted: boolean } {
    const first = chunkOfSector(offsetSectors, this.store.chunkSectors);
    const last = chunkOfSector(offsetSectors + sectors - 1, this.store.chunkSectors);
    const originRuns: number[] = [];
    let exhausted = false;
    this.copied.forEachClearRun(first, last, (start, count) => {
      const granted = this.store.prepare(count);
      if (granted > 0) originRuns.push(start, granted);
      exhausted = granted < count;
      return !exhausted;
    });
    return { originRuns, exhausted };
  }

  /** The copies go to the COW: the file under its loop device must hold every chunk handed out so far. */
  private cowHoldsPrepared(): boolean {
    return !this.cow.backed || this.cow.claim(this.store.usage().sectorsAllocated * SECTOR_BYTES);
  }

  /**
   * The loop device could not write the copies (the file under it is full): dm-snap's pending_complete sees
   * a failed copy and invalidates the snapshot whatever its store type; nothing of the request commits.
   */
  private cowWriteFailed(): IoResult {
    this.store.abandon();
    this.invalidate('Error reading/writing.');
    return { ok: false, error: 'EIO', newChunks: 0 };
  }

  private commit(originRuns: number[], cause: CopyCause): IoResult {
    const areaBefore = this.events.wants('area-started') ? this.store.usage().metadataSectors : 0;
    const onCopied = this.events.wants('chunks-copied')
      ? (originChunk: number, cowChunk: number, count: number) =>
          this.events.emit('chunks-copied', { originChunk, cowChunk, count, cause })
      : undefined;
    if (!this.store.commit(originRuns, onCopied)) {
      this.invalidate('Error reading/writing.');
      return { ok: false, error: 'EIO', newChunks: 0 };
    }
    let newChunks = 0;
    for (let i = 0; i < originRuns.length; i += 2) {
      this.markCopied(originRuns[i]!, originRuns[i + 1]!);
      newChunks += originRuns[i + 1]!;
    }
    if (this.events.wants('area-started')) this.emitAreasStarted(areaBefore);
    return { ok: true, newChunks };
  }

  private emitAreasStarted(metadataSectorsBefore: number): void {
    const chunk = this.store.chunkSectors;
    const epa = exceptionsPerArea(chunk);
    const before = metadataSectorsBefore / chunk - 2;
    const after = this.store.usage().metadataSectors / chunk - 2;
    for (let area = before + 1; area <= after; area++) {
      this.events.emit('area-started', { area, cowChunk: areaLocation(area, epa) });
    }
  }

  private invalidate(reason: string): void {
    if (!this.isValid) return;
    this.log(`Invalidating snapshot: ${reason}`);
    this.store.dropSnapshot();
    this.isValid = false;
    this.events.emit('invalidated', { reason });
  }

  private log(text: string): void {
    if (this.events.wants('kernel-message')) this.events.emit('kernel-message', { text: LOG_PREFIX + text });
  }

  private checkRange(offsetSectors: number, sectors: number): void {
    if (this.removed) throw new ModelError('ENODEV', 'the snapshot device has been removed');
    if (
      !Number.isSafeInteger(offsetSectors) ||
      !Number.isSafeInteger(sectors) ||
      offsetSectors < 0 ||
      sectors < 1 ||
      offsetSectors + sectors > this.origin.sizeSectors
    ) {
      throw new ModelError(
        'EINVAL',
        `sectors ${offsetSectors}+${sectors} are outside the ${this.origin.sizeSectors}-sector device`,
      );
    }
  }
}
