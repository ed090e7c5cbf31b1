// The built activity from file://, standalone (a plain browser, real IndexedDB): the stick, the usage
// plot's history and the learner's view (the terminal's lines and folder, Files' folder, the line under
// the toolbar fitting the mode) survive a reload, a damaged save is kept aside and reported, and the wiki's recovery
// typed into the app's own terminal ends with a mounted, clean filesystem.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  announcement,
  appReady,
  useBuiltActivity,
  putStandaloneSave,
  scrollback,
  standaloneSaves,
  typeInTerminal,
  watchErrors,
} from './builtActivity';

const builtActivity = useBuiltActivity();

/** A fresh browser context (its own IndexedDB) with the activity open. */
async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await builtActivity().browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { page, errors };
}

async function typed(page: Page, line: string, exitCode = 0): Promise<string[]> {
  const result = await typeInTerminal(page, line);
  expect(result.exitCode, `${line}\n${result.output.join('\n')}`).toBe(exitCode);
  return result.output;
}

/** The folder Files shows, and the terminal's prompt, once both are drawn. */
async function folders(page: Page): Promise<{ files: string; prompt: string }> {
  return page.evaluate(async () => {
    const app = document.querySelector('cellar-app')!.shadowRoot!;
    const files = app.querySelector('cellar-files')!;
    const terminal = app.querySelector('cellar-terminal')!;
    await Promise.all([files.updateComplete, terminal.updateComplete]);
    return {
      files: files.shadowRoot!.querySelector('.path')!.textContent!,
      prompt: terminal.shadowRoot!.querySelector('.prompt')!.textContent!,
    };
  });
}

/** The saved document under "activity" once it differs from `before` (the 1 s debounce, then IndexedDB). */
async function nextSave(page: Page, before: unknown): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const saved = (await standaloneSaves(page)).activity;
    if (saved !== undefined && saved !== before) return saved as string;
    await page.waitForTimeout(100);
  }
  throw new Error('no save within 10 s');
}

