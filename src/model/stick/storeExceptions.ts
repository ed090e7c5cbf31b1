// Every exception live-rw's store holds, as (origin chunk, COW chunk) pairs in the order they were handed
// out: read back from the COW's metadata areas (persistent) or from memory (transient), so that a ledger
// can be checked against the store, or rebuilt from it, after a reboot or a restore.

import { MetadataLoader } from '../dm/MetadataLoader';
import type { SnapshotTarget } from '../dm/SnapshotTarget';
import { TransientStore } from '../dm/TransientStore';
import { SECTOR_BYTES } from '../units';

/** Calls `visit` for each exception, in COW-chunk order; answers false when the table cannot be read. */
export function forEachStoreException(
  target: SnapshotTarget,
  visit: (originChunk: number, cowChunk: number) => void,
): boolean {
  const store = target.store;
  if (store instanceof TransientStore) {
    store.exceptions.forEachRun((origin, cow, count) => {
      for (let i = 0; i < count; i++) visit(origin + i, cow + i);
    });
    return true;
  }
  // An Invalid persistent store's areas no longer describe what it handed out.
  if (!target.valid) return false;
  const loader = new MetadataLoader(store.chunkSectors);
  const areaBytes = store.chunkSectors * SECTOR_BYTES;
  for (let chunk = loader.nextAreaChunk(); chunk !== null; chunk = loader.nextAreaChunk()) {
    loader.feed(target.cow.read(chunk * areaBytes, areaBytes), visit);
  }
  return true;
}
