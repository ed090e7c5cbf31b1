// The `cellar` command as a user runs it: replay answers the kernel's conformance set, status-of prints the
// kernel's status line for rebuilt overlay files, and every mistake gets its exit code (2 usage, 1 unusable
// input) and one `cellar: …` line, never a stack trace. Each case runs in-process through main(); a
// representative subset also runs the real binary (node bin/cellar.mjs, and npx cellar).

import { spawn } from 'node:child_process';
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { areaLocation, exceptionsPerArea } from '../../src/model/dm/diskFormat';
import { buildCowFile } from '../helpers/cowBuilder';
import { cumulativeRuns, KERNEL_DIR, loadGolden, type GoldenStep } from '../helpers/golden';

const REPO = join(import.meta.dirname, '../..');
const CONFORMANCE = join(KERNEL_DIR, 'conformance');
const TMP = mkdtempSync(join(tmpdir(), 'cellar-cli-test-'));
const STACK_FRAME = /^\s+at /m;

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------------------
// Running the CLI

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** main() in this process, with stdout and stderr captured. */
async function inProcess(args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const capture = (sink: (text: string) => void) => (chunk: string | Uint8Array) => {
    sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((t) => (stdout += t)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((t) => (stderr += t)));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A real process: `node bin/cellar.mjs …`, `npx cellar …` or a shell line, from the repository root. */
function spawned(command: string, args: string[], cwd = REPO): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const node = (args: string[]) => spawned(process.execPath, ['bin/cellar.mjs', ...args]);

/** Runs jobs at most `limit` at a time (each process costs ~300 ms of CPU for tsx). */
function pool(limit: number) {
  const waiting: (() => void)[] = [];
  let running = 0;
  return <T>(job: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        running++;
        job()
          .then(resolve, reject)
          .finally(() => {
            running--;
            waiting.shift()?.();
          });
      };
      if (running < limit) start();
      else waiting.push(start);
    });
}

// ---------------------------------------------------------------------------------------------------------
// Files

const path = (name: string) => join(TMP, name);

