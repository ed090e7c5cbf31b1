// The real built activity (the .xo, unzipped) in Sugarizer's layout from file:// (sugar.md §7): two folders
// below a shell page, started with the shell's launch parameters and local user. The toolbar's real Stop
// saves into the Journal and goes home to ../../index.html; a launch with `o=` resumes the same stick and
// what the terminal showed.
// (sugarizerFileUrl.test.ts drives the saving layer alone through a harness page, damaged entries included.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appReady,
  openBuiltActivity,
  scrollback,
  typeInTerminal,
  watchErrors,
  type BuiltActivity,
} from '../../e2e/builtActivity';

const SETTINGS = { name: 'Ana', colorvalue: { stroke: '#00588C', fill: '#F8E800' }, language: 'en' };

let activity: BuiltActivity;

beforeAll(async () => {
  // Sugarizer's Application mode needs this flag in Chromium (its README says so for Chrome).
  activity = await openBuiltActivity('activities/Cellar.activity', ['--allow-file-access-from-files']);
  writeFileSync(
    join(activity.dir, 'index.html'),
    '<!doctype html><title>Sugarizer</title><h1>Sugarizer home</h1>',
  );
}, 180_000);

afterAll(async () => {
  await activity?.close();
});

const home = () => pathToFileURL(join(activity.dir, 'index.html')).href;

/** The shell's launch: it replaces itself with the activity's page and the launch parameters. */
async function launch(page: Page, objectId?: string): Promise<void> {
  const url = new URL(activity.url);
  url.search = new URLSearchParams({
    aid: 'e2e-aid-2',
    a: 'org.sugarlabs.Cellar',
    n: 'Cellar',
    ...(objectId ? { o: objectId } : {}),
  }).toString();
  await page.goto(url.href);
  await appReady(page);
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

async function journalText(page: Page, objectId: string): Promise<unknown> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sugar_filestore');
        // No filestore yet: make none (the host makes it as Sugarizer does), there is no text.
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => resolve(undefined);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sugar_filestore')) {
            db.close();
            resolve(undefined);
            return;
          }
          const get = db.transaction('sugar_filestore').objectStore('sugar_filestore').get(id);
          get.onsuccess = () => {
            db.close();
            resolve(get.result?.text);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    objectId,
  );
}

describe('the built activity in Sugarizer, from file://', () => {
  it('Stop (the toolbar button) saves into the Journal and goes home; o= resumes the same stick and terminal', async () => {
    const context = await activity.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(home());
    await page.evaluate(
      (settings) => localStorage.setItem('sugar_settings', settings),
      JSON.stringify(SETTINGS),
    );

    await launch(page);
    // Sugarizer's host makes the Journal entry at a launch without o=.
    expect(await journal(page)).toHaveLength(1);
    expect((await typeInTerminal(page, 'mkdir /root/made-in-sugarizer')).exitCode).toBe(0);
    expect((await typeInTerminal(page, 'dd if=/dev/zero of=/root/video bs=1M count=30')).exitCode).toBe(0);
    const status = await typeInTerminal(page, 'dmsetup status live-rw');
    const listing = await typeInTerminal(page, 'ls -l /root');
    expect(listing.output.join('\n')).toMatch(/made-in-sugarizer[\s\S]* 31457280 .* video/);
    // The last change just before Stop: well inside the 1 s debounce, so only Stop's own save keeps it.
    const made = (await journal(page))[0]!.objectId;
    await page.evaluate(() =>
      document.querySelector('cellar-app')!.act({ type: 'mkdir', path: '/root/last' }),
    );
    expect(await journalText(page, made)).toBeUndefined(); // nothing saved yet
    const lines = await scrollback(page);
    await page.locator('cellar-app cellar-toolbar button.stop').click();
    await page.waitForURL(home(), { timeout: 10_000 });
    expect(await page.textContent('h1')).toBe('Sugarizer home');

    const entries = await journal(page);
    expect(entries).toHaveLength(1);
    const [{ objectId, entry }] = entries as [
      { objectId: string; entry: { metadata: object; text: object } },
    ];
    expect(entry.metadata).toMatchObject({
      activity: 'org.sugarlabs.Cellar',
      activity_id: 'e2e-aid-2',
      buddy_name: 'Ana',
      buddy_color: SETTINGS.colorvalue,
    });
    expect(entry.text).toEqual({ link: objectId });
    const text = await journalText(page, objectId);
    expect(typeof text).toBe('string');
    expect(JSON.parse(text as string)).toMatchObject({ schema: 'cellar-activity/v1', mode: 'sandbox' });

    // The home page reloads (the shell starts again), then resumes the entry as clicking its icon does.
    await page.reload();
    await launch(page, objectId);
    // What the terminal showed comes back with the stick (the trial found it empty).
    expect(await scrollback(page)).toEqual(lines);
    const resumed = (await typeInTerminal(page, 'ls -l /root')).output;
    const entriesOf = (lines: string[]) => lines.filter((line) => !/^total | last$/.test(line));
    expect(entriesOf(resumed)).toEqual(entriesOf(listing.output));
    expect(resumed.some((line) => line.endsWith(' last'))).toBe(true);
    // The overlay holds at least what it held before the last mkdir.
    const used = (lines: string[]) => Number(/ (\d+)\/\d+ \d+$/.exec(lines[0]!)![1]);
    expect(used((await typeInTerminal(page, 'dmsetup status live-rw')).output)).toBeGreaterThanOrEqual(
      used(status.output),
    );
    expect(await journal(page)).toHaveLength(1); // resumed, not a new entry
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
