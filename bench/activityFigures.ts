// The built activity's figures: the gzip size of its script, the size of the .xo Sugar installs, how long it
// takes to become interactive in Chromium slowed down four times through the DevTools protocol (a stand-in
// for an XO or an old laptop), and the 95th-percentile frame while the gauge and the chunk map show a 1 GiB
// write.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './launchChromium';
import { makeXo } from '../scripts/xo.mjs';

const ROOT = join(import.meta.dirname, '..');
const CPU_SLOWDOWN = 4;
const TTI_RUNS = 5;

export interface ActivityFigures {
  js_gzip_kib: number;
  xo_kib: number;
  tti_throttled_ms: number;
  p95_frame_ms: number;
}

/** Builds the activity into a temporary folder and measures it there. */
export async function activityFigures(): Promise<ActivityFigures> {
  const outDir = mkdtempSync(join(tmpdir(), 'cellar-bench-build-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    return {
      js_gzip_kib: scriptGzipKib(outDir),
      xo_kib: makeXo(outDir).bytes.length / 1024,
      tti_throttled_ms: await ttiThrottledMs(outDir),
      p95_frame_ms: await p95FrameMs(outDir),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Every script of the build, gzipped at the level a web server would use. */
function scriptGzipKib(outDir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.js')) {
      bytes += gzipSync(readFileSync(join(entry.parentPath, entry.name)), { level: 9 }).length;
    }
  }
  return bytes / 1024;
}

/**
 * From navigation to the app's first complete render (the `cellar-interactive` performance mark cellar-app
 * sets then), opened from file:// as Sugarizer opens it; the median of a few fresh pages.
 */
async function ttiThrottledMs(outDir: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < TTI_RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
      const mark = await page.waitForFunction(
        () => performance.getEntriesByName('cellar-interactive')[0]?.startTime,
      );
      times.push(Number(await mark.jsonValue()));
      await page.close();
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  } finally {
    await browser.close();
  }
}

/** A sandbox stick whose overlay holds a 1 GiB file with room to spare (today's era: 8 GB, 2 GiB overlay). */
const ROOMY_STICK = { era: 'fedora-today', stickGb: 8, overlayMib: 2048, homeMib: 1024 } as const;
const GIB = 1024 ** 3;
const FRAME_RUNS = 3;

/**
 * Frames while a 1 GiB file is written on the app's stick and the gauge, the stick picture and the chunk
 * map (262,144 new chunks, painted a few milliseconds per frame) show it. A frame's figure is its cost on
 * the main thread (its start to the end of its rendering), not the rAF interval, which headless Chromium
 * holds at the 16.7 ms vsync however little a frame costs. The recording starts just before the write (the
 * write itself runs inside a frame and counts) and ends half a second after the chunk map has finished
 * drawing. The 95th percentile of all frames; the median over a few runs.
 */
async function p95FrameMs(outDir: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const p95s: number[] = [];
    for (let run = 0; run < FRAME_RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      // tsx keeps function names through an `__name` helper that the page does not have.
      await page.addInitScript('globalThis.__name = (f) => f;');
      await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
      await page.waitForFunction(() => !!document.querySelector('cellar-app')?.session);
      const deltas = await page.evaluate(
        async ({ choices, bytes }) => {
          const app = document.querySelector('cellar-app')!;
          app.act({ type: 'make-sandbox-stick', choices });
          await app.updateComplete;
          const map = app.shadowRoot!.querySelector('cellar-chunk-map')!;
          app.shadowRoot!.querySelector('section.chunk-map')!.scrollIntoView();
          const until = (done: () => boolean) =>
            new Promise<void>((resolve) => {
              const check = () => (done() ? resolve() : requestAnimationFrame(check));
              check();
            });
          await until(() => !map.drawing);
          await new Promise((resolve) => setTimeout(resolve, 300));
          // Each frame's cost: from its start (the rAF timestamp) to the end of its rendering, which a
          // message posted from the rAF callback marks (it runs once the frame's task is over).
          const costs: number[] = [];
          let recording = true;
          const channel = new MessageChannel();
          let frameStart = 0;
          channel.port1.onmessage = () => costs.push(performance.now() - frameStart);
          const frame = (now: number) => {
            frameStart = now;
            channel.port2.postMessage(null);
            if (recording) requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
          await new Promise((resolve) => requestAnimationFrame(resolve));
          app.act({ type: 'write-file', path: '/root/big.iso', sizeBytes: bytes });
          const ok = app
            .session!.stick.dmsetupStatus()
            .some((line) => /live-rw: .* \d+\/\d+ \d+$/.test(line));
          if (!ok) throw new Error(`the 1 GiB write left ${app.session!.stick.dmsetupStatus().join('; ')}`);
          await app.updateComplete;
          await until(() => !map.drawing);
          await new Promise((resolve) => setTimeout(resolve, 500));
          recording = false;
          return costs;
        },
        { choices: ROOMY_STICK, bytes: GIB },
      );
      if (deltas.length < 10) throw new Error(`only ${deltas.length} frames recorded`);
      const sorted = [...deltas].sort((a, b) => a - b);
      // CELLAR_BENCH_FRAMES=1 npm run bench shows each run's frames.
      if (process.env.CELLAR_BENCH_FRAMES) {
        const top = sorted.slice(-12).map((ms) => ms.toFixed(1));
        console.log(`p95_frame_ms run ${run + 1}: ${sorted.length} frames, slowest ${top.join(' ')} ms`);
      }
      p95s.push(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!);
      await page.close();
    }
    return p95s.sort((a, b) => a - b)[Math.floor(p95s.length / 2)]!;
  } finally {
    await browser.close();
  }
}
