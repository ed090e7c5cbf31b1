// Saves screenshots of the built page opened from file:// (run `npm run build` first):
// docs/screenshot.png (the README's picture) and docs/screenshots/cellar-<w>x<h>[-<state>].png at
// the XO's 1200×900 and a small 800×600 screen, fresh, after a few files were saved, with lesson 2
// under way, a "Predict the meter" question before and after Check, and Real stick mode (a paste read and
// mirrored, then an overlay file with its chunk map), so the layout can be looked at before it is called
// done.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './find-chromium.mjs';

const README_PICTURE = 'docs/screenshot.png';
const OUT_DIR = 'docs/screenshots';
const SIZES = [
  { width: 1200, height: 900 },
  { width: 800, height: 600 },
];

/**
 * Runs intents in the page through the app's own `act` (the same intents its buttons send).
 * @param {import('playwright-core').Page} page
 * @param {unknown[]} intents
 */
async function act(page, intents) {
  await page.evaluate((steps) => {
    // Runs in the page, where `document` exists.
    const app = globalThis.document.querySelector('cellar-app');
    if (!app) throw new Error('no <cellar-app> on the page');
    for (const step of steps) app.act(/** @type {any} */ (step));
  }, intents);
  await page.waitForTimeout(100);
}

/** A few steps a learner takes: a video in the system folder, a photo and an Activity at home, a file in /tmp. */
const USED = [
  { type: 'write-file', path: '/root/video.ogv', sizeBytes: 200_000_000 },
  { type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: 3_000_000 },
  { type: 'install-activity', name: 'Maze' },
  { type: 'write-file', path: '/tmp/scratch.bin', sizeBytes: 50_000_000 },
];
/** Then another video: the 2012 overlay fills and turns Invalid. */
const FULL = [{ type: 'write-file', path: '/root/video-2.ogv', sizeBytes: 200_000_000 }];

/**
 * Lesson 2 under way on a fresh page: Lessons mode, the lesson started, a hint asked for, and its first
 * step done in the terminal, so the panel shows a hint and an explanation beside the views.
 * @param {import('playwright-core').Browser} browser
 * @param {number} width
 * @param {number} height
 */
async function shootLesson(browser, width, height) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(pathToFileURL(resolve('dist/index.html')).href);
  await page.locator('cellar-app cellar-overlay-gauge code').waitFor();
  await act(page, [{ type: 'set-mode', mode: 'lessons' }]);
  await page.evaluate(() => globalThis.document.querySelector('cellar-app')?.startLesson('overlay-fills'));
  await page.locator('cellar-lesson-panel button:has-text("Hint")').click();
  await page.locator('cellar-app cellar-terminal input').fill('dmsetup status');
  await page.keyboard.press('Enter');
  await page.locator('cellar-lesson-panel .explanation').waitFor();
  const path = `${OUT_DIR}/cellar-${width}x${height}-lesson.png`;
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
  await page.close();
}

/**
 * A "Predict the meter" question in Lessons mode, before and after Check: its own stick's gauge beside the
 * question.
 * @param {import('playwright-core').Browser} browser
 * @param {number} width
 * @param {number} height
 */
async function shootChallenge(browser, width, height) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(pathToFileURL(resolve('dist/index.html')).href);
  await page.locator('cellar-app cellar-overlay-gauge code').waitFor();
  await act(page, [{ type: 'set-mode', mode: 'lessons' }]);
  await page.locator('cellar-lesson-list button:has-text("Predict the meter")').click();
  await page.locator('cellar-challenge cellar-overlay-gauge code').waitFor();
  await page.screenshot({ path: `${OUT_DIR}/cellar-${width}x${height}-challenge.png` });
  await page.locator('cellar-challenge button:has-text("Check")').click();
  await page.locator('cellar-challenge .result').waitFor();
  await page.screenshot({ path: `${OUT_DIR}/cellar-${width}x${height}-challenge-checked.png` });
  console.log(`wrote ${OUT_DIR}/cellar-${width}x${height}-challenge{,-checked}.png`);
  await page.close();
}

/**
 * Real stick mode: today's sample stick pasted, read and mirrored; then the recorded d_full overlay file
 * chosen, its reading and chunk map scrolled into view.
 * @param {import('playwright-core').Browser} browser
 * @param {number} width
 * @param {number} height
 */
async function shootReal(browser, width, height) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(pathToFileURL(resolve('dist/index.html')).href);
  await page.locator('cellar-app cellar-overlay-gauge code').waitFor();
  await act(page, [{ type: 'set-mode', mode: 'real' }]);
  const pasted = readFileSync('test/fixtures/real/fedora-today-persistent.txt', 'utf8');
  await page.locator('cellar-real-paste textarea').fill(pasted);
  await page.locator('cellar-real-paste button').click();
  await page.locator('cellar-real-stick button:has-text("Mirror my stick")').click();
  await page.locator('cellar-real-stick .compare').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/cellar-${width}x${height}-real.png` });
  await page
    .locator('cellar-real-file input')
    .setInputFiles('test/fixtures/real/overlay-d_full-P_2464_minus3.bin');
  await page.locator('cellar-real-stick cellar-chunk-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/cellar-${width}x${height}-real-file.png` });
  console.log(`wrote ${OUT_DIR}/cellar-${width}x${height}-real{,-file}.png`);
  await page.close();
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
    /** @param {string} state */
    const shoot = async (state) => {
      const path = `${OUT_DIR}/cellar-${width}x${height}${state ? `-${state}` : ''}.png`;
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    };
    await shoot('');
    if (width === 1200) await page.screenshot({ path: README_PICTURE });
    await act(page, [{ type: 'open-help' }]);
    await shoot('help');
    await page.keyboard.press('Escape');
    await act(page, [{ type: 'open-sandbox-setup' }]);
    await shoot('new-stick');
    await page.keyboard.press('Escape');
    await act(page, USED);
    await shoot('used');
    await page.evaluate(() => {
      const main = globalThis.document.querySelector('cellar-app')?.shadowRoot?.querySelector('main');
      main?.scrollTo(0, main.scrollHeight);
    });
    await shoot('used-scrolled');
    await act(page, FULL);
    await page.evaluate(() =>
      globalThis.document.querySelector('cellar-app')?.shadowRoot?.querySelector('main')?.scrollTo(0, 0),
    );
    await shoot('full');
    await page.close();
    await shootLesson(browser, width, height);
    await shootChallenge(browser, width, height);
    await shootReal(browser, width, height);
  }
  console.log(`wrote ${README_PICTURE}`);
} finally {
  await browser.close();
}