function writeScenario(name: string, doc: unknown): string {
  writeFileSync(path(name), typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path(name);
}

const base = {
  schema: 'cellar-scenario/v1',
  name: 'bad',
  origin_sectors: 65536,
  cow_sectors: 4096,
  store: 'P',
};

/** Only the header and the metadata areas of a rebuilt overlay are written: the data chunks are holes. */
function writeSparse(file: string, dense: Uint8Array, step: GoldenStep): void {
  const chunkBytes = step.chunk_sectors * 512;
  const epa = exceptionsPerArea(step.chunk_sectors);
  const fd = openSync(file, 'w');
  try {
    ftruncateSync(fd, dense.length);
    writeSync(fd, dense, 0, 16, 0);
    const areas = Math.floor(step.exceptions!.count / epa) + 1;
    for (let a = 0; a < areas; a++) {
      const at = areaLocation(a, epa) * chunkBytes;
      writeSync(fd, dense, at, chunkBytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

interface RebuiltCase {
  name: string;
  file: string;
  originSectors: number;
  status: string;
  sparse?: boolean;
}

function rebuild(recording: string, pick: (s: GoldenStep) => boolean, sparse = false): RebuiltCase[] {
  const golden = loadGolden(recording);
  const tables = cumulativeRuns(golden);
  return golden.steps
    .filter((s) => s.status !== null && s.status_parsed!.state !== 'Overflow' && pick(s))
    .map((step) => {
      const file = path(`${recording}-${step.index}${sparse ? '-sparse' : ''}.cow`);
      const dense = buildCowFile(
        step.cow_header_hex16,
        tables.get(step.index)!,
        step.chunk_sectors,
        step.cow_file_bytes,
      );
      if (sparse) writeSparse(file, dense, step);
      else writeFileSync(file, dense);
      return {
        name: `${recording} step ${step.index} (${step.name})`,
        file,
        originSectors: step.status_parsed!.length,
        status: step.status!,
        sparse,
      };
    });
}

// ---------------------------------------------------------------------------------------------------------
// The cases: arguments, files, and the exact answer

interface Case {
  what: string;
  args: string[];
  code: number;
  /** Exact stdout, or a check of it. */
  stdout?: string | ((stdout: string) => void);
  /** Exact stderr (empty when omitted). */
  stderr?: string;
  /** Also run the real binary. */
  spawn?: boolean;
}

const USAGE_START = 'Usage:\n  cellar replay [--exceptions] SCENARIO.json\n';
const usage = (stdout: string) => {
  expect(stdout.startsWith(USAGE_START)).toBe(true);
  expect(stdout).toContain('  cellar status-of OVERLAY_FILE --origin-sectors N [--chunk-sectors N]\n');
  expect(stdout.endsWith('  cellar help\n')).toBe(true);
};

const malformed = '{"schema": "cellar-scenario/v1", "name": ';
const malformedMessage = (() => {
  try {
    JSON.parse(malformed);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('unreachable');
})();

const files = {
  pastEnd: writeScenario('past-end.json', {
    ...base,
    chunk_sectors: 8,
    steps: [
      { op: 'write', offset_sectors: 0, sectors: 8 },
      { op: 'reload' },
      { op: 'write', offset_sectors: 65530, sectors: 16 },
    ],
  }),
  unknownOp: writeScenario('unknown-op.json', {
    ...base,
    chunk_sectors: 8,
    steps: [
      { op: 'write', offset_sectors: 0, sectors: 8 },
      { op: 'trim', offset_sectors: 0, sectors: 8 },
    ],
  }),
  zeroSectors: writeScenario('zero-sectors.json', {
    ...base,
    chunk_sectors: 8,
    steps: [
      { op: 'reload' },
      { op: 'reload' },
      { op: 'read', offset_sectors: 0, sectors: 1 },
      { op: 'extend_cow', sectors: 0 },
    ],
  }),
  chunk12: writeScenario('chunk-12.json', { ...base, chunk_sectors: 12, steps: [] }),
  wrongSchema: writeScenario('wrong-schema.json', {
    ...base,
    schema: 'cellar-scenario/v2',
    chunk_sectors: 8,
    steps: [],
  }),
  array: writeScenario('array.json', '[]'),
  malformed: writeScenario('malformed.json', malformed),
  squashfs: (() => {
    const bytes = new Uint8Array(1 << 20);
    bytes.set(new TextEncoder().encode('hsqs'));
    writeFileSync(path('squashfs.img'), bytes);
    return path('squashfs.img');
  })(),
  tiny: writeScenario('tiny.cow', 'SnAp\x01'),
  blank: (() => {
    writeFileSync(path('blank.cow'), new Uint8Array(16 << 20));
    return path('blank.cow');
  })(),
  truncated: (() => {
    const golden = loadGolden('b_overflow_P');
    const step = golden.steps.find((s) => s.name === 'write_keep4M')!;
    const full = buildCowFile(
      step.cow_header_hex16,
      cumulativeRuns(golden).get(step.index)!,
      8,
      step.cow_file_bytes,
    );
    writeFileSync(path('truncated.cow'), full.subarray(0, 1 << 20));
    return path('truncated.cow');
  })(),
  folder: (() => {
    mkdirSync(path('a-folder'));
    return path('a-folder');
  })(),
};

const rebuilt: RebuiltCase[] = [
  ...rebuild('d_full', () => true),
  ...rebuild('b_overflow_P', (s) => ['write_keep4M', 'overflow_write', 'recreated'].includes(s.name)),
  ...rebuild('b_overflow_PO', (s) => s.name === 'recreated'),
  ...rebuild('c_P_128', (s) => s.index === 14),
  ...rebuild('f_liveos_4k', (s) => s.index === 67, true),
];
const SPAWNED_REBUILT = new Set([
  'd_full step 35 (P_2468_exactly_full)',
  'b_overflow_P step 5 (overflow_write)',
]);

const conformanceNames = readdirSync(CONFORMANCE)
  .filter((f) => f.endsWith('.scenario.json'))
  .map((f) => f.replace('.scenario.json', ''));

const scenarioPath = (name: string) => join(CONFORMANCE, `${name}.scenario.json`);

const cases: Case[] = [
  { what: 'no command prints the usage', args: [], code: 0, stdout: usage, spawn: true },
  { what: 'help prints the usage', args: ['help'], code: 0, stdout: usage },
  { what: '--help prints the usage', args: ['--help'], code: 0, stdout: usage },
  {
    what: 'an unknown command',
    args: ['frobnicate'],
    code: 2,
    stderr: 'cellar: unknown command "frobnicate" (try: cellar help)\n',
    spawn: true,
  },
  {
    what: 'an unknown flag',
    args: ['replay', '--bogus', files.pastEnd],
    code: 2,
    stderr: "cellar: Unknown option '--bogus'\n",
    spawn: true,
  },
  {
    what: 'a flag of the other command',
    args: ['status-of', '--exceptions', files.blank, '--origin-sectors', '8'],
    code: 2,
    stderr: "cellar: Unknown option '--exceptions'\n",
  },
  {
    what: 'a missing SCENARIO',
    args: ['replay'],
    code: 2,
    stderr: 'cellar: missing SCENARIO.json (usage: cellar replay …; see cellar help)\n',
  },
  {
    what: 'one argument too many',
    args: ['replay', files.pastEnd, 'extra'],
    code: 2,
    stderr: 'cellar: unexpected argument "extra"\n',
  },
  {
    what: 'a scenario file that does not exist',
    args: ['replay', path('nope.json')],
    code: 1,
    stderr: `cellar: ${path('nope.json')}: no such file\n`,
    spawn: true,
  },
  {
    what: 'a folder instead of a scenario',
    args: ['replay', files.folder],
    code: 1,
    stderr: `cellar: ${files.folder}: is a folder, not a file\n`,
  },
  {
    what: 'malformed JSON',
    args: ['replay', files.malformed],
    code: 1,
    stderr: `cellar: ${files.malformed} is not valid JSON: ${malformedMessage}\n`,
  },
  {
    what: 'a write past the end of the origin at step 2',
    args: ['replay', files.pastEnd],
    code: 1,
    stderr: `cellar: ${files.pastEnd}: step 2: write of sectors 65530–65545 goes past the end of the 65536-sector device\n`,
    spawn: true,
  },
  {
    what: 'an unknown op at step 1',
    args: ['replay', '--exceptions', files.unknownOp],
    code: 1,
    stderr: `cellar: ${files.unknownOp}: step 1: unknown op "trim" (expected write, read, reload, set_valid or extend_cow)\n`,
  },
  {
    what: 'extend_cow by 0 sectors at step 3',
    args: ['replay', files.zeroSectors],
    code: 1,
    stderr: `cellar: ${files.zeroSectors}: step 3: "sectors" must be at least 1\n`,
  },
  {
    what: 'chunk_sectors 12',
    args: ['replay', files.chunk12],
    code: 1,
    stderr: `cellar: ${files.chunk12}: scenario: "chunk_sectors" must be a power of two\n`,
  },
  {
    what: 'another schema',
    args: ['replay', files.wrongSchema],
    code: 1,
    stderr: `cellar: ${files.wrongSchema}: "schema" must be "cellar-scenario/v1" (found "cellar-scenario/v2")\n`,
  },
  {
    what: 'a JSON array',
    args: ['replay', files.array],
    code: 1,
    stderr: `cellar: ${files.array}: the scenario must be a JSON object\n`,
  },
  {
    what: 'status-of without --origin-sectors',
    args: ['status-of', files.blank],
    code: 2,
    stderr: 'cellar: missing --origin-sectors N\n',
  },
  {
    what: '--origin-sectors abc',
    args: ['status-of', files.blank, '--origin-sectors', 'abc'],
    code: 2,
    stderr: 'cellar: --origin-sectors takes a whole number of sectors, not "abc"\n',
    spawn: true,
  },
  {
    what: '--origin-sectors 0',
    args: ['status-of', files.blank, '--origin-sectors', '0'],
    code: 2,
    stderr: 'cellar: --origin-sectors takes a whole number of sectors, not "0"\n',
  },
  {
    what: '--chunk-sectors 1.5',
    args: ['status-of', files.blank, '--origin-sectors', '8', '--chunk-sectors', '1.5'],
    code: 2,
    stderr: 'cellar: --chunk-sectors takes a whole number of sectors, not "1.5"\n',
  },
  {
    what: '--origin-sectors without its value',
    args: ['status-of', files.blank, '--origin-sectors'],
    code: 2,
    stderr: "cellar: Option '--origin-sectors <value>' argument missing\n",
  },
  {
    what: 'status-of a file that does not exist',
    args: ['status-of', path('nope.cow'), '--origin-sectors', '8'],
    code: 1,
    stderr: `cellar: ${path('nope.cow')}: no such file\n`,
  },
  {
    what: 'status-of a folder',
    args: ['status-of', files.folder, '--origin-sectors', '8'],
    code: 1,
    stderr: `cellar: ${files.folder}: is a folder, not a file\n`,
  },
  {
    what: 'status-of a file that is not an overlay',
    args: ['status-of', files.squashfs, '--origin-sectors', '8'],
    code: 1,
    stderr: `cellar: ${files.squashfs}: not a usable overlay: Invalid or corrupt snapshot (the first bytes are 68737173, not "SnAp")\n`,
    spawn: true,
  },
  {
    what: 'status-of an overlay cut short',
    args: ['status-of', files.truncated, '--origin-sectors', '262144'],
    code: 1,
    stderr: `cellar: ${files.truncated}: the file ends before metadata area 1 (chunk 258): it was cut short\n`,
    spawn: true,
  },
  {
    what: 'status-of a 5-byte file',
    args: ['status-of', files.tiny, '--origin-sectors', '8'],
    code: 1,
    stderr: `cellar: ${files.tiny}: the file is only 5 bytes: too short for a header\n`,
  },
  {
    what: 'status-of a blank overlay: a new store',
    args: ['status-of', files.blank, '--origin-sectors', '262144'],
    code: 0,
    stdout: '0 262144 snapshot 16/32768 16\n',
  },
  {
    what: 'status-of a blank overlay with --chunk-sectors 16',
    args: ['status-of', files.blank, '--origin-sectors=262144', '--chunk-sectors', '16'],
    code: 0,
    stdout: '0 262144 snapshot 32/32768 32\n',
  },
  ...rebuilt.map((r): Case => ({
    what: `status-of ${r.sparse ? 'a sparse' : 'a'} rebuilt ${r.name} prints "${r.status}"`,
    args: ['status-of', r.file, '--origin-sectors', String(r.originSectors)],
    code: 0,
    stdout: `${r.status}\n`,
    spawn: r.sparse || SPAWNED_REBUILT.has(r.name),
  })),
];

// ---------------------------------------------------------------------------------------------------------

describe('the cases cover what the contract names', () => {
  it('an invalidated overlay, a sparse one, and every exit code', () => {
    expect(rebuilt.some((r) => r.status.endsWith(' snapshot Invalid'))).toBe(true);
    expect(rebuilt.filter((r) => r.sparse)).toHaveLength(1);
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set([0, 1, 2]));
    expect(rebuilt.length).toBeGreaterThan(30);
  });

  it('the sparse overlay is sparse: 64 MiB long, a few KiB on disk', () => {
    const sparse = rebuilt.find((r) => r.sparse)!;
    const { size, blocks } = statSync(sparse.file);
    expect(size).toBe(64 << 20);
    expect(blocks * 512).toBeLessThan(1 << 20);
  });
});

describe('cellar, in-process through main()', () => {
  for (const c of cases) {
    it(`${c.what}: exit ${c.code}`, async () => {
      const outcome = await inProcess(c.args);
      expect(outcome.stderr).toBe(c.stderr ?? '');
      if (typeof c.stdout === 'function') c.stdout(outcome.stdout);
      else expect(outcome.stdout).toBe(c.stdout ?? '');
      expect(outcome.code).toBe(c.code);
    });
  }
});

describe('cellar, the real binary', { timeout: 60_000 }, () => {
  const results = new Map<Case, Promise<Outcome>>();
  let conformance: Promise<Outcome>;
  let conformanceTable: Promise<Outcome>;
  let npxRoot: Promise<Outcome>;
  let npxInstalled: Promise<Outcome>;
  let installedDir: string;

  beforeAll(() => {
    // A project that has installed cellar: node_modules/cellar and the bin link npm makes for it.
    installedDir = path('project');
    mkdirSync(join(installedDir, 'node_modules/.bin'), { recursive: true });
    writeFileSync(join(installedDir, 'package.json'), '{"name": "uses-cellar", "private": true}');
    symlinkSync(REPO, join(installedDir, 'node_modules/cellar'));
    symlinkSync('../cellar/bin/cellar.mjs', join(installedDir, 'node_modules/.bin/cellar'));

    const run = pool(2);
    for (const c of cases.filter((c) => c.spawn))
      results.set(
        c,
        run(() => node(c.args)),
      );
    conformance = run(() => node(['replay', scenarioPath('10-fill-PO-c8')]));
    conformanceTable = run(() => node(['replay', '--exceptions', scenarioPath('17-multiovf-P-c8')]));
    npxRoot = run(() => spawned('npx', ['--no', 'cellar', 'replay', scenarioPath('03-mixed-N-c32')]));
    const sparse = rebuilt.find((r) => r.sparse)!;
    npxInstalled = run(() =>
      spawned(
        'npx',
        ['--no', 'cellar', 'status-of', sparse.file, '--origin-sectors', String(sparse.originSectors)],
        installedDir,
      ),
    );
  });

  for (const c of cases.filter((c) => c.spawn)) {
    it(`${c.what}: exit ${c.code}, the same output as in-process`, async () => {
      const outcome = await results.get(c)!;
      expect(outcome.stderr).not.toMatch(STACK_FRAME);
      expect(outcome.stderr).toBe(c.stderr ?? '');
      if (typeof c.stdout === 'function') c.stdout(outcome.stdout);
      else expect(outcome.stdout).toBe(c.stdout ?? '');
      expect(outcome.code).toBe(c.code);
      expect(outcome).toEqual(await inProcess(c.args));
    });
  }

  it('replay prints the kernel answers of a conformance scenario (10-fill-PO-c8)', async () => {
    const outcome = await conformance;
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expectKernelAnswers('10-fill-PO-c8', outcome.stdout, false);
  });

  it('replay --exceptions adds the tables (17-multiovf-P-c8)', async () => {
    const outcome = await conformanceTable;
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expectKernelAnswers('17-multiovf-P-c8', outcome.stdout, true);
  });

  it('npx cellar runs the package bin from the repository', async () => {
    const outcome = await npxRoot;
    expect(outcome.stderr).not.toMatch(STACK_FRAME);
    expect(outcome.code).toBe(0);
    expectKernelAnswers('03-mixed-N-c32', outcome.stdout, false);
  });

  it('npx cellar runs the bin of an installed package (node_modules/.bin/cellar)', async () => {
    const outcome = await npxInstalled;
    expect(outcome.stderr).not.toMatch(STACK_FRAME);
    expect(outcome).toEqual({ code: 0, stdout: `${rebuilt.find((r) => r.sparse)!.status}\n`, stderr: '' });
  });

  // When the reader of stdout goes away early (`cellar replay … | head`) the write fails with EPIPE; unhandled,
  // Node would print "Error: write EPIPE" with a stack trace — against the contract's "never a stack trace".
  // A CLI ends quietly there (exit 0, or 141 like SIGPIPE).
  it('`cellar replay … | head -c 100` ends quietly, without a stack trace', async () => {
    const scenario = scenarioPath('08-areas-P-c32-1areas');
    const outcome = await spawned('sh', [
      '-c',
      `"${process.execPath}" bin/cellar.mjs replay --exceptions "${scenario}" | head -c 100 >/dev/null`,
    ]);
    expect(outcome.stderr).not.toMatch(STACK_FRAME);
    expect(outcome.stderr).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Replay against the kernel's answers

interface ExpectedStep {
  index: number;
  op: string;
  ok: boolean;
  status: string | null;
  header_hex16?: string;
  exceptions: number | null;
  table?: [number, number][];
}

function judged(step: ExpectedStep, withTable: boolean) {
  const { index, op, ok, status, header_hex16, exceptions, table } = step;
  return { index, op, ok, status, header_hex16, exceptions, ...(withTable ? { table } : {}) };
}

/** The replay output is a cellar-replay/v1 document, one step per line, with the kernel's answers. */
function expectKernelAnswers(name: string, stdout: string, withTable: boolean): void {
  const expected = JSON.parse(readFileSync(join(CONFORMANCE, `${name}.expected.json`), 'utf8')) as {
    steps: ExpectedStep[];
  };
  const doc = JSON.parse(stdout) as { schema: string; name: string; steps: ExpectedStep[] };
  expect(doc.schema).toBe('cellar-replay/v1');
  expect(doc.name).toBe(name);
  expect(Object.keys(doc)).toEqual(['schema', 'name', 'steps']);
  expect(doc.steps.map((s) => judged(s, withTable))).toEqual(expected.steps.map((s) => judged(s, withTable)));
  for (const step of doc.steps) {
    expect('table' in step, `${name} step ${step.index}: table only with --exceptions`).toBe(
      withTable && 'header_hex16' in step,
    );
  }
  // The envelope on its own lines, then one line per step.
  const lines = stdout.split('\n');
  expect(lines).toHaveLength(doc.steps.length + 7);
  expect(lines.at(-1)).toBe('');
  doc.steps.forEach((step, i) => expect(JSON.parse(lines[4 + i]!.replace(/,$/, ''))).toEqual(step));
}

describe('replay of the whole conformance set, in-process', () => {
  it('has the twenty scenarios', () => {
    expect(conformanceNames).toHaveLength(20);
  });

  for (const name of conformanceNames) {
    it(`${name}: the kernel's ok, status, header and exceptions; with --exceptions, its tables`, async () => {
      const plain = await inProcess(['replay', scenarioPath(name)]);
      expect(plain.code).toBe(0);
      expect(plain.stderr).toBe('');
      expectKernelAnswers(name, plain.stdout, false);
      const withTable = await inProcess(['replay', '--exceptions', scenarioPath(name)]);
      expect(withTable.code).toBe(0);
      expectKernelAnswers(name, withTable.stdout, true);
    });
  }
});
