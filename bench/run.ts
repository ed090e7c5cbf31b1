// `npm run bench`: speed and memory figures of the dm-snapshot model, each against its budget. Figures, not
// pass/fail tests: the last line is one JSON object of all figures, for tracking over time.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statusOfCommand } from '../src/cli/commands/statusOf';
import { QuietClock } from '../src/model/clock/QuietClock';
import { QUIET_WRITERS } from '../src/model/clock/quietWriters';
import { buildBaseImage } from '../src/model/fs/baseImage';
import { applyFileOp, type FileOp } from '../src/model/fs/fileOps';
import { SnapshotSink } from '../src/model/fs/SnapshotSink';
import type { FileScenario } from '../src/model/scenario/fileScenario';
import { OriginDevice } from '../src/model/block/BlockDevice';
import { CowDevice } from '../src/model/block/CowDevice';
import { exportOverlay } from '../src/model/dm/overlayFile';
import { SnapshotTarget } from '../src/model/dm/SnapshotTarget';
import { activityFigures } from './activityFigures';
import { browserStatusOf4GibMs } from './browserOverlayFigure';
import { NaiveSnapshot } from './naiveSnapshot';

const CHUNK = 8;
const GIB_SECTORS = 2 * 1024 * 1024;

function snapshot(originSectors: number, cowSectors: number, store = 'P'): SnapshotTarget {
  const made = SnapshotTarget.create({
    origin: new OriginDevice(originSectors),
    cow: new CowDevice(cowSectors),
    store,
    chunkSectors: CHUNK,
  });
  if (!made.ok) throw new Error(made.message);
  return made.target;
}

/** Runs before timing starts: the JIT needs about ten calls to optimise the write path. */
const WARM_UP_RUNS = 12;

/** The median of several timed runs after the warm-up, each on fresh state made by `setup`. */
function medianMs<T>(runs: number, setup: () => T, work: (state: T) => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs + WARM_UP_RUNS; i++) {
    const state = setup();
    gc(); // so that no collection of earlier garbage lands inside the timed work
    const start = performance.now();
    work(state);
    if (i >= WARM_UP_RUNS) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A deterministic pseudo-random sequence (mulberry32), so every run writes the same chunks. */
function randomChunks(count: number, chunks: number, seed = 42): Uint32Array {
  const out = new Uint32Array(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * chunks;
  }
  return out;
}

function writeRandom(target: SnapshotTarget, chunks: Uint32Array): void {
  for (const chunk of chunks) target.write(chunk * CHUNK, CHUNK);
}

/** Two full collections: the first leaves freed array buffers for the second to release. */
function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
}

function memoryBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function statusOfFullCow(): Promise<number> {
  // A completely full 4 GiB COW, exported as a sparse file (header and areas only). PO fills it to the last
  // chunk and keeps it valid: the write that does not fit commits what it got, then overflows.
  const target = snapshot(8 * GIB_SECTORS, 4 * GIB_SECTORS, 'PO');
  target.write(0, 8 * GIB_SECTORS);
  const dir = mkdtempSync(join(tmpdir(), 'cellar-bench-'));
  const path = join(dir, 'overlay');
  try {
    const { sizeBytes, pages } = exportOverlay(target.cow);
    const file = await open(path, 'w');
    await file.truncate(sizeBytes);
    for (const { offsetBytes, bytes } of pages) await file.write(bytes, 0, bytes.length, offsetBytes);
    await file.close();
    const times: number[] = [];
    let line = '';
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      line = await statusOfCommand(path, 8 * GIB_SECTORS, CHUNK);
      times.push(performance.now() - start);
    }
    if (!line.includes(` ${4 * GIB_SECTORS}/${4 * GIB_SECTORS} `)) {
      throw new Error(`status-of gave "${line}" for a full 4 GiB COW`);
    }
    return times.sort((a, b) => a - b)[2]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a 1 GiB file through the ext4 model of a 2 GiB root on a 2 GiB overlay, and syncs it. */
function fsWrite1GibMs(): number {
  const gib = 1024 ** 3;
  return medianMs(
    5,
    () => {
      const fs = buildBaseImage({
        fs: 'ext4',
        size_bytes: 2 * gib,
        mkfs: 'mkfs.ext4 -F -b 4096 -m 1 rootfs.img',
        tree: { files: 0, bytes: 0 },
      });
      const target = snapshot((2 * gib) / 512, (2 * gib) / 512);
      fs.attach(new SnapshotSink(() => target, fs.layout.blockSizeBytes));
      fs.mount();
      return fs;
    },
    (fs) => {
      fs.write('/big', gib);
      fs.sync();
    },
  );
}

/** A month of the quiet writers on the lab's LiveOS-like root (f_liveos_4k's base) over a 4 GiB overlay. */
function monthBackgroundMs(): number {
  const scenario = JSON.parse(
    readFileSync(join(import.meta.dirname, '../test/fixtures/file-scenarios/f_liveos_4k.json'), 'utf8'),
  ) as FileScenario;
  // Seven runs: a month is short enough that a shared machine's hiccups otherwise decide the median.
  return medianMs(
    7,
    () => {
      const fs = buildBaseImage(scenario.base);
      const target = snapshot(scenario.base.size_bytes / 512, (8 * GIB_SECTORS) / 2);
      fs.attach(new SnapshotSink(() => target, fs.layout.blockSizeBytes));
      fs.mount();
      return {
        clock: new QuietClock(QUIET_WRITERS),
        target: { apply: (op: FileOp) => applyFileOp(fs, op), advance: (ms: number) => fs.advance(ms) },
      };
    },
    ({ clock, target }) => clock.fastForward(30 * 24 * 3600 * 1000, target),
  );
}

/** The heap a 32 GiB overlay takes after 262,144 random 4 KiB writes (the overlay is let go afterwards). */
function heap32GibMib(random: Uint32Array): number {
  gc();
  const before = memoryBytes();
  const big = snapshot(4 * GIB_SECTORS, 32 * GIB_SECTORS);
  writeRandom(big, random);
  big.cow.flush(); // count the metadata areas the kernel would have written too
  gc();
  if (!big.valid) throw new Error('the 32 GiB overlay should hold the random workload');
  return (memoryBytes() - before) / 2 ** 20;
}

async function main(): Promise<void> {
  const oneGib = GIB_SECTORS;
  const random = randomChunks(262144, (4 * oneGib) / CHUNK);
  // Memory first, before other workloads leave garbage behind; then the file system figures, before the
  // dm-only workloads have trained the JIT on their own shapes of the write path.
  const heapMib = heap32GibMib(random);
  const monthMs = monthBackgroundMs();
  const fsWriteMs = fsWrite1GibMs();
  const write1GibMs = medianMs(
    9,
    () => snapshot(4 * oneGib, 4 * oneGib),
    (t) => t.write(0, oneGib),
  );
  const naiveMs = medianMs(
    5,
    () => new NaiveSnapshot((4 * oneGib) / CHUNK, 256),
    (n) => n.write(0, oneGib / CHUNK),
  );

  const random4kMs = medianMs(
    5,
    () => snapshot(4 * oneGib, 2 * oneGib),
    (t) => writeRandom(t, random),
  );

  const statusOfMs = await statusOfFullCow();
  // The browser figures last: the build and Chromium would disturb the model's timings.
  const activity = await activityFigures();
  const browserStatusOfMs = await browserStatusOf4GibMs();

  const figures = {
    write_1gib_ms: round(write1GibMs),
    speedup_vs_naive: round(naiveMs / write1GibMs),
    random_4k_writes_ms: round(random4kMs),
    heap_32gib_mib: round(heapMib),
    status_of_4gib_ms: round(statusOfMs),
    browser_status_of_4gib_ms: round(browserStatusOfMs),
    js_gzip_kib: round(activity.js_gzip_kib),
    xo_kib: round(activity.xo_kib),
    tti_throttled_ms: round(activity.tti_throttled_ms),
    p95_frame_ms: round(activity.p95_frame_ms),
    fs_write_1gib_ms: round(fsWriteMs),
    month_background_ms: round(monthMs),
  };
  report('write_1gib_ms', figures.write_1gib_ms, 5, 'ms', 'at most');
  report('speedup_vs_naive', figures.speedup_vs_naive, 100, '×', 'at least');
  report('random_4k_writes_ms', figures.random_4k_writes_ms, 250, 'ms', 'at most');
  report('heap_32gib_mib', figures.heap_32gib_mib, 16, 'MiB', 'at most');
  report('status_of_4gib_ms', figures.status_of_4gib_ms, 500, 'ms', 'at most');
  report('browser_status_of_4gib_ms', figures.browser_status_of_4gib_ms, 500, 'ms', 'at most');
  report('fs_write_1gib_ms', figures.fs_write_1gib_ms, 20, 'ms', 'at most');
  report('month_background_ms', figures.month_background_ms, 100, 'ms', 'at most');
  report('js_gzip_kib', figures.js_gzip_kib, 150, 'KiB', 'at most');
  report('xo_kib', figures.xo_kib, 500, 'KiB', 'at most');
  report('tti_throttled_ms', figures.tti_throttled_ms, 1500, 'ms', 'at most');
  report('p95_frame_ms', figures.p95_frame_ms, 16, 'ms', 'at most');
  if (!(globalThis as { gc?: unknown }).gc)
    console.log('(run with node --expose-gc for a steadier heap figure)');
  console.log(JSON.stringify(figures));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function report(
  name: string,
  value: number,
  budget: number,
  unit: string,
  kind: 'at most' | 'at least',
): void {
  const ratio = value / budget;
  const met = kind === 'at most' ? value <= budget : value >= budget;
  console.log(
    `${name.padEnd(25)} ${String(value).padStart(10)} ${unit.padEnd(3)} budget ${kind} ${budget} ${unit}: ${ratio.toFixed(3)} of budget ${met ? 'met' : 'MISSED'}`,
  );
}

await main();
