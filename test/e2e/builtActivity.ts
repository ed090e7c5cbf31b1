// The built activity (the real .xo, unzipped) in the system Chromium, driven by playwright-core: what a
// test-runner page cannot do — reloads, file://, a fresh IndexedDB per context, heap and frame figures.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import { readXo } from '../build/built-xo.js';
// Brings <cellar-app>'s element type (app.session, app.act) into the page callbacks' types.
import type {} from '../../src/ui/cellar-app';

export interface BuiltActivity {
  /** The folder holding Cellar.activity/. */
  dir: string;
  /** file:// URL of Cellar.activity/index.html. */
  url: string;
  /** file:// URL of an empty page next to it (same file:// storage), to set up storage before a launch. */
  blankUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * For a test file: the built activity opened once before its tests and closed after them. Answers a
 * getter, valid inside the tests.
 */
export function useBuiltActivity(): () => BuiltActivity {
  let activity: BuiltActivity | undefined;
  beforeAll(async () => {
    activity = await openBuiltActivity();
  }, 180_000);
  afterAll(async () => {
    await activity?.close();
  });
  return () => {
    if (!activity) throw new Error('the built activity is opened in beforeAll');
    return activity;
  };
}

/** Unzips the current .xo (building it when stale) under `prefix` and starts Chromium. */
export async function openBuiltActivity(
  activityFolder = 'Cellar.activity',
  extraArgs: string[] = [],
): Promise<BuiltActivity> {
  const dir = mkdtempSync(join(tmpdir(), 'cellar-e2e-'));
  for (const [path, bytes] of Object.entries(await readXo())) {
    const target = join(dir, path.replace(/^Cellar\.activity\//, `${activityFolder}/`));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  writeFileSync(join(dir, activityFolder, 'blank.html'), '<!doctype html><title>blank</title>');
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  return {
    dir,
    url: pathToFileURL(join(dir, activityFolder, 'index.html')).href,
    blankUrl: pathToFileURL(join(dir, activityFolder, 'blank.html')).href,
    browser,
    close: async () => {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything that went wrong in the page: page errors, console errors, unhandled rejections. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  void page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (event) => {
      console.error(`unhandledrejection: ${String(event.reason)}`);
    });
  });
  return errors;
}

/** Waits until the app has its session (restored or fresh) and has rendered. */
export async function appReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const app = document.querySelector('cellar-app');
      return !!app?.session && !!app.shadowRoot?.querySelector('cellar-terminal');
    },
    undefined,
    { timeout: 15_000 },
  );
}

export interface TypedLine {
  line: string;
  exitCode: number;
  /** The scrollback lines the command printed (after its typed line). */
  output: string[];
}

/**
 * Types one line into the app's terminal with the keyboard and presses Enter; answers the exit status the
 * terminal reported (`cellar-terminal-line`) and the lines it printed.
 */
export async function typeInTerminal(page: Page, line: string): Promise<TypedLine> {
  const input = page.locator('cellar-app cellar-terminal input');
  await input.click();
  const before = await scrollback(page);
  await page.evaluate(() => {
    const w = window as unknown as { __lastLine?: unknown };
    w.__lastLine = undefined;
    document.querySelector('cellar-app')!.addEventListener(
      'cellar-terminal-line',
      (event) => {
        w.__lastLine = (event as CustomEvent).detail;
      },
      { once: true },
    );
  });
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const detail = await page.waitForFunction(
    () => (window as unknown as { __lastLine?: { line: string; exitCode: number } }).__lastLine,
  );
  const { exitCode, line: ran } = (await detail.jsonValue()) as { line: string; exitCode: number };
  // Lit renders the scrollback on the next update.
  await page.waitForFunction((n) => {
    const terminal = document.querySelector('cellar-app')!.shadowRoot!.querySelector('cellar-terminal')!;
    return terminal.shadowRoot!.querySelectorAll('[role="log"] .line').length > n;
  }, before.length);
  await page.evaluate(() => document.querySelector('cellar-app')!.updateComplete);
  const after = await scrollback(page);
  return { line: ran, exitCode, output: after.slice(before.length + 1) };
}

export async function scrollback(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const terminal = document.querySelector('cellar-app')!.shadowRoot!.querySelector('cellar-terminal')!;
    return [...terminal.shadowRoot!.querySelectorAll('[role="log"] .line')].map((p) => p.textContent ?? '');
  });
}

/** The announcer's text (what a screen reader hears). */
export async function announcement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const announcer = document.querySelector('cellar-app')!.shadowRoot!.querySelector('cellar-announcer')!;
    return (announcer.shadowRoot?.textContent ?? announcer.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** The standalone host's store (src/sugar/standaloneHost.ts): every key and its value. */
export async function standaloneSaves(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('org.sugarlabs.Cellar');
        open.onupgradeneeded = () => open.result.createObjectStore('saves');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const out: Record<string, unknown> = {};
          const request = db.transaction('saves').objectStore('saves').openCursor();
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) {
              db.close();
              resolve(out);
              return;
            }
            out[String(cursor.key)] = cursor.value;
            cursor.continue();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Puts `value` under `key` in the standalone store, made as idb-keyval makes it. */
export async function putStandaloneSave(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('org.sugarlabs.Cellar');
        open.onupgradeneeded = () => open.result.createObjectStore('saves');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction('saves', 'readwrite');
          transaction.objectStore('saves').put(v, k as string);
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [key, value] as const,
  );
}
