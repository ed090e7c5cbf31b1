// Opens the built activity from file://, as Sugarizer does, in the system Chromium, and sees it render.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import { readXo } from './built-xo.js';

let dir: string;
let browser: Browser;

beforeAll(async () => {
  // Unzip the real .xo, so we test what ships rather than whatever dist/ holds.
  dir = mkdtempSync(join(tmpdir(), 'cellar-xo-'));
  for (const [path, bytes] of Object.entries(await readXo())) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the activity opened from file://', () => {
  it('renders <cellar-app> with no page errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(join(dir, 'Cellar.activity/index.html')).href);
    // Playwright's locators pierce shadow roots: this text exists only once the element has rendered.
    await expect(
      page.locator('cellar-app cellar-toolbar .title').textContent({ timeout: 10_000 }),
    ).resolves.toBe('Cellar');
    // The gauge shows the stick's status line once the session has started on it.
    await expect(
      page.locator('cellar-app cellar-overlay-gauge code').textContent({ timeout: 10_000 }),
    ).resolves.toMatch(/^live-rw: 0 \d+ snapshot \d+\/\d+ \d+$/);
    expect(errors).toEqual([]);
  }, 30_000);
});
