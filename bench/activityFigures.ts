// The built activity's figures: the gzip size of its script, and how long it takes to become interactive in
// Chromium slowed down four times through the DevTools protocol (a stand-in for an XO or an old laptop).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../scripts/find-chromium.mjs';

const ROOT = join(import.meta.dirname, '..');
const CPU_SLOWDOWN = 4;
const TTI_RUNS = 5;

export interface ActivityFigures {
  js_gzip_kib: number;
  tti_throttled_ms: number;
}

/** Builds the activity into a temporary folder and measures it there. */
export async function activityFigures(): Promise<ActivityFigures> {
  const outDir = mkdtempSync(join(tmpdir(), 'cellar-bench-build-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    return { js_gzip_kib: scriptGzipKib(outDir), tti_throttled_ms: await ttiThrottledMs(outDir) };
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
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
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
