// A few thousand seeded random clicks and keys on the built activity: no page error, no console error, no
// unhandled rejection, and a heap that stops growing. CELLAR_RANDOM_STEPS and CELLAR_RANDOM_SEED make a
// longer or another run (the default keeps it under a minute for CI).
import { describe, expect, it } from 'vitest';
import { appReady, useBuiltActivity, watchErrors } from './builtActivity';
import { MAX_UNDO_CHARS } from '../../src/model/session/undoHistory';
import { randomRun } from './randomInput';

const STEPS = Number(process.env.CELLAR_RANDOM_STEPS ?? 800);
const SEED = Number(process.env.CELLAR_RANDOM_SEED ?? 20_261_204);
const MIB = 2 ** 20;

const builtActivity = useBuiltActivity();

describe('random input on the built activity', () => {
  it(
    `${STEPS} random clicks and keys (seed ${SEED}): no error, and the heap levels off`,
    async () => {
      const context = await builtActivity().browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(builtActivity().url);
      await appReady(page);

      const started = Date.now();
      const run = await randomRun(page, SEED, STEPS);
      const seconds = (Date.now() - started) / 1000;
      const heapMib = run.heap.map((bytes) => Math.round((bytes / MIB) * 10) / 10);
      console.log(
        `${run.clicks} clicks, ${run.keys} keys in ${seconds.toFixed(1)} s; heap after GC (MiB): ${heapMib.join(' ')}`,
      );

      const where = `seed ${SEED}, last actions:\n${run.recent.join('\n')}`;
      expect(errors, where).toEqual([]);
      expect(page.url(), where).toBe(builtActivity().url);
      expect(run.clicks).toBeGreaterThan(STEPS / 3);
      expect(await page.evaluate(() => !!document.querySelector('cellar-app')!.session)).toBe(true);

      // Unbounded growth would keep climbing through the run; a bounded one levels off. The undo history
      // (capped) grows and drops back whenever a new stick clears it, so the heap saws up and down: the
      // last third may not rise above the highest peak before it by more than a quarter plus 16 MiB.
      const third = Math.floor(run.heap.length / 3);
      const earlierPeak = Math.max(...run.heap.slice(0, 2 * third));
      const lastPeak = Math.max(...run.heap.slice(2 * third));
      expect(lastPeak / MIB, `heap samples (MiB): ${heapMib.join(' ')}`).toBeLessThanOrEqual(
        (earlierPeak * 1.25) / MIB + 16,
      );
      // And a ceiling a slow leak cannot hide under: the heap at start, plus what the undo history may hold
      // at its cap (its documents are ASCII, a byte a character), plus 16 MiB for everything else.
      expect(Math.max(...run.heap) / MIB, `heap samples (MiB): ${heapMib.join(' ')}`).toBeLessThanOrEqual(
        (run.heap[0]! + MAX_UNDO_CHARS) / MIB + 16,
      );
      await context.close();
    },
    Math.max(180_000, STEPS * 150),
  );
});
