// Saves docs/screenshots/chunk-map*.png (as drawn, replaying, read from the keyboard, temporary overlay), overlay-spenders.png and usage-plot.png: the overlay views on a
// used stick (test/ui/demo/chunk-views.html), served by vite and opened in the system Chromium.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, requireChromium } from './find-chromium.mjs';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const base = server.resolvedUrls?.local[0];
const browser = await chromium.launch({
  executablePath: requireChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 680, height: 1200 } });
  page.on('console', (m) => m.type() === 'error' && console.error(m.text()));
  page.on('pageerror', (e) => console.error(e));
  for (const [query, suffix] of [
    ['', ''],
    ['?overlay=0', '-temporary'],
  ]) {
    await page.goto(`${base}test/ui/demo/chunk-views.html${query}`);
    await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
    await page.waitForFunction("!document.querySelector('cellar-chunk-map')?.drawing");
    await page.locator('#map').screenshot({ path: `${OUT}/chunk-map${suffix}.png` });
    if (suffix) continue;
    const map = page.locator('cellar-chunk-map');
    await map.locator('button', { hasText: 'Step' }).click();
    await map.locator('button', { hasText: 'Step' }).click();
    await page.locator('#map').screenshot({ path: `${OUT}/chunk-map-replay.png` });
    const canvas = map.locator('canvas');
    await canvas.focus();
    for (let i = 0; i < 45; i++) await page.keyboard.press('ArrowRight');
    await page.locator('#map').screenshot({ path: `${OUT}/chunk-map-keyboard.png` });
    await page.locator('#spenders').screenshot({ path: `${OUT}/overlay-spenders.png` });
    await page.locator('#plot').screenshot({ path: `${OUT}/usage-plot.png` });
  }
  console.log(`wrote ${OUT}/*.png`);
} finally {
  await browser.close();
  await server.close();
}
