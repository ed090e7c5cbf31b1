// A real overlay file, as readOverlay read it, for <cellar-chunk-map>: the header, the metadata areas the
// table reached and every data chunk of its exception table. A file says nothing of folders, so every data
// chunk has one owner, REAL_CHANGES_OWNER, and there is no last operation to replay.

import { exceptionsPerArea, HEADER_CHUNKS } from '../../model/dm/diskFormat';
import type { OverlayInfo } from '../../model/dm/overlayFile';
import { LedgerEntries } from '../../model/stick/ledgerEntries';
import type { LedgerEntry } from '../../model/stick/overlayLedger';
import type { ChunkEntries, ChunkMapSource } from './chunkMapSource';
import type { CowLayout } from './cowLayout';

/** The owner of a real file's data chunks (ownerLabel words it). */
export const REAL_CHANGES_OWNER = 'real-changes';

export function overlayInfoSource(info: OverlayInfo): ChunkMapSource {
  const layout = overlayLayout(info);
  return {
    entries: realEntries(info),
    replayable: false,
    layout: () => layout,
    watch: () => () => undefined,
  };
}

function overlayLayout(info: OverlayInfo): CowLayout {
  const { chunkSectors, status } = info;
  const epa = exceptionsPerArea(chunkSectors);
  const totalChunks = Math.floor(info.cowSectors / chunkSectors);
  // Valid: the areas the status counts (a blank file's area 0 included). Invalid: the areas the table
  // reached, or up to the one it broke in.
  const areas =
    status.state === 'Valid'
      ? status.metadataSectors / chunkSectors - HEADER_CHUNKS
      : (info.table?.areasRead ?? Math.floor(info.exceptions.length / epa) + 1);
  return {
    kind: 'persistent',
    state: status.state,
    chunkSectors,
    chunkBytes: chunkSectors * 512,
    totalChunks,
    fileChunks: totalChunks,
    epa,
    areas,
  };
}

/**
 * The exceptions in COW order (the kernel hands chunks out in order, so a real table already is; a damaged
 * one is sorted). Chunk numbers past 2^31, only in a damaged file, do not fit the ledger's table.
 */
function realEntries(info: OverlayInfo): ChunkEntries {
  const entries = new LedgerEntries();
  const owner = entries.ownerId(REAL_CHANGES_OWNER);
  let sorted = true;
  let lastCow = -1;
  info.exceptions.forEachRun((_, cow, count) => {
    if (cow < lastCow) sorted = false;
    lastCow = cow + count - 1;
  });
  if (sorted) {
    info.exceptions.forEachRun((origin, cow, count) => {
      for (let i = 0; i < count; i++) entries.append(cow + i, origin + i, owner);
    });
  } else {
    const pairs = info.exceptions.toPairs().sort((a, b) => a[1] - b[1]);
    for (const [origin, cow] of pairs) entries.append(cow, origin, owner);
  }
  return {
    count: entries.count,
    owners: entries.owners,
    lastCopies: null,
    entry: (index): LedgerEntry => ({
      cowChunk: entries.cowChunkAt(index),
      originChunk: entries.originChunkAt(index),
      owner: REAL_CHANGES_OWNER,
    }),
    cowChunkAt: (index) => entries.cowChunkAt(index),
    ownerIdAt: () => owner,
    indexOfCowChunk: (cowChunk) => entries.indexOfCowChunk(cowChunk),
    firstIndexFrom: (cowChunk) => entries.firstIndexFrom(cowChunk),
    spenders: () => (entries.count > 0 ? [{ owner: REAL_CHANGES_OWNER, chunks: entries.count }] : []),
  };
}
