// The exception-store operations the snapshot target calls, as the kernel's dm_exception_store_type lists
// them (dm-exception-store.h). The target calls only through this table; each store keeps its own layout.

/** The store letters of a `dmsetup table` line: `P`, `PO` (persistent, overflow-aware) or `N` (transient). */
export type StoreType = 'P' | 'PO' | 'N';

export interface StoreUsage {
  totalSectors: number;
  sectorsAllocated: number;
  metadataSectors: number;
}

/** What read_metadata found: a fresh store, a loaded one, or one marked invalid on disk. */
export type LoadOutcome = 'new' | 'loaded' | 'marked-invalid';

/** originChunk+i was copied to cowChunk+i, for i below count. */
export type CopiedListener = (originChunk: number, cowChunk: number, count: number) => void;

export interface ExceptionStore {
  readonly type: StoreType;
  /** May change on load: a chunk size in the on-disk header overrides the table's. */
  readonly chunkSectors: number;
  /** read_metadata: loads the store, calling `add` for each exception; throws ModelError when it cannot. */
  readMetadata(add: (oldChunk: number, newChunk: number) => void): LoadOutcome;
  /**
   * prepare_exception for `count` more chunks of the current request: hands out new chunks in order;
   * returns how many it could before the COW ran out.
   */
  prepare(count: number): number;
  /**
   * commit_exception for everything the request prepared. `originRuns` lists the origin chunks in the
   * order they were prepared, as flat pairs [first, count, first, count, …]. Returns false when the metadata
   * write failed. `onCopied` hears each committed run as COW chunks.
   */
  commit(originRuns: readonly number[], onCopied?: CopiedListener): boolean;
  /** Forgets what the request prepared: the snapshot died before it could be committed. */
  abandon(): void;
  /** drop_snapshot: mark the store invalid where it is stored. */
  dropSnapshot(): void;
  usage(): StoreUsage;
  /** Writes anything held back to the COW device: called when the device is read or removed. */
  flush(): void;
}
