// browser_status_of_4gib_ms: a completely full 4 GiB overlay, written as a sparse file, handed to Chromium's
// file chooser with playwright-core as a learner would choose it; the figure is the time from the file's
// arrival on the page to the status readOverlayFile computes through the File API (the median of a few
// fresh pages), and the status must be the kernel's for a full overlay.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { launchChromium } from './launchChromium';
import { fullOverlay, writeSparseFile } from '../test/helpers/fullOverlay';

const GIB = 2 ** 30;
const RUNS = 5;

export async function browserStatusOf4GibMs(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cellar-bench-overlay-'));
  try {
    const overlay = fullOverlay(4 * GIB);
    const overlayPath = join(dir, 'overlay-full-4gib');
    await writeSparseFile(overlayPath, overlay);
    const page = await buildPage(dir);
    // 1,048,576 chunks of 8 sectors, all handed out; 4,081 metadata areas (the last holds 14 exceptions).
    const sectors = (4 * GIB) / 512;
    const expected = {
      state: 'Valid',
      sectorsAllocated: sectors,
      totalSectors: sectors,
      metadataSectors: 8 * 4082,
    };
    const browser = await launchChromium();
    try {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const tab = await browser.newPage();
        await tab.goto(pathToFileURL(page).href);
        await tab.setInputFiles('input[type=file]', overlayPath);
        const figure = await (await tab.waitForFunction(() => window.overlayFigure)).jsonValue();
        if (!figure || 'error' in figure)
          throw new Error(`the full 4 GiB overlay was refused: ${figure?.error}`);
        if (JSON.stringify(figure.status) !== JSON.stringify(expected)) {
          throw new Error(`the full 4 GiB overlay read as ${JSON.stringify(figure.status)}`);
        }
        times.push(figure.ms);
        await tab.close();
      }
      return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bundles bench/overlayFilePage.ts into one classic script beside an index.html; returns the page's path. */
async function buildPage(dir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: join(import.meta.dirname, 'overlayFilePage.ts'),
        formats: ['iife'],
        name: 'overlayFilePage',
        fileName: () => 'page.js',
      },
    },
  });
  const html = join(dir, 'index.html');
  writeFileSync(
    html,
    '<!doctype html><meta charset="utf-8"><title>overlay</title><script defer src="page.js"></script>',
  );
  return html;
}
