// Saves screenshots of the built page opened from file:// (run `npm run build` first):
// docs/screenshot.png (the README's picture) and test-results/screenshots/cellar-<w>x<h>[-<state>].png at
// the XO's 1200×900 and a small 800×600 screen, fresh and after a few files were saved, so the layout
// can be looked at before it is called done.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './find-chromium.mjs';

const README_PICTURE = 'docs/screenshot.png';
const OUT_DIR = 'test-results/screenshots';
const SIZES = [
  { width: 1200, height: 900 },
  { width: 800, height: 600 },
];

/**
 * A few steps a learner takes, through the app's own intents (the same ones its buttons send).
 * @param {import('playwright-core').Page} page
 */
async function useTheStick(page) {
  await page.evaluate(() => {
    // Runs in the page, where `document` exists.
    const app = globalThis.document.querySelector('cellar-app');
    if (!app) throw new Error('no <cellar-app> on the page');
    app.act({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 200_000_000 });
    app.act({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: 3_000_000 });
    app.act({ type: 'install-activity', name: 'Maze' });
    app.act({ type: 'write-file', path: '/tmp/scratch.bin', sizeBytes: 50_000_000 });
  });
  await page.waitForTimeout(100);
}

const browser = await chromium.launch({
  executablePath: requireChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  mkdirSync('docs', { recursive: true });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const { width, height } of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(pathToFileURL(resolve('dist/index.html')).href);
    await page.locator('cellar-app cellar-toolbar').waitFor();
    await page.locator('cellar-app cellar-overlay-gauge code').waitFor();
    const fresh = `${OUT_DIR}/cellar-${width}x${height}.png`;
    await page.screenshot({ path: fresh });
    if (width === 1200) await page.screenshot({ path: README_PICTURE });
    await useTheStick(page);
    const used = `${OUT_DIR}/cellar-${width}x${height}-used.png`;
    await page.screenshot({ path: used });
    console.log(`wrote ${fresh} and ${used}`);
    await page.close();
  }
  console.log(`wrote ${README_PICTURE}`);
} finally {
  await browser.close();
}
