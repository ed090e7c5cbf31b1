// The dmsetup parsers read every status and table line the real kernel printed, back to the model's own
// formatting byte for byte; they read multi-device listings, old and odd spellings, and refuse anything
// else with a DmParseError that names the line and what was expected — never with another exception.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OriginDevice } from '../../src/model/block/BlockDevice';
import { CowDevice } from '../../src/model/block/CowDevice';
import {
  formatDmLine,
  originStatusLine,
  originTableLine,
  snapshotStatusParams,
  snapshotTableLine,
} from '../../src/model/dm/dmsetupFormat';
import { SnapshotTarget, type SnapshotStatus } from '../../src/model/dm/SnapshotTarget';
import {
  DmParseError,
  parseListing,
  parseSnapshotState,
  parseStatusLine,
  parseTableLine,
  type ParsedSnapshotState,
  type StatusLine,
  type TableLine,
} from '../../src/real/dmsetupParse';
import { KERNEL_DIR } from '../helpers/golden';

// ---------------------------------------------------------------------------------------------------------
// The recorded lines

interface Recorded {
  where: string;
  line: string;
}

interface KernelFile {
  steps: {
    index: number;
    status: string | null;
    table: string | null;
    other_devices?: Record<string, { status?: string | null; table?: string | null }>;
  }[];
  repeat_runs?: { run: number; steps: [number, string, string | null, ...unknown[]][] }[];
}

interface ExpectedFile {
  recorded: { initial: { status: string | null } };
  steps: { index: number; status: string | null; other_runs?: { status?: string | null }[] }[];
}

function recordedLines(): { statuses: Recorded[]; tables: Recorded[] } {
  const statuses: Recorded[] = [];
  const tables: Recorded[] = [];
  const add = (list: Recorded[], where: string, line: string | null | undefined) => {
    if (typeof line === 'string') list.push({ where, line });
  };
  for (const file of readdirSync(KERNEL_DIR).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(KERNEL_DIR, file), 'utf8')) as KernelFile;
    for (const step of doc.steps) {
      const where = `${file} step ${step.index}`;
      add(statuses, where, step.status);
      add(tables, where, step.table);
      for (const [device, other] of Object.entries(step.other_devices ?? {})) {
        add(statuses, `${where} (${device})`, other.status);
        add(tables, `${where} (${device})`, other.table);
      }
    }
    for (const run of doc.repeat_runs ?? []) {
      for (const [index, , status] of run.steps)
        add(statuses, `${file} run ${run.run} step ${index}`, status);
    }
  }
  const conformance = join(KERNEL_DIR, 'conformance');
  for (const file of readdirSync(conformance).filter((f) => f.endsWith('.expected.json'))) {
    const doc = JSON.parse(readFileSync(join(conformance, file), 'utf8')) as ExpectedFile;
    add(statuses, `${file} initial`, doc.recorded.initial.status);
    for (const step of doc.steps) {
      add(statuses, `${file} step ${step.index}`, step.status);
      for (const other of step.other_runs ?? [])
        add(statuses, `${file} step ${step.index} (other run)`, other.status);
    }
  }
  return { statuses, tables };
}

const { statuses, tables } = recordedLines();

// ---------------------------------------------------------------------------------------------------------
// Helpers: back to text with the model's formatters

/** The model's SnapshotStatus for a parsed state; the model has no Merge failed, Unknown or old two-field form. */
function modelStatus(state: ParsedSnapshotState): SnapshotStatus {
  if (state.state === 'Invalid' || state.state === 'Overflow') return { state: state.state };
  if (state.state === 'Valid' && state.metadataSectors !== null) {
    const { sectorsAllocated, totalSectors, metadataSectors } = state;
    return { state: 'Valid', sectorsAllocated, totalSectors, metadataSectors };
  }
  throw new Error(`the model cannot print ${JSON.stringify(state)}`);
}

function formatStatus(parsed: StatusLine): string {
  const params = parsed.snapshot ? snapshotStatusParams(modelStatus(parsed.snapshot)) : parsed.params;
  return formatDmLine({ ...parsed, params });
}

function formatTable(parsed: TableLine): string {
  const { snapshot } = parsed;
  const params = snapshot
    ? [snapshot.origin, snapshot.cow, snapshot.storeAsWritten, snapshot.chunkSectors].join(' ')
    : (parsed.originDevice ?? parsed.params);
  return formatDmLine({ ...parsed, params });
}

