// "Who spent my overlay": for every COW chunk live-rw's persistent (or temporary) store hands out, the
// origin chunk it copied and who caused it — the folder of the file operation running at the time, or the
// ext4 journal, or filesystem metadata (fixed structures, folder blocks, extent leaves) — and which chunks
// the last operation copied, in order, for the chunk map's replay.
//
// The ledger listens to live-rw's `chunks-copied` event while the stick runs and charges the data chunks
// when the stick's `operation` event names the path. Chunks copied while it was not listening (the boot,
// a stick restored without a ledger document) are read back from the store and charged by what their
// origin holds (journal, metadata) or to `boot` / `earlier`. At each boot the ledger is checked against
// the store: a persistent overlay keeps its chunks; a reset, refreshed or temporary one starts afresh.
// Invariant: `count` equals the exceptions the store committed (the data chunks of its status line).

import type { SnapshotTarget } from '../dm/SnapshotTarget';
import { Emitter } from '../events';
import { SECTOR_BYTES } from '../units';
import { LedgerEntries } from './ledgerEntries';
import {
  LEDGER_FORMAT,
  readLedgerDocument,
  type LedgerCopies,
  type OverlayLedgerDocument,
} from './overlayLedgerDocument';
import {
  BOOT_OWNER,
  EARLIER_OWNER,
  JOURNAL_OWNER,
  METADATA_OWNER,
  ORIGIN_JOURNAL,
  ORIGIN_METADATA,
  originClasses,
  ownerFolder,
} from './overlayOwners';
import type { LiveOverlay, Stick } from './Stick';
import { forEachStoreException } from './storeExceptions';

export type { LedgerCopies, OverlayLedgerDocument };

export interface LedgerEntry {
  cowChunk: number;
  originChunk: number;
  owner: string;
}

export interface LedgerChange {
  /** The ledger was emptied (a new store): views redraw from nothing. */
  reset: boolean;
  /** The first entry added or re-charged. */
  fromIndex: number;
}

export interface OverlayLedgerEvents {
  changed: LedgerChange;
}

export class OverlayLedger {
  readonly events = new Emitter<OverlayLedgerEvents>();
  private readonly entries = new LedgerEntries();
  private copies: LedgerCopies | null = null;
  private lastFolder: string | null = null;
  /** Where the running operation's entries start, and its data entries waiting for its path. */
  private operationStart = 0;
  private pendingData: number[] = [];
  private overlay: LiveOverlay | null = null;
  private classes: Uint8Array = new Uint8Array(0);
  private readonly unsubscribe: (() => void)[] = [];
  private unsubscribeTarget: (() => void) | null = null;

  private constructor(readonly stick: Stick) {}

  /**
   * A ledger following `stick` from now on. `saved` (from `save()`) gives back the owners of chunks copied
   * before; without it, or when it no longer matches the store, those chunks are charged to `journal`,
   * `metadata` or `earlier`.
   */
  static follow(stick: Stick, saved?: unknown): OverlayLedger {
    const ledger = new OverlayLedger(stick);
    const doc = saved === undefined ? null : readLedgerDocument(saved);
    if (doc) ledger.load(doc);
    ledger.unsubscribe.push(
      stick.events.on('operation', ({ name, path }) => ledger.operationEnded(name, path ?? '/')),
      stick.events.on('booted', () => ledger.attach(BOOT_OWNER)),
      stick.events.on('shut-down', () => ledger.detach()),
    );
    ledger.attach(EARLIER_OWNER);
    return ledger;
  }

