// The built page itself never scrolls: the views scroll inside their column, so the toolbar stays in sight.
// (Text hidden for screen readers once escaped the scrolling column and made the page a screen taller.)
import { describe, expect, it } from 'vitest';
import { appReady, useBuiltActivity, watchErrors } from './builtActivity';

const builtActivity = useBuiltActivity();

describe('the built page fits the window', () => {
  it.each([
    [1200, 900],
    [800, 600],
  ])('at %i×%i, in Sandbox and Lessons mode', async (width, height) => {
    const context = await builtActivity().browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(builtActivity().url);
    await appReady(page);
    for (const mode of ['sandbox', 'lessons'] as const) {
      await page.evaluate(
        (m) => document.querySelector('cellar-app')!.act({ type: 'set-mode', mode: m }),
        mode,
      );
      await page.evaluate(() => document.querySelector('cellar-app')!.updateComplete);
      const size = await page.evaluate(() => ({
        height: document.scrollingElement!.scrollHeight,
        width: document.scrollingElement!.scrollWidth,
      }));
      expect(size, mode).toEqual({ height, width });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
