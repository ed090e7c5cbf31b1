// End to end, as Sugarizer 2.0 runs an activity (sugar.md §7): the saving layer built by the project's vite
// config into activities/Cellar.activity/, two folders below a shell page, all from file:// in Chromium. The
// shell's launch URL and local user start it; Stop saves into the Journal and goes home; the entry resumes
// with `o=` after a reload of the whole page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, requireChromium } from '../../../scripts/find-chromium.mjs';
import { repoPath } from '../../build/repo';

const SETTINGS = { name: 'Ana', colorvalue: { stroke: '#00588C', fill: '#F8E800' }, language: 'en' };

let dir: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cellar-sugarizer-'));
  await build({
    configFile: repoPath('vite.config.ts'),
    root: repoPath('test/sugar/e2e'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: join(dir, 'activities', 'Cellar.activity'), emptyOutDir: true },
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sugarizer</title><h1>Sugarizer home</h1>');
  // Sugarizer's Application mode needs this flag in Chromium (its README says so for Chrome).
  browser = await chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'],
  });
  context = await browser.newContext();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const home = () => pathToFileURL(join(dir, 'index.html')).href;

/** The shell's launch: it replaces itself with the activity's page and the launch parameters. */
async function launch(page: Page, objectId?: string) {
  const url = new URL(pathToFileURL(join(dir, 'activities', 'Cellar.activity', 'index.html')).href);
  url.search = new URLSearchParams({
    aid: 'e2e-aid-1',
    a: 'org.sugarlabs.Cellar',
    n: 'Cellar',
    ...(objectId ? { o: objectId } : {}),
  }).toString();
  await page.goto(url.href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
}

async function journal(page: Page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('sugar_datastore_'))
      .map((key) => ({
        objectId: key.slice('sugar_datastore_'.length),
        entry: JSON.parse(localStorage.getItem(key)!),
      })),
  );
}

describe('the saving layer in Sugarizer, from file://', () => {
  it('saves on Stop, goes home, and resumes the entry after a reload', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(home());
    await page.evaluate(
      (settings) => localStorage.setItem('sugar_settings', settings),
      JSON.stringify(SETTINGS),
    );

    await launch(page);
    expect(await page.textContent('#host')).toBe('sugarizer');
    expect(await page.textContent('#restored')).toBe('false');
    await page.click('#lessons');
    await page.click('#stop');
    await page.waitForURL(home(), { timeout: 10_000 });
    expect(await page.textContent('h1')).toBe('Sugarizer home');

    const entries = await journal(page);
    expect(entries).toHaveLength(1);
    const [{ objectId, entry }] = entries;
    expect(entry.metadata).toMatchObject({
      activity: 'org.sugarlabs.Cellar',
      activity_id: 'e2e-aid-1',
      buddy_name: 'Ana',
    });
    expect(entry.text).toEqual({ link: objectId });

    await page.reload();
    await launch(page, objectId);
    expect(await page.textContent('#restored')).toBe('true');
    expect(await page.textContent('#mode')).toBe('lessons');
    expect(await page.textContent('#problem')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('reports a damaged entry in the learner’s words and keeps it', async () => {
    const page = await context.newPage();
    await page.goto(home());
    await page.evaluate(
      (settings) => localStorage.setItem('sugar_settings', settings),
      JSON.stringify(SETTINGS),
    );
    const damagedId = 'e2e00000-0000-4000-8000-000000000000';
    await page.evaluate((id) => {
      localStorage.setItem(
        `sugar_datastore_${id}`,
        JSON.stringify({ metadata: { title: 'Old', activity: 'org.sugarlabs.Cellar' }, text: { link: id } }),
      );
    }, damagedId);
    // The text goes where Sugarizer keeps it, in the store as Sugarizer's shell makes it.
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('sugar_filestore', 1);
          open.onupgradeneeded = () =>
            open.result
              .createObjectStore('sugar_filestore', { keyPath: 'objectId' })
              .createIndex('objectId', 'objectId', { unique: true });
          open.onsuccess = () => {
            const transaction = open.result.transaction('sugar_filestore', 'readwrite');
            transaction
              .objectStore('sugar_filestore')
              .put({ objectId: id, text: 'this is not a saved stick' });
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          };
          open.onerror = () => reject(open.error);
        }),
      damagedId,
    );

    const entriesBefore = (await journal(page)).length;

    await launch(page, damagedId);
    expect(await page.textContent('#restored')).toBe('false');
    expect(await page.textContent('#problem')).toBe(
      'Your saved stick could not be opened, so Cellar started a new one. The old save is kept safe.',
    );
    await page.click('#stop');
    await page.waitForURL(home(), { timeout: 10_000 });
    const entries = await journal(page);
    expect(entries.find((e) => e.objectId === damagedId)?.entry.metadata).toEqual({
      title: 'Old',
      activity: 'org.sugarlabs.Cellar',
    });
    expect(entries.length).toBe(entriesBefore + 1); // the damaged one stays, the new one is added
    const damagedText = await page.evaluate(
      (id) =>
        new Promise((resolve) => {
          const open = indexedDB.open('sugar_filestore', 1);
          open.onsuccess = () => {
            const get = open.result.transaction('sugar_filestore').objectStore('sugar_filestore').get(id);
            get.onsuccess = () => resolve(get.result?.text);
          };
        }),
      damagedId,
    );
    expect(damagedText).toBe('this is not a saved stick');
    await page.close();
  }, 60_000);
});