  /** Stops following the stick. */
  stop(): void {
    this.unsubscribeTarget?.();
    this.unsubscribeTarget = null;
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** COW data chunks handed out (header and metadata areas left out). */
  get count(): number {
    return this.entries.count;
  }

  /** Every owner name seen, in order of first appearance (indices are stable: see ownerIdAt). */
  get owners(): readonly string[] {
    return this.entries.owners;
  }

  /** The entries the last operation that copied anything added, in the order they were copied. */
  get lastCopies(): LedgerCopies | null {
    return this.copies;
  }

  entry(index: number): LedgerEntry {
    return {
      cowChunk: this.entries.cowChunkAt(index),
      originChunk: this.entries.originChunkAt(index),
      owner: this.entries.owners[this.entries.ownerIdAt(index)]!,
    };
  }

  cowChunkAt(index: number): number {
    return this.entries.cowChunkAt(index);
  }

  ownerIdAt(index: number): number {
    return this.entries.ownerIdAt(index);
  }

  /** The entry of a COW chunk, or -1 (header, metadata area, or not handed out). */
  indexOfCowChunk(cowChunk: number): number {
    return this.entries.indexOfCowChunk(cowChunk);
  }

  /** The first entry whose COW chunk is `cowChunk` or later (`count` when none is). */
  firstIndexFrom(cowChunk: number): number {
    return this.entries.firstIndexFrom(cowChunk);
  }

  /** Chunks per owner, most first (owners with none left out). */
  spenders(): { owner: string; chunks: number }[] {
    return this.entries.owners
      .map((owner, id) => ({ owner, chunks: this.entries.chunksOf(id) }))
      .filter((s) => s.chunks > 0)
      .sort((a, b) => b.chunks - a.chunks || (a.owner < b.owner ? -1 : 1));
  }

  save(): OverlayLedgerDocument {
    const runs: OverlayLedgerDocument['runs'] = [];
    const e = this.entries;
    for (let i = 0; i < e.count; i++) {
      const last = runs.at(-1);
      const [cow, origin, owner] = [e.cowChunkAt(i), e.originChunkAt(i), e.ownerIdAt(i)];
      if (last && last[0] + last[2] === cow && last[1] + last[2] === origin && last[3] === owner) last[2]++;
      else runs.push([cow, origin, 1, owner]);
    }
    return {
      format: LEDGER_FORMAT,
      owners: [...e.owners],
      runs,
      lastCopies: this.copies && { ...this.copies },
      lastFolder: this.lastFolder,
    };
  }

  private load(doc: OverlayLedgerDocument): void {
    const ids = doc.owners.map((owner) => this.entries.ownerId(owner));
    for (const [cow, origin, count, owner] of doc.runs) {
      for (let i = 0; i < count; i++) this.entries.append(cow + i, origin + i, ids[owner]!);
    }
    this.copies = doc.lastCopies && { ...doc.lastCopies };
    this.lastFolder = doc.lastFolder;
    this.operationStart = this.entries.count;
  }

  /** live-rw exists (a boot, or a running stick): listen to it and catch up with its store. */
  private attach(missedOwner: string): void {
    const overlay = this.stick.liveOverlay();
    this.overlay = overlay;
    if (!overlay) return;
    const { target, root } = overlay;
    const originChunks = Math.ceil(target.origin.sizeSectors / target.chunkSectors);
    this.classes = root ? originClasses(root.layout, originChunks, target.chunkSectors) : new Uint8Array(0);
    this.unsubscribeTarget?.();
    this.unsubscribeTarget = target.events.on('chunks-copied', ({ originChunk, cowChunk, count }) =>
      this.copied(originChunk, cowChunk, count),
    );
    this.catchUp(target, missedOwner);
  }

  /** Compares the ledger with the store; appends what it missed, or starts again for a different store. */
  private catchUp(target: SnapshotTarget, missedOwner: string): void {
    const found: number[] = [];
    if (!forEachStoreException(target, (origin, cow) => found.push(origin, cow))) return;
    const e = this.entries;
    let reset = found.length / 2 < e.count;
    for (let i = 0; !reset && i < e.count; i++) {
      reset = found[2 * i] !== e.originChunkAt(i) || found[2 * i + 1] !== e.cowChunkAt(i);
    }
    if (reset) this.clear();
    const from = e.count;
    const indexChunks = this.indexChunks();
    for (let i = from; i < found.length / 2; i++) {
      const origin = found[2 * i]!;
      const owner = this.structureOwner(origin) ?? (indexChunks.has(origin) ? METADATA_OWNER : missedOwner);
      e.append(found[2 * i + 1]!, origin, e.ownerId(owner));
    }
    this.operationStart = e.count;
    if (e.count > from && missedOwner === BOOT_OWNER) {
      this.copies = { name: 'boot', path: '/', from, to: e.count };
    }
    if (reset || e.count > from) this.events.emit('changed', { reset, fromIndex: from });
  }

  private copied(originChunk: number, cowChunk: number, count: number): void {
    const provisional = this.entries.ownerId(this.lastFolder ?? BOOT_OWNER);
    for (let i = 0; i < count; i++) {
      const owner = this.structureOwner(originChunk + i);
      if (owner === null) this.pendingData.push(this.entries.count);
      this.entries.append(cowChunk + i, originChunk + i, owner ? this.entries.ownerId(owner) : provisional);
    }
  }

  /** `journal` or `metadata` for the structures mkfs placed, else null (file data, or a folder block). */
  private structureOwner(originChunk: number): string | null {
    const kind = this.classes[originChunk];
    return kind === ORIGIN_JOURNAL ? JOURNAL_OWNER : kind === ORIGIN_METADATA ? METADATA_OWNER : null;
  }

  /** An operation finished: its data chunks go to its folder (writeback with no path: the folder written last). */
  private operationEnded(name: string, path: string): void {
    if (!this.overlay) {
      this.forgetIfStoreIsNew();
      return;
    }
    const folder = path === '/' ? this.lastFolder : ownerFolder(path);
    this.chargePending(folder ?? '/');
    if (this.entries.count > this.operationStart) {
      this.copies = { name, path, from: this.operationStart, to: this.entries.count };
      this.events.emit('changed', { reset: false, fromIndex: this.operationStart });
    }
    this.operationStart = this.entries.count;
    if (path !== '/') this.lastFolder = folder;
  }

  private chargePending(folder: string): void {
    if (this.pendingData.length === 0) return;
    const indexChunks = this.indexChunks();
    const folderId = this.entries.ownerId(folder);
    const metadataId = this.entries.ownerId(METADATA_OWNER);
    for (const index of this.pendingData) {
      const isIndex = indexChunks.has(this.entries.originChunkAt(index));
      this.entries.setOwner(index, isIndex ? metadataId : folderId);
    }
    this.pendingData = [];
  }

  /** Origin chunks holding folder blocks, extent leaves or indirect blocks of the root now. */
  private indexChunks(): Set<number> {
    const chunks = new Set<number>();
    const overlay = this.overlay;
    const root = overlay?.root;
    if (!overlay || !root) return chunks;
    const chunkBytes = overlay.target.chunkSectors * SECTOR_BYTES;
    const blockBytes = root.layout.blockSizeBytes;
    root.forEachIndexBlock((first, count) => {
      const last = Math.floor(((first + count) * blockBytes - 1) / chunkBytes);
      for (let c = Math.floor((first * blockBytes) / chunkBytes); c <= last; c++) chunks.add(c);
    });
    return chunks;
  }

  /** Shutdown: the unmount's writes are charged, live-rw goes away; a temporary overlay's chunks with it. */
  private detach(): void {
    this.chargePending(this.lastFolder ?? '/');
    if (this.entries.count > this.operationStart) {
      this.copies = { name: 'shutdown', path: '/', from: this.operationStart, to: this.entries.count };
      this.events.emit('changed', { reset: false, fromIndex: this.operationStart });
    }
    const temporary = this.overlay?.kind === 'temporary';
    this.unsubscribeTarget?.();
    this.unsubscribeTarget = null;
    this.overlay = null;
    if (temporary) {
      this.clear();
      this.events.emit('changed', { reset: true, fromIndex: 0 });
    }
  }

  /** With the stick off, a refresh or a reset leaves an overlay with no data chunks: forget them. */
  private forgetIfStoreIsNew(): void {
    const usage = this.stick.usage().overlay;
    const dataSectors = usage.allocatedSectors - usage.metadataSectors;
    if (this.entries.count > 0 && dataSectors <= 0) {
      this.clear();
      this.events.emit('changed', { reset: true, fromIndex: 0 });
    }
  }

  private clear(): void {
    this.entries.clear();
    this.copies = null;
    this.pendingData = [];
    this.operationStart = 0;
  }
}