describe('the built activity from file://, standalone', () => {
  it('keeps the stick through a reload: the same dmsetup status line, the file still there', async () => {
    const { page, errors } = await freshPage();
    await page.goto(builtActivity().url);
    await appReady(page);
    expect(await page.evaluate(() => document.querySelector('cellar-app')!.session!.undoSteps)).toBe(0);
    const savedBefore = (await standaloneSaves(page)).activity;

    const fresh = await typed(page, 'dmsetup status live-rw');
    await typed(page, 'echo kept through a reload > /root/proof.txt');
    await typed(page, 'dd if=/dev/zero of=/root/big bs=1M count=20');
    const listing = await typed(page, 'ls -l /root');
    const status = await typed(page, 'dmsetup status live-rw');
    await typed(page, 'cd /var/log');
    await page.locator('cellar-files button', { hasText: 'System folder' }).click();
    const lines = await scrollback(page);
    expect(await folders(page)).toEqual({ files: '/root', prompt: '[root@localhost log]# ' });
    expect(status).toHaveLength(1);
    expect(status[0]).toMatch(/^0 \d+ snapshot \d+\/\d+ \d+$/);
    expect(status).not.toEqual(fresh); // the 20 MiB went into the overlay

    // The debounced save (1 s after the last change) reaches IndexedDB without any help.
    const saved = await nextSave(page, savedBefore);
    expect(JSON.parse(saved)).toMatchObject({ schema: 'cellar-activity/v1', mode: 'sandbox' });
    const samples = await page.evaluate(() => document.querySelector('cellar-app')!.session!.samples);
    expect(samples.length).toBeGreaterThan(1);

    await page.reload();
    await appReady(page);
    // The learner's view as it was: the terminal's lines and folder, Files in the System folder (where
    // the next Photo goes), and under the toolbar the sandbox's hint rather than the last thing said.
    expect(await folders(page)).toEqual({ files: '/root', prompt: '[root@localhost log]# ' });
    expect(await scrollback(page)).toEqual(lines);
    expect(await announcement(page)).toBe('Save a file somewhere and watch which part of the stick grows.');
    // The usage plot draws on from where it was: the same samples, their steps unchanged.
    expect(await page.evaluate(() => document.querySelector('cellar-app')!.session!.samples)).toEqual(
      samples,
    );
    expect(await typed(page, 'dmsetup status live-rw')).toEqual(status);
    // Files keep sizes, not contents (src/shell/README.md): the same listing, sizes and all.
    expect(await typed(page, 'ls -l /root')).toEqual(listing);
    expect(listing.join('\n')).toMatch(/ 22 .* proof\.txt/);
    expect(listing.join('\n')).toMatch(/ 20971520 .* big/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('says what fits Lessons mode under the toolbar after a reload, not the sandbox hint', async () => {
    const { page, errors } = await freshPage();
    await page.goto(builtActivity().url);
    await appReady(page);
    const savedBefore = (await standaloneSaves(page)).activity;
    await page.evaluate(() =>
      document.querySelector('cellar-app')!.act({ type: 'set-mode', mode: 'lessons' }),
    );
    await nextSave(page, savedBefore);
    await page.reload();
    await appReady(page);
    expect(await announcement(page)).toBe('The lesson column says what to do next.');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  // Chromium drops IndexedDB writes started while a page unloads (tried with a bare transaction and
  // commit(): nothing lands); the standalone host keeps that last change in localStorage instead.
  it('keeps a change made just before a reload, inside the save debounce', async () => {
    const { page, errors } = await freshPage();
    await page.clock.install();
    await page.goto(builtActivity().url);
    await appReady(page);
    await page.clock.pauseAt(Date.now() + 60_000); // the debounced save never fires
    await typed(page, 'mkdir /root/made-just-before-the-reload');
    await page.reload();
    await appReady(page);
    expect(await typed(page, 'ls /root')).toContain('made-just-before-the-reload');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  // With the page's clock paused the debounce never fires, and the save that lands comes from
  // visibilitychange alone.
  it('saves when the page is hidden, without waiting for the debounce', async () => {
    const { page, errors } = await freshPage();
    await page.clock.install();
    await page.goto(builtActivity().url);
    await appReady(page);
    await page.clock.pauseAt(Date.now() + 60_000);
    const savedBefore = (await standaloneSaves(page)).activity;
    await typed(page, 'mkdir /root/made-just-before-hiding');
    await page.waitForTimeout(1500);
    expect((await standaloneSaves(page)).activity).toBe(savedBefore); // the debounce is held
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await nextSave(page, savedBefore);
    await page.reload();
    await appReady(page);
    expect(await typed(page, 'ls /root')).toContain('made-just-before-hiding');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('keeps a damaged save aside under damaged-…, tells the learner, and starts a fresh stick that works', async () => {
    const { page, errors } = await freshPage();
    const damaged = '{"schema":"cellar-activity/v1","mode":"sandbox","stick":{"schema":"cellar-stick/v2"';
    await page.goto(builtActivity().blankUrl);
    await putStandaloneSave(page, 'activity', damaged);

    await page.goto(builtActivity().url);
    await appReady(page);
    expect(await announcement(page)).toContain(
      'Your saved stick could not be opened, so Cellar started a new one. The old save is kept safe.',
    );
    const keys = Object.keys(await standaloneSaves(page));
    const aside = keys.filter((key) => key.startsWith('damaged-'));
    expect(aside).toHaveLength(1);
    expect((await standaloneSaves(page))[aside[0]!]).toBe(damaged);

    // The fresh stick works, and its saves go under "activity" without touching the damaged text.
    await typed(page, 'echo fresh > /root/fresh.txt');
    expect(await typed(page, 'cat /root/fresh.txt')).toEqual(['fresh']);
    expect((await typed(page, 'dmsetup status live-rw'))[0]).toMatch(/^0 \d+ snapshot \d+\/\d+ \d+$/);
    const saved = await nextSave(page, damaged);
    expect(JSON.parse(saved)).toMatchObject({ schema: 'cellar-activity/v1' });
    const after = await standaloneSaves(page);
    expect(after[aside[0]!]).toBe(damaged);
    expect(Object.keys(after).sort()).toEqual(['activity', aside[0]!].sort());

    // Only that message, and no page error: the damage was handled, not thrown.
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});

const OVERLAY_2012 = /^\/mnt\/live\/LiveOS\/overlay-\S+$/;

describe("the wiki's recovery typed into the app's terminal", () => {
  it("a 2012 stick whose overlay filled is repaired in dracut's emergency shell: clean, mounted, boots", async () => {
    const { page, errors } = await freshPage();
    await page.goto(builtActivity().url);
    await appReady(page);
    // The wiki's 2012 stick, on a 2 GB stick so the overlay file has room to grow (the 1 GB one is full).
    await page.evaluate(() =>
      document.querySelector('cellar-app')!.act({
        type: 'make-sandbox-stick',
        choices: { era: 'soas-2012', stickGb: 2, overlayMib: 300, homeMib: 200 },
      }),
    );
    expect(await page.evaluate(() => document.querySelector('cellar-app')!.session!.stick.era.id)).toBe(
      'soas-2012',
    );
    await typed(page, 'echo before the overlay filled > /root/keep.txt');
    // Fill the 300 MiB overlay: the write fails with EIO and the 2012 snapshot turns Invalid.
    const fill = await typeInTerminal(page, 'dd if=/dev/zero of=/root/fill bs=1M count=400');
    expect(fill.exitCode).not.toBe(0);
    expect(await typed(page, 'dmsetup status live-rw')).toEqual([
      expect.stringMatching(/ snapshot Invalid$/),
    ]);
    const table = await typed(page, 'dmsetup table live-rw');
    expect(table[0]).toMatch(/^0 \d+ snapshot 7:1 7:2 P 8$/);
    const sectors = /^0 (\d+) /.exec(table[0]!)![1];

    // The stick no longer boots: dracut's emergency shell, where the recovery is done in place.
    expect((await typed(page, 'reboot')).at(-1)).toMatch(/^Entering emergency mode/);
    expect(await page.locator('cellar-app cellar-terminal .prompt').textContent()).toBe('dracut:/# ');
    expect(await typed(page, 'dmsetup status')).toEqual([`live-rw: 0 ${sectors} snapshot Invalid`]);
    const loops = await typed(page, 'losetup -a');
    const overlay = /\((\S+overlay-\S+)\)$/.exec(loops[2]!)![1]!;
    expect(overlay).toMatch(OVERLAY_2012);
    const overlaySectors = Number((await typed(page, 'blockdev --getsz /dev/loop2'))[0]);
    expect(overlaySectors).toBe(300 * 2048);
    expect(await typed(page, 'e2fsck -f -y /dev/mapper/live-rw', 8)).toContain(
      'e2fsck: Input/output error while trying to open /dev/mapper/live-rw',
    );

    await typed(page, 'dmsetup remove live-rw');
    await typed(page, 'losetup -d /dev/loop2');
    expect(
      (await typed(page, `printf '\\x01' | dd of=${overlay} bs=1 count=1 seek=4 conv=notrunc`)).slice(0, 2),
    ).toEqual(['1+0 records in', '1+0 records out']);
    await typed(page, `dd if=/dev/zero of=${overlay} bs=1M count=64 oflag=append conv=notrunc`);
    await typed(page, `losetup /dev/loop2 ${overlay}`);
    expect(await typed(page, 'blockdev --getsz /dev/loop2')).toEqual([String(overlaySectors + 64 * 2048)]);
    await typed(page, `dmsetup create live-rw --table "0 ${sectors} snapshot 7:1 7:2 P 8"`);
    expect((await typed(page, 'dmsetup status live-rw'))[0]).toMatch(
      new RegExp(`^0 ${sectors} snapshot \\d+/${overlaySectors + 64 * 2048} \\d+$`),
    );
    const repaired = await typed(page, 'e2fsck -f -y /dev/mapper/live-rw', 1);
    expect(repaired[1]).toBe('/dev/mapper/live-rw: recovering journal');
    expect(repaired).toContain('/dev/mapper/live-rw: ***** FILE SYSTEM WAS MODIFIED *****');
    expect((await typed(page, 'e2fsck -p /dev/mapper/live-rw'))[0]).toMatch(
      /^\/dev\/mapper\/live-rw: clean, \d+\/\d+ files, \d+\/\d+ blocks$/,
    );
    await typed(page, 'mount /dev/mapper/live-rw /sysroot');
    expect(await typed(page, 'mount')).toContain('/dev/mapper/live-rw on /sysroot type ext4 (ro,relatime)');

    // And the stick boots again, with room on its overlay and the learner's file.
    await typed(page, 'reboot');
    expect(await page.locator('cellar-app cellar-terminal .prompt').textContent()).toMatch(
      /^\[root@localhost/,
    );
    expect((await typed(page, 'dmsetup status live-rw'))[0]).toMatch(
      new RegExp(`^0 ${sectors} snapshot \\d+/${overlaySectors + 64 * 2048} \\d+$`),
    );
    expect(await typed(page, 'cat /root/keep.txt')).toEqual(['before the overlay filled']);
    await typed(page, 'echo saved again > /root/after.txt');
    expect(await typed(page, 'cat /root/after.txt')).toEqual(['saved again']);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
