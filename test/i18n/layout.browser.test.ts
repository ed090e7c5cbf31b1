// The layout holds with long translations and right to left: the app at 1200×900 and 800×600 in a
// pseudo-locale ~40 % longer than English, with dir="rtl", and in Spanish and French. No section's content
// sticks out of its box, no toolbar label is cut, the page never scrolls sideways. Pictures of the
// pseudo-locale and right to left: docs/screenshots/cellar-<w>x<h>-long.png and -rtl.png.
//
// This page configures its own locales (the app's localization.ts configures lit only on first use).

import { configureLocalization } from '@lit/localize';
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { templates as es } from '../../src/locales/es';
import { templates as fr } from '../../src/locales/fr';
import { CellarApp } from '../../src/ui/cellar-app.js';
import { SMALL_PLAN } from '../ui/uiFixtures';
import { deepElements, deepText } from './deepDom';
import { pseudoTemplates } from './pseudoLocale';
import { readXliff } from './xliffUnits';

const LONG = 'en-x-long';
let setLocale: (locale: string) => Promise<void>;

before(async () => {
  const units = readXliff(await (await fetch('/xliff/es.xlf')).text());
  const shipped = { es, fr, [LONG]: pseudoTemplates(units) };
  ({ setLocale } = configureLocalization({
    sourceLocale: 'en',
    targetLocales: Object.keys(shipped),
    loadLocale: async (locale) => ({ templates: shipped[locale as keyof typeof shipped] }),
  }));
  document.documentElement.style.height = document.body.style.height = '100%';
  document.body.style.margin = '0';
});

/** The app as a learner sees it after a little use: files saved, a day gone by, the plot drawn. */
async function usedApp(): Promise<CellarApp> {
  const app = Object.assign(document.createElement('cellar-app'), { plan: SMALL_PLAN });
  document.body.replaceChildren(app);
  await app.updateComplete;
  app.act({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: 3_000_000 });
  app.act({ type: 'write-file', path: '/root/update.rpm', sizeBytes: 6_000_000 });
  app.act({ type: 'advance', ms: 86_400_000 });
  await settle(app);
  return app;
}

/**
 * Every view re-rendered and laid out: some size themselves a frame or two after a resize observer sees their
 * width (the chunk map), so wait until several frames in a row find no update pending.
 */
async function settle(app: CellarApp): Promise<void> {
  let quietFrames = 0;
  for (let frame = 0; frame < 120 && quietFrames < 6; frame++) {
    await new Promise(requestAnimationFrame);
    const pending = deepElements(app).filter((el) => (el as Partial<CellarApp>).isUpdatePending);
    for (const el of pending) await (el as CellarApp).updateComplete;
    quietFrames = pending.length === 0 ? quietFrames + 1 : 0;
  }
}

/** What overflows its box sideways, hiding or pushing out text: a readable list for the failure. */
function overflows(app: CellarApp): string[] {
  const root = app.shadowRoot!;
  const boxes = [
    ...root.querySelectorAll('main, section, cellar-toolbar, cellar-announcer'),
    ...deepElements(app.shadowRoot!.querySelector('cellar-toolbar')!).filter((el) =>
      el.matches('button, label, select, [role="toolbar"]'),
    ),
    // Anything that hides what sticks out (a clipped label reads as a cut word).
    ...deepElements(app).filter((el) => {
      const style = getComputedStyle(el);
      return ['hidden', 'clip'].includes(style.overflowX) && (el.textContent ?? '').trim() !== '';
    }),
  ];
  const problems = boxes
    // (A 1-pixel box is a visually hidden label, there for screen readers.)
    .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1)
    .map((el) => `${nameOf(el)} ${el.scrollWidth} > ${el.clientWidth}${stickingOut(el)}`);
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1)
    problems.push(`the page: ${page.scrollWidth} > ${page.clientWidth}`);
  return [...new Set(problems)];
}

const nameOf = (el: Element) =>
  `<${el.localName}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}>`;

/** The innermost elements that reach past `box`'s sides or overflow themselves, to say where to look. */
function stickingOut(box: Element): string {
  const { left, right } = box.getBoundingClientRect();
  const out = deepElements(box).filter((el) => {
    const r = el.getBoundingClientRect();
    const overflowing = el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1;
    return (r.width > 0 && (r.right > right + 1 || r.left < left - 1)) || overflowing;
  });
  const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
  return innermost.length ? ` (sticking out: ${innermost.slice(0, 4).map(nameOf).join(', ')})` : '';
}

for (const [width, height] of [
  [1200, 900],
  [800, 600],
]) {
  describe(`the layout at ${width}×${height}`, () => {
    beforeEach(() => setViewport({ width, height }));
    afterEach(async () => {
      document.documentElement.dir = '';
      await setLocale('en');
    });

    it('holds long translations', async () => {
      await setLocale(LONG);
      const app = await usedApp();
      expect(deepText(app)).to.contain('~~~~');
      await executeServerCommand('cellar-screenshot', { name: `cellar-${width}x${height}-long.png` });
      expect(overflows(app)).to.deep.equal([]);
    });

    for (const language of ['es', 'fr']) {
      it(`holds the ${language} translation`, async () => {
        await setLocale(language);
        const app = await usedApp();
        expect(overflows(app)).to.deep.equal([]);
      });
    }

    it('holds right to left', async () => {
      document.documentElement.dir = 'rtl';
      const app = await usedApp();
      await executeServerCommand('cellar-screenshot', { name: `cellar-${width}x${height}-rtl.png` });
      expect(overflows(app)).to.deep.equal([]);
    });
  });
}
