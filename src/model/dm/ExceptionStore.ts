// The exception-store operations the snapshot target calls, as the kernel's dm_exception_store_type lists
// them (dm-exception-store.h). The target calls only through this table; each store keeps its own layout.

import type { ExceptionRuns } from './ExceptionRuns';

/** The store letters of a `dmsetup table` line: `P`, `PO` (persistent, overflow-aware) or `N` (transient). */
export type StoreType = 'P' | 'PO' | 'N';

export interface StoreUsage {
  totalSectors: number;
  sectorsAllocated: number;
  metadataSectors: number;
}

/** What read_metadata found: a fresh store, a loaded one, or one marked invalid on disk. */
export type LoadOutcome = 'new' | 'loaded' | 'marked-invalid';

export interface ExceptionStore {
  readonly type: StoreType;
  /** May change on load: a chunk size in the on-disk header overrides the table's. */
  readonly chunkSectors: number;
  /** read_metadata: loads the store, calling `add` for each exception; throws ModelError when it cannot. */
  readMetadata(add: (oldChunk: number, newChunk: number) => void): LoadOutcome;
  /**
   * prepare_exception, for `count` consecutive origin chunks from `oldFirst`: hands out new chunks in order
   * and records them in `pending`; returns how many it could hand out before the COW ran out.
   */
  prepare(oldFirst: number, count: number, pending: ExceptionRuns): number;
  /** commit_exception for one request's pending exceptions; false when the metadata write failed. */
  commit(pending: ExceptionRuns): boolean;
  /** drop_snapshot: mark the store invalid where it is stored. */
  dropSnapshot(): void;
  usage(): StoreUsage;
  /** The committed exceptions, in the order the store keeps them. */
  readonly exceptions: ExceptionRuns;
  /** Writes anything held back to the COW device: called when the device is read or removed. */
  flush(): void;
}
