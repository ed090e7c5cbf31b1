// What <cellar-chunk-map> draws, whichever overlay it shows: the COW file's layout and its data chunks in COW
// order (the origin chunk and the owner of each). The simulation's ledger is one source (ledgerSource); a
// real overlay file read by readOverlay is another (overlayInfoSource).

import type { LedgerChange, OverlayLedger } from '../../model/stick/overlayLedger';
import { cowLayout, type CowLayout } from './cowLayout';

/** The data chunks in COW order: the part of OverlayLedger the map reads. */
export type ChunkEntries = Pick<
  OverlayLedger,
  | 'count'
  | 'owners'
  | 'entry'
  | 'cowChunkAt'
  | 'ownerIdAt'
  | 'indexOfCowChunk'
  | 'firstIndexFrom'
  | 'spenders'
  | 'lastCopies'
>;

export interface ChunkMapSource {
  readonly entries: ChunkEntries;
  /** Whether the order of the last copies is known, for the step-by-step replay (a file read does not say). */
  readonly replayable: boolean;
  layout(): CowLayout;
  /** `changed` when chunks are added or re-charged, `relayout` when the layout may have moved; gives the unsubscribe. */
  watch(changed: (change: LedgerChange) => void, relayout: () => void): () => void;
}

export function ledgerSource(ledger: OverlayLedger): ChunkMapSource {
  return {
    entries: ledger,
    replayable: true,
    layout: () => cowLayout(ledger.stick.usage()),
    watch(changed, relayout) {
      const offs = [
        ledger.events.on('changed', changed),
        ledger.stick.events.on('operation', relayout),
        ledger.stick.events.on('booted', relayout),
        ledger.stick.events.on('shut-down', relayout),
      ];
      return () => offs.forEach((off) => off());
    },
  };
}
