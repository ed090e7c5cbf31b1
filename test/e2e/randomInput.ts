// A random-input run on the built activity: seeded clicks on the visible controls inside the app's shadow
// roots and keys (Tab, Enter, Escape, arrows, the shortcuts), with the heap measured after a forced
// collection at intervals. Used by randomInput.test.ts (800 steps by default, under a minute, for CI);
// CELLAR_RANDOM_STEPS=4000 npx vitest run test/e2e/randomInput.test.ts makes a long one.
import type { CDPSession, Page } from 'playwright-core';

/** mulberry32: the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const KEYS = [
  'Tab',
  'Shift+Tab',
  'Enter',
  'Escape',
  ' ',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'Backspace',
  'Control+z',
  'Alt+b',
  'Alt+d',
  '?',
  'Control+q',
  'l',
  's',
  '1',
  '-',
] as const;

export interface RandomRun {
  steps: number;
  clicks: number;
  keys: number;
  /** Heap used after a forced collection, in bytes, at each sample. */
  heap: number[];
  /** The last actions before the end (for a failure's message). */
  recent: string[];
}

/** Counts the visible, enabled controls in every shadow root below <cellar-app>; `index` ≥ 0 also aims. */
function controls(index: number): { count: number; x?: number; y?: number; label?: string } {
  const SELECTOR =
    'button, input, select, textarea, summary, a[href], [role="button"], [role="tab"], [tabindex]:not([tabindex="-1"])';
  const found: Element[] = [];
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(SELECTOR) && !(el as HTMLButtonElement).disabled && el.checkVisibility()) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) found.push(el);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  if (index < 0 || found.length === 0) return { count: found.length };
  const el = found[index % found.length]!;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = el.getBoundingClientRect();
  const label = `${el.localName}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  return { count: found.length, x: box.x + box.width / 2, y: box.y + box.height / 2, label };
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** Runs `steps` random actions; `samples` heap measurements spread evenly (one before the first). */
export async function randomRun(page: Page, seed: number, steps: number, samples = 12): Promise<RandomRun> {
  const random = seededRandom(seed);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const run: RandomRun = { steps, clicks: 0, keys: 0, heap: [await heapUsed(cdp)], recent: [] };
  const every = Math.max(1, Math.floor(steps / samples));
  for (let step = 1; step <= steps; step++) {
    let action: string;
    if (random() < 0.6) {
      const pick = Math.floor(random() * 1e9);
      const target = await page.evaluate(controls, pick);
      if (target.x === undefined) {
        action = 'click: nothing visible';
      } else {
        await page.mouse.click(target.x, target.y!);
        action = `click ${target.label}`;
        run.clicks++;
      }
    } else {
      const key = KEYS[Math.floor(random() * KEYS.length)]!;
      await page.keyboard.press(key);
      action = `key ${key}`;
      run.keys++;
    }
    run.recent = [...run.recent.slice(-9), `${step}: ${action}`];
    if (step % every === 0) run.heap.push(await heapUsed(cdp));
  }
  await cdp.detach();
  return run;
}
