// The overlay ledger as a JSON document, kept next to the stick's own (`cellar-stick/v2` does not carry
// it): entries as runs, so a sequential 1 GiB write saves as a few hundred runs, not 262,144 rows.

export const LEDGER_FORMAT = 'cellar-overlay-ledger/v1';

/** The entries [from, to) one operation added, in hand-out order. */
export interface LedgerCopies {
  name: string;
  path: string;
  from: number;
  to: number;
}

export interface OverlayLedgerDocument {
  format: typeof LEDGER_FORMAT;
  owners: string[];
  /** [first COW chunk, first origin chunk, count, owner index]: COW and origin both step by one. */
  runs: [number, number, number, number][];
  lastCopies: LedgerCopies | null;
  /** The folder written last: where a later writeback's chunks are charged. */
  lastFolder: string | null;
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The document, checked; null when it is not a ledger this version can read (the ledger is then rebuilt). */
export function readLedgerDocument(value: unknown): OverlayLedgerDocument | null {
  if (typeof value !== 'object' || value === null) return null;
  const doc = value as Partial<OverlayLedgerDocument>;
  if (doc.format !== LEDGER_FORMAT || !Array.isArray(doc.owners) || !Array.isArray(doc.runs)) return null;
  if (!doc.owners.every((o) => typeof o === 'string')) return null;
  const owners = doc.owners.length;
  let entries = 0;
  for (const run of doc.runs) {
    if (!Array.isArray(run) || run.length !== 4 || !run.every(isCount)) return null;
    if (run[2] < 1 || run[3] >= owners) return null;
    entries += run[2];
  }
  const copies = doc.lastCopies;
  if (copies !== null) {
    if (typeof copies !== 'object' || copies === undefined) return null;
    if (typeof copies.name !== 'string' || typeof copies.path !== 'string') return null;
    if (!isCount(copies.from) || !isCount(copies.to) || copies.from > copies.to || copies.to > entries)
      return null;
  }
  if (doc.lastFolder !== null && typeof doc.lastFolder !== 'string') return null;
  return doc as OverlayLedgerDocument;
}
