// Whatever a learner pastes, readPaste and readReport never throw, and every problem they give names a line
// inside the text (or none) and says something: 10⁵ cases in all, split across the kinds of input below.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { LINE_BREAK } from '../../src/real/paste/readLines';
import { readPaste } from '../../src/real/paste/readPaste';
import { readReport } from '../../src/real/readReport';
import type { RealStick } from '../../src/real/realStick';

const REAL_DIR = join(import.meta.dirname, '../fixtures/real');
const SAMPLES = readdirSync(REAL_DIR)
  .filter((name) => name !== 'README.md')
  .map((name) => readFileSync(join(REAL_DIR, name), 'utf8'));
const SAMPLE_LINES = [...new Set(SAMPLES.flatMap((text) => text.split(LINE_BREAK)))];
const REPORTS = readdirSync(REAL_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(REAL_DIR, name), 'utf8')) as Record<string, unknown>);

/** Problems a view can show: a line inside the text or none, and words to show. Plain checks, not
 * expect(): this runs for every problem of 10⁵ readings. */
function wellFormed(stick: RealStick, lineCount: number | null): boolean {
  return stick.problems.every(
    (problem) =>
      (problem.lineNumber === null ||
        (lineCount !== null &&
          Number.isInteger(problem.lineNumber) &&
          problem.lineNumber >= 1 &&
          problem.lineNumber <= lineCount)) &&
      typeof problem.detail === 'string' &&
      problem.detail.length > 0 &&
      (problem.line === null || problem.line.length <= 120),
  );
}

function pasteHolds(text: string): boolean {
  return wellFormed(readPaste(text), text.split(LINE_BREAK).length);
}

const HUGE_NUMBERS = [
  '99999999999999999999999',
  '9007199254740993',
  '18446744073709551615',
  '1e308',
  '-1',
  '0x10',
];
const FRAGMENTS = [
  '{',
  '}',
  '[',
  '"',
  '{"filesystems": [{"target": "/", "fstype": "overlay"',
  '{"format": "cellar-report/v1", "outputs": {"dmsetup status": {"ok": true, "stdout": "0 1 snapshot 9/8 8\\n"',
  '{"format": "cellar-report/v1"}',
  '$ ',
  '# sudo ls -l /run/initramfs/live/LiveOS/*',
  '[liveuser@localhost ~]$ sudo dmsetup table',
  'No devices found',
  'TARGET SOURCE FSTYPE OPTIONS',
  'NAME SIZELIMIT BACK-FILE',
  '├─',
  'é',
  '\u0000',
  '\u2028',
  '\r',
  '𝔰𝔫𝔞𝔭',
  '\uFFFF',
  '\uD800',
];

/** One edit of a text: cut, duplicate, a character changed, or something inserted. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), code: fc.nat({ max: 0xffff }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...HUGE_NUMBERS, ...FRAGMENTS),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, change: Edit): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at);
    case 'flip':
      return text.slice(0, at) + String.fromCharCode(change.code) + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
  }
}

const mutatedSample = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => edits.reduce(applyEdit, text));

const lineSoup = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(...SAMPLE_LINES, ...FRAGMENTS),
        fc.tuple(fc.constantFrom(...SAMPLE_LINES), edit).map(([line, change]) => applyEdit(line, change)),
      ),
      { maxLength: 30 },
    ),
    fc.constantFrom('\n', '\r\n', '\r', '\u2029'),
  )
  .map(([lines, ending]) => lines.join(ending));

/** A report with any of its fields swapped for any JSON value, at any depth of its outputs. */
const damagedReport = fc
  .tuple(
    fc.constantFrom(...REPORTS),
    fc.constantFrom('format', 'source', 'takenAt', 'outputs', 'liveOs', 'overlayHeader', 'root'),
    fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3 })),
    fc.constantFrom('dmsetup status', 'dmsetup table', 'losetup -a', 'findmnt -J', 'dmsetup ls'),
    fc.string({ unit: 'binary', maxLength: 200 }),
  )
  .map(([report, field, value, command, stdout]) => {
    const outputs = { ...(report.outputs as Record<string, unknown>), [command]: { ok: true, stdout } };
    return { ...report, outputs, [field]: value };
  });

// Tens of thousands of cases take seconds alone and several times that beside the rest of the suite on two
// CPUs: the guard against a hang is generous, and the bench (not this test) is where speed is judged.
const FUZZ_TIMEOUT_MS = 180_000;

describe('never a throw, every problem well formed', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('random text, ASCII and any code point: 20,000 cases', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme-composite', maxLength: 100 }),
    );
    fc.assert(fc.property(text, pasteHolds), { numRuns: 20000 });
  });

  it('real samples cut, duplicated, bytes changed, huge numbers, unicode and JSON inserted: 35,000 cases', () => {
    fc.assert(fc.property(mutatedSample, pasteHolds), { numRuns: 35000 });
  });

  it('lines of every format mixed, some mutated, with any line ending: 30,000 cases', () => {
    fc.assert(fc.property(lineSoup, pasteHolds), { numRuns: 30000 });
  });

  it('reports with any field damaged, read as JSON and pasted as text: 15,000 cases', () => {
    fc.assert(
      fc.property(damagedReport, (report) => {
        return wellFormed(readReport(report), null) && pasteHolds(JSON.stringify(report) ?? '');
      }),
      { numRuns: 15000 },
    );
  });
});
