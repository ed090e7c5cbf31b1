// Parsers of what `dmsetup status` and `dmsetup table` print: the inverse of src/model/dm/dmsetupFormat.ts.
// A line that cannot be read gives a DmParseError that names the line and what was expected; they never
// throw anything else, whatever the input.

import type { StoreType } from '../model/dm/ExceptionStore';
import { parseStoreType } from '../model/dm/SnapshotTarget';
import { isPowerOfTwo } from '../model/units';

export class DmParseError extends Error {
  constructor(
    readonly lineNumber: number,
    message: string,
  ) {
    super(`line ${lineNumber}: ${message}`);
    this.name = 'DmParseError';
  }
}

/** What a snapshot (or snapshot-merge) status says. `metadataSectors` is null on kernels before 2.6.33. */
export type ParsedSnapshotState =
  | { state: 'Valid'; sectorsAllocated: number; totalSectors: number; metadataSectors: number | null }
  | { state: 'Invalid' | 'Overflow' | 'Merge failed' | 'Unknown' };

interface LineHead {
  /** The device name, present in multi-device listings ("live-rw: 0 …"). */
  name?: string;
  start: number;
  length: number;
  target: string;
  params: string;
}

export interface StatusLine extends LineHead {
  /** For snapshot and snapshot-merge targets. */
  snapshot?: ParsedSnapshotState;
}

export interface SnapshotTable {
  origin: string;
  cow: string;
  store: StoreType;
  /** As written: `P`, `PO`, `N`, `NO`, or 2012 dracut's lower-case `p`. */
  storeAsWritten: string;
  chunkSectors: number;
}

export interface TableLine extends LineHead {
  snapshot?: SnapshotTable;
  /** For snapshot-origin: the origin device. */
  originDevice?: string;
}

const HEAD = /^(?:(.+?): )?(\d+) (\d+) (\S+)(?: (.*))?$/;
const USAGE = /^(\d+)\/(\d+)(?: (\d+))?$/;
const SNAPSHOT_TARGETS = new Set(['snapshot', 'snapshot-merge']);

function number(text: string, lineNumber: number, what: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new DmParseError(lineNumber, `${what} ${text} is too large`);
  return value;
}

function parseHead(line: string, lineNumber: number): LineHead {
  if (/[\r\n\u2028\u2029]/.test(line))
    throw new DmParseError(lineNumber, 'expected one line, found a line break inside');
  const match = HEAD.exec(line.trim());
  if (!match) {
    throw new DmParseError(
      lineNumber,
      `expected "[name: ]<start> <length> <target> <parameters>", like "0 13635584 snapshot 96/2464 16"; found "${line.slice(0, 80)}"`,
    );
  }
  const [, name, start, length, target, params] = match;
  return {
    ...(name === undefined ? {} : { name }),
    start: number(start!, lineNumber, 'start'),
    length: number(length!, lineNumber, 'length'),
    target: target!,
    params: (params ?? '').trim(),
  };
}

export function parseSnapshotState(params: string, lineNumber = 1): ParsedSnapshotState {
  if (params === 'Invalid' || params === 'Overflow' || params === 'Merge failed' || params === 'Unknown') {
    return { state: params };
  }
  const match = USAGE.exec(params);
  if (!match) {
    throw new DmParseError(
      lineNumber,
      `expected a snapshot status "<allocated>/<total> <metadata>", "Invalid" or "Overflow"; found "${params.slice(0, 60)}"`,
    );
  }
  const sectorsAllocated = number(match[1]!, lineNumber, 'allocated sectors');
  const totalSectors = number(match[2]!, lineNumber, 'total sectors');
  const metadataSectors = match[3] === undefined ? null : number(match[3], lineNumber, 'metadata sectors');
  if (sectorsAllocated > totalSectors) {
    throw new DmParseError(
      lineNumber,
      `expected allocated sectors ≤ total sectors; found ${sectorsAllocated} allocated out of only ${totalSectors}`,
    );
  }
  return { state: 'Valid', sectorsAllocated, totalSectors, metadataSectors };
}

export function parseStatusLine(line: string, lineNumber = 1): StatusLine {
  const head = parseHead(line, lineNumber);
  if (!SNAPSHOT_TARGETS.has(head.target)) return head;
  return { ...head, snapshot: parseSnapshotState(head.params, lineNumber) };
}

export function parseTableLine(line: string, lineNumber = 1): TableLine {
  const head = parseHead(line, lineNumber);
  const fields = head.params.split(/\s+/).filter(Boolean);
  if (head.target === 'snapshot-origin') {
    if (fields.length !== 1) throw new DmParseError(lineNumber, 'expected "snapshot-origin <origin device>"');
    return { ...head, originDevice: fields[0]! };
  }
  if (!SNAPSHOT_TARGETS.has(head.target)) return head;
  const [origin, cow, storeAsWritten, chunk] = fields;
  const store = storeAsWritten === undefined ? null : parseStoreType(storeAsWritten);
  if (fields.length !== 4 || !store || !/^\d+$/.test(chunk!) || !isPowerOfTwo(Number(chunk))) {
    throw new DmParseError(
      lineNumber,
      `expected "snapshot <origin> <cow> <P|PO|N> <chunk size, a power of two>", like "snapshot 7:0 7:1 PO 8"; found "${head.params.slice(0, 60)}"`,
    );
  }
  return {
    ...head,
    snapshot: {
      origin: origin!,
      cow: cow!,
      store,
      storeAsWritten: storeAsWritten!,
      chunkSectors: Number(chunk),
    },
  };
}

/** Every line of a `dmsetup status` or `dmsetup table` output; "No devices found" is an empty list. */
export function parseListing<T>(text: string, parseLine: (line: string, lineNumber: number) => T): T[] {
  const out: T[] = [];
  for (const [index, raw] of text.split(/\r\n|[\n\r\u2028\u2029]/).entries()) {
    const line = raw.trim();
    if (line === '' || line === 'No devices found') continue;
    out.push(parseLine(line, index + 1));
  }
  return out;
}
