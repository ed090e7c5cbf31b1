// What the lesson runs in the built activity share: a fresh page (its own browser context, so its own
// IndexedDB), the panel's parts and texts, and moving the focus with Tab like a keyboard-only learner.
import type { Page } from 'playwright-core';
import { appReady, watchErrors, type BuiltActivity } from './builtActivity';

/** A new page on the activity, ready for clicks, with every page error collected. */
export async function freshPage(activity: BuiltActivity): Promise<{ page: Page; errors: string[] }> {
  const context = await activity.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(activity.url);
  await appReady(page);
  return { page, errors };
}

export const panel = (page: Page, selector: string) => page.locator(`cellar-lesson-panel ${selector}`);

/** The text of the first element `selector` finds, with its white space folded. */
export async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The focused element, looking inside shadow roots: its text, and whether it is the terminal's field. */
export async function focused(page: Page): Promise<{ text: string; terminal: boolean }> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const root = active?.getRootNode();
    const terminal =
      active?.localName === 'input' &&
      root instanceof ShadowRoot &&
      root.host.localName === 'cellar-terminal';
    return { text: (active?.textContent ?? '').replace(/\s+/g, ' ').trim(), terminal };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on what `wanted` says: the terminal's field, or an
 * element whose text holds the string or matches the pattern (at most 200 presses).
 */
export async function tabTo(page: Page, wanted: string | RegExp | 'terminal', key = 'Tab'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (
      wanted === 'terminal'
        ? now.terminal
        : typeof wanted === 'string'
          ? now.text.includes(wanted)
          : wanted.test(now.text)
    ) {
      return;
    }
  }
  throw new Error(`${key} never reached ${String(wanted)}`);
}