function deviceNumber(text: string) {
  const [major, minor] = text.split(':').map(Number);
  return { major: major!, minor: minor! };
}

/** A model target with the parsed table's devices, store and chunk size: what snapshotTableLine prints for it. */
function modelTableLine(parsed: TableLine): string {
  const { snapshot } = parsed;
  const created = SnapshotTarget.create({
    origin: new OriginDevice(parsed.length, deviceNumber(snapshot!.origin)),
    cow: new CowDevice(2 * snapshot!.chunkSectors, deviceNumber(snapshot!.cow)),
    store: snapshot!.storeAsWritten,
    chunkSectors: snapshot!.chunkSectors,
  });
  if (!created.ok) throw new Error(created.message);
  return snapshotTableLine(created.target);
}

/** The DmParseError a call throws; fails the test if it returns or throws anything else. */
function parseError(call: () => unknown): DmParseError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DmParseError);
    return error as DmParseError;
  }
  throw new Error('expected a DmParseError, but the line parsed');
}

// ---------------------------------------------------------------------------------------------------------

describe('every line the kernel printed', () => {
  it('the recordings hold hundreds of status and table lines of every kind', () => {
    expect(statuses.length).toBeGreaterThan(1000);
    expect(tables.length).toBeGreaterThan(300);
    const kinds = new Set(
      statuses.map(({ line }) => parseStatusLine(line)).map((p) => p.snapshot?.state ?? p.target),
    );
    expect([...kinds].sort()).toEqual(['Invalid', 'Overflow', 'Valid', 'snapshot-origin']);
    expect(statuses.some(({ line }) => line.startsWith('0 32768 snapshot-merge '))).toBe(true);
    expect(tables.some(({ line }) => / snapshot 7:0 7:1 N 8$/.test(line))).toBe(true);
  });

  it('every status line parses and prints back byte for byte with formatDmLine and snapshotStatusParams', () => {
    for (const { where, line } of statuses) {
      expect(formatStatus(parseStatusLine(line)), where).toBe(line);
    }
  });

  it('every table line parses and prints back byte for byte', () => {
    for (const { where, line } of tables) {
      expect(formatTable(parseTableLine(line)), where).toBe(line);
    }
  });

  it('snapshot table lines are what the model prints for a target with the same devices, store and chunk', () => {
    let checked = 0;
    for (const { where, line } of tables) {
      const parsed = parseTableLine(line);
      if (parsed.target !== 'snapshot') continue;
      expect(modelTableLine(parsed), where).toBe(line);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("snapshot-origin's status keeps its trailing space, and its lines are the model's origin lines", () => {
    const origin = statuses.filter(({ line }) => parseStatusLine(line).target === 'snapshot-origin');
    expect(origin.length).toBeGreaterThan(5);
    for (const { where, line } of origin) {
      expect(line, where).toBe('0 32768 snapshot-origin ');
      const parsed = parseStatusLine(line);
      expect(parsed).toEqual({ start: 0, length: 32768, target: 'snapshot-origin', params: '' });
      expect(originStatusLine(parsed.length)).toBe(line);
    }
    const table = parseTableLine('0 32768 snapshot-origin 7:0');
    expect(table.originDevice).toBe('7:0');
    expect(originTableLine(table.length, deviceNumber(table.originDevice!))).toBe(
      '0 32768 snapshot-origin 7:0',
    );
  });

  it('reads the numbers of a recorded status', () => {
    expect(parseStatusLine('0 262144 snapshot 30856/65536 136')).toEqual({
      start: 0,
      length: 262144,
      target: 'snapshot',
      params: '30856/65536 136',
      snapshot: { state: 'Valid', sectorsAllocated: 30856, totalSectors: 65536, metadataSectors: 136 },
    });
    expect(parseStatusLine('0 32768 snapshot-merge 16/16384 16').snapshot).toEqual({
      state: 'Valid',
      sectorsAllocated: 16,
      totalSectors: 16384,
      metadataSectors: 16,
    });
  });
});

describe('listings and spellings from the field', () => {
  it('reads a multi-device `dmsetup status` listing with name prefixes, CRLF endings and blank lines', () => {
    const listing = [
      'live-base: 0 13635584 linear ',
      'live-osimg-min: 0 13635584 snapshot 2464/2464 24',
      'live-rw: 0 13635584 snapshot Overflow',
      '',
      'cellar: 0 32768 snapshot-origin ',
    ].join('\r\n');
    const parsed = parseListing(listing, parseStatusLine);
    expect(parsed.map((p) => [p.name, p.target, p.snapshot?.state])).toEqual([
      ['live-base', 'linear', undefined],
      ['live-osimg-min', 'snapshot', 'Valid'],
      ['live-rw', 'snapshot', 'Overflow'],
      ['cellar', 'snapshot-origin', undefined],
    ]);
    expect(parsed.map(formatStatus)).toEqual(listing.split('\r\n').filter(Boolean));
  });

  it('reads a multi-device `dmsetup table` listing', () => {
    const listing = 'live-base: 0 13635584 linear 7:2 0\nlive-rw: 0 13635584 snapshot 7:3 253:1 P 8\n';
    const [base, rw] = parseListing(listing, parseTableLine);
    expect(base).toEqual({
      name: 'live-base',
      start: 0,
      length: 13635584,
      target: 'linear',
      params: '7:2 0',
    });
    expect(rw!.snapshot).toEqual({
      origin: '7:3',
      cow: '253:1',
      store: 'P',
      storeAsWritten: 'P',
      chunkSectors: 8,
    });
    expect(formatTable(rw!)).toBe('live-rw: 0 13635584 snapshot 7:3 253:1 P 8');
  });

  it('"No devices found" and empty output are empty listings', () => {
    expect(parseListing('No devices found\n', parseStatusLine)).toEqual([]);
    expect(parseListing('', parseTableLine)).toEqual([]);
    expect(parseListing('\n\n', parseStatusLine)).toEqual([]);
  });

  it("2012 dracut's lower-case `p 8` is the persistent store P, kept as written", () => {
    const parsed = parseTableLine('0 8388608 snapshot 7:3 7:4 p 8');
    expect(parsed.snapshot).toMatchObject({ store: 'P', storeAsWritten: 'p', chunkSectors: 8 });
    expect(formatTable(parsed)).toBe('0 8388608 snapshot 7:3 7:4 p 8');
    expect(parseTableLine('0 8 snapshot 7:3 7:4 po 8').snapshot?.store).toBe('PO');
    expect(parseTableLine('0 8 snapshot 7:3 7:4 NO 8').snapshot?.store).toBe('N');
  });

  it('the two-field status of kernels before 2.6.33 has no metadata figure', () => {
    expect(parseStatusLine('0 13635584 snapshot 96/2464').snapshot).toEqual({
      state: 'Valid',
      sectorsAllocated: 96,
      totalSectors: 2464,
      metadataSectors: null,
    });
  });

  it('the merge states of snapshot-merge are states, not errors', () => {
    expect(parseStatusLine('0 32768 snapshot-merge Merge failed').snapshot).toEqual({
      state: 'Merge failed',
    });
    expect(parseSnapshotState('Unknown')).toEqual({ state: 'Unknown' });
  });
});

describe('lines that cannot be read', () => {
  const HEAD =
    'expected "[name: ]<start> <length> <target> <parameters>", like "0 13635584 snapshot 96/2464 16"';
  const USAGE = 'expected a snapshot status "<allocated>/<total> <metadata>", "Invalid" or "Overflow"';
  const TABLE =
    'expected "snapshot <origin> <cow> <P|PO|N> <chunk size, a power of two>", like "snapshot 7:0 7:1 PO 8"';

  const cases: [what: string, call: () => unknown, message: string][] = [
    ['garbage', () => parseStatusLine('hello'), `line 1: ${HEAD}; found "hello"`],
    ['a blank line', () => parseStatusLine('   '), `line 1: ${HEAD}; found "   "`],
    [
      'a letter in the usage',
      () => parseStatusLine('0 100 snapshot 5/x 8'),
      `line 1: ${USAGE}; found "5/x 8"`,
    ],
    ['no status at all', () => parseStatusLine('0 100 snapshot'), `line 1: ${USAGE}; found ""`],
    [
      'more allocated than there is',
      () => parseStatusLine('0 100 snapshot 200/100 16', 7),
      'line 7: expected allocated sectors ≤ total sectors; found 200 allocated out of only 100',
    ],
    [
      'a number beyond 2^53',
      () => parseStatusLine('0 99999999999999999999 snapshot Invalid', 3),
      'line 3: length 99999999999999999999 is too large',
    ],
    [
      'a table with 3 parameters',
      () => parseTableLine('0 100 snapshot 7:0 7:1 P'),
      `line 1: ${TABLE}; found "7:0 7:1 P"`,
    ],
    [
      'an unknown store type',
      () => parseTableLine('0 100 snapshot 7:0 7:1 X 8'),
      `line 1: ${TABLE}; found "7:0 7:1 X 8"`,
    ],
    [
      'an origin with two devices',
      () => parseTableLine('0 100 snapshot-origin 7:0 7:1'),
      'line 1: expected "snapshot-origin <origin device>"',
    ],
  ];
  for (const [what, call, message] of cases) {
    it(`${what}: "${message.slice(0, 60)}…"`, () => {
      expect(parseError(call).message).toBe(message);
    });
  }

  it('a bad line in a listing is named by its line number', () => {
    const error = parseError(() =>
      parseListing('live-base: 0 1 linear \nlive-rw: 0 13635584 snapshot 96/2464/16\n', parseStatusLine),
    );
    expect(error.lineNumber).toBe(2);
    expect(error.message).toBe(`line 2: ${USAGE}; found "96/2464/16"`);
  });

  // A chunk size beyond 2^53 would be an inexact value (1e20 here); like every number of a status line it
  // is refused, not rounded.
  it('a chunk size beyond 2^53 in a table line is refused like the numbers of a status', () => {
    parseError(() => parseTableLine('0 100 snapshot 7:0 7:1 P 99999999999999999999'));
  });

  it('a chunk size of 3·2³² sectors is not taken for a power of two', () => {
    parseError(() => parseTableLine('0 100 snapshot 7:0 7:1 P 12884901888'));
  });

  it('quotes at most 80 characters of a long bad line', () => {
    const error = parseError(() => parseStatusLine('x'.repeat(500)));
    expect(error.message).toBe(`line 1: ${HEAD}; found "${'x'.repeat(80)}"`);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

/** Calls a parser; true if it returned, false if it threw a DmParseError; rethrows anything else. */
function onlyDmParseError(call: () => unknown): boolean {
  try {
    call();
    return true;
  } catch (error) {
    if (error instanceof DmParseError && /^line \d+: /.test(error.message)) return false;
    throw error;
  }
}

function everyParser(text: string): void {
  onlyDmParseError(() => parseStatusLine(text));
  onlyDmParseError(() => parseTableLine(text));
  onlyDmParseError(() => parseSnapshotState(text));
  onlyDmParseError(() => parseListing(text, parseStatusLine));
  onlyDmParseError(() => parseListing(text, parseTableLine));
}

const realLines = [...statuses, ...tables].map(({ line }) => line);
const distinctLines = [...new Set(realLines)];

/** One edit of a real line: the kinds of damage a copy-paste or a wrong kernel could do. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(' ', '/', ':', '-', '\n', '\r', '\t', '\u2028', '0', 'P', 'O', 'Invalid', ': '),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    digits: fc.oneof(
      fc.constantFrom('9007199254740993', '1e309', '-1', '0x10'),
      fc.stringMatching(/^\d{15,400}$/),
    ),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(line: string, e: Edit): string {
  const at = line.length === 0 ? 0 : e.at % (line.length + 1);
  switch (e.kind) {
    case 'truncate':
      return line.slice(0, at);
    case 'delete':
      return line.slice(0, at) + line.slice(at + 1);
    case 'insert':
      return line.slice(0, at) + e.text + line.slice(at);
    case 'huge': {
      // Replace the at-th number of the line.
      const numbers = [...line.matchAll(/\d+/g)];
      if (numbers.length === 0) return line;
      const n = numbers[e.at % numbers.length]!;
      return line.slice(0, n.index) + e.digits + line.slice(n.index! + n[0].length);
    }
  }
}

const mutatedLine = fc
  .tuple(fc.constantFrom(...distinctLines), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([line, edits]) => edits.reduce(applyEdit, line));

describe('whatever the input, only DmParseError', () => {
  it('fc.string() (ASCII graphemes): 5,000 runs', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), everyParser), { numRuns: 5000 });
  });

  it('full Unicode: graphemes and any code point, 5,000 runs', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme-composite', maxLength: 60 }),
    );
    fc.assert(fc.property(text, everyParser), { numRuns: 5000 });
  });

  it('strings made of the characters dmsetup lines are made of: 3,000 runs', () => {
    const pieces = fc.constantFrom(
      '0',
      '1',
      '8',
      '9',
      ' ',
      '/',
      ':',
      ': ',
      'snapshot',
      'snapshot-origin',
      'P',
      'PO',
    );
    const text = fc.array(pieces, { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(fc.property(text, everyParser), { numRuns: 3000 });
  });

  it('real lines cut short, with characters inserted or deleted, and numbers made huge: 8,000 runs', () => {
    let parsed = 0;
    fc.assert(
      fc.property(mutatedLine, (line) => {
        if (onlyDmParseError(() => parseStatusLine(line))) parsed++;
        onlyDmParseError(() => parseTableLine(line));
        onlyDmParseError(() => parseListing(line, parseStatusLine));
      }),
      { numRuns: 8000 },
    );
    // The mutations are mild enough that some lines still parse: the property is not vacuous.
    expect(parsed).toBeGreaterThan(100);
  });

  it('a mutated line that still parses as a snapshot status never says more is allocated than there is', () => {
    fc.assert(
      fc.property(mutatedLine, (line) => {
        let parsed: StatusLine;
        try {
          parsed = parseStatusLine(line);
        } catch {
          return;
        }
        const state = parsed.snapshot;
        if (state?.state === 'Valid') {
          expect(Number.isSafeInteger(state.sectorsAllocated)).toBe(true);
          expect(state.sectorsAllocated).toBeLessThanOrEqual(state.totalSectors);
        }
        expect(Number.isSafeInteger(parsed.start) && Number.isSafeInteger(parsed.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('format → parse → format is the identity', () => {
  const name = fc.option(fc.stringMatching(/^[A-Za-z0-9_+.-]{1,24}$/), { nil: undefined });
  const sectors = fc.maxSafeNat();
  const status: fc.Arbitrary<SnapshotStatus> = fc.oneof(
    fc.constant({ state: 'Invalid' as const }),
    fc.constant({ state: 'Overflow' as const }),
    fc.tuple(sectors, sectors, sectors).map(([a, b, metadataSectors]) => ({
      state: 'Valid' as const,
      sectorsAllocated: Math.min(a, b),
      totalSectors: Math.max(a, b),
      metadataSectors,
    })),
  );
  const target = fc.constantFrom('snapshot', 'snapshot-merge');
  const device = fc.tuple(fc.nat(4095), fc.nat(1 << 20)).map(([major, minor]) => `${major}:${minor}`);

  it('for snapshot statuses with allocated ≤ total: 1,000 runs', () => {
    fc.assert(
      fc.property(name, sectors, sectors, target, status, (name, start, length, target, status) => {
        const line = formatDmLine({ name, start, length, target, params: snapshotStatusParams(status) });
        const parsed = parseStatusLine(line);
        expect(parsed.snapshot).toEqual(status);
        expect(parsed.name).toBe(name);
        expect(formatStatus(parsed)).toBe(line);
      }),
      { numRuns: 1000 },
    );
  });

  it('for snapshot tables: 1,000 runs', () => {
    const store = fc.constantFrom('P', 'PO', 'N', 'NO', 'p');
    const chunk = fc.integer({ min: 0, max: 20 }).map((k) => 2 ** k);
    fc.assert(
      fc.property(
        name,
        sectors,
        sectors,
        target,
        device,
        device,
        store,
        chunk,
        (name, start, length, target, origin, cow, store, chunk) => {
          const line = formatDmLine({
            name,
            start,
            length,
            target,
            params: `${origin} ${cow} ${store} ${chunk}`,
          });
          const parsed = parseTableLine(line);
          expect(parsed.snapshot).toMatchObject({ origin, cow, storeAsWritten: store, chunkSectors: chunk });
          expect(formatTable(parsed)).toBe(line);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
