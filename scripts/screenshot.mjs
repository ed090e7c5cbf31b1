// Saves docs/screenshot.png (the README's picture) of the built page opened from file://; run `npm run bundle` first.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './find-chromium.mjs';

const OUTPUT = 'docs/screenshot.png';

const browser = await chromium.launch({
  executablePath: requireChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 600 } });
  await page.goto(pathToFileURL(resolve('dist/index.html')).href);
  await page.locator('cellar-app header').waitFor();
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: OUTPUT });
  console.log(`wrote ${OUTPUT}`);
} finally {
  await browser.close();
}
