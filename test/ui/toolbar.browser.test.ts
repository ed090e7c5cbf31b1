// <cellar-toolbar> in Chromium: Sugar's layout (55 px cells, the activity at the left, "?" then Stop at
// the right), and every control reports an intent instead of acting.

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CellarIntent } from '../../src/ui/cellarCommand';
import type { CellarToolbar } from '../../src/ui/toolbar/cellar-toolbar';
import '../../src/ui/toolbar/cellar-toolbar';
import { allInShadow, buttonWithText, inShadow } from './uiFixtures';

async function toolbar(undoSteps = 0) {
  return fixture<CellarToolbar>(html`<cellar-toolbar .undoSteps=${undoSteps}></cellar-toolbar>`);
}

async function intentFrom(el: CellarToolbar, act: () => void): Promise<CellarIntent> {
  setTimeout(act);
  return ((await oneEvent(el, 'cellar-command')) as CustomEvent<CellarIntent>).detail;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('<cellar-toolbar>', () => {
  it("draws the activity button's icon in the learner's XO colours", async () => {
    const el = await fixture<CellarToolbar>(
      html`<cellar-toolbar .colours=${{ stroke: '#AC32FF', fill: '#00B20D' }}></cellar-toolbar>`,
    );
    const icon = inShadow(el, 'button.activity svg');
    expect(icon.querySelector('g')!.getAttribute('stroke')).to.equal('#AC32FF');
    expect(icon.querySelector('rect[rx]')!.getAttribute('fill')).to.equal('#00B20D');
  });

  it('is one 55 px cell high, its buttons at least a cell wide', async () => {
    const el = await toolbar();
    expect(inShadow(el, '[role="toolbar"]').getBoundingClientRect().height).to.equal(55);
    for (const button of allInShadow(el, 'button')) {
      expect(button.getBoundingClientRect().width).to.be.at.least(55);
      expect(button.getBoundingClientRect().height).to.equal(55);
    }
  });

  it('is 75 px high at the XO’s 1200×900', async () => {
    await setViewport({ width: 1200, height: 900 });
    try {
      const el = await toolbar();
      expect(inShadow(el, '[role="toolbar"]').getBoundingClientRect().height).to.equal(75);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('has the activity at the far left, then "?" and Stop at the far right', async () => {
    const el = await toolbar();
    const buttons = allInShadow(el, 'button');
    expect(buttons[0].classList.contains('activity')).to.equal(true);
    expect(buttons.at(-2)!.getAttribute('aria-label')).to.equal('Help');
    expect(buttons.at(-1)!.getAttribute('aria-label')).to.equal('Stop');
    const bar = inShadow(el, '[role="toolbar"]').getBoundingClientRect();
    expect(Math.round(buttons.at(-1)!.getBoundingClientRect().right)).to.equal(Math.round(bar.right));
  });

  it('every button has a tooltip', async () => {
    const el = await toolbar();
    for (const button of allInShadow(el, 'button')) expect(button.title).to.not.equal('');
  });

  it('reports the mode, era and clock speed chosen', async () => {
    const el = await toolbar();
    const [mode, era, clock] = allInShadow<HTMLSelectElement>(el, 'select');
    expect(await intentFrom(el, () => choose(mode, 'lessons'))).to.deep.equal({
      type: 'set-mode',
      mode: 'lessons',
    });
    expect(await intentFrom(el, () => choose(era, 'fedora-today'))).to.deep.equal({
      type: 'set-era',
      era: 'fedora-today',
    });
    expect(await intentFrom(el, () => choose(clock, '3600000'))).to.deep.equal({
      type: 'set-clock-speed',
      msPerSecond: 3_600_000,
    });
  });

  it('offers the three modes', async () => {
    const el = await toolbar();
    const options = allInShadow<HTMLOptionElement>(el, 'select:first-of-type option, option');
    expect(options.map((o) => o.textContent)).to.include.members(['Lessons', 'Sandbox', 'Real stick']);
  });

  it('Undo is marked unavailable with nothing to undo, and reports undo when there is', async () => {
    const none = await toolbar(0);
    expect(buttonWithText(none, 'Undo').getAttribute('aria-disabled')).to.equal('true');
    const some = await toolbar(2);
    expect(await intentFrom(some, () => buttonWithText(some, 'Undo').click())).to.deep.equal({
      type: 'undo',
    });
  });

  it('fast-forward asks for one day; Start over asks for a reset', async () => {
    const el = await toolbar();
    expect(await intentFrom(el, () => buttonWithText(el, '+1 day').click())).to.deep.equal({
      type: 'advance',
      ms: 86_400_000,
    });
    expect(await intentFrom(el, () => buttonWithText(el, 'Start over').click())).to.deep.equal({
      type: 'reset',
    });
  });

  it('Stop fires cellar-stop', async () => {
    const el = await toolbar();
    setTimeout(() => inShadow(el, 'button.stop').click());
    const event = await oneEvent(el, 'cellar-stop');
    expect(event.type).to.equal('cellar-stop');
  });

  it('is accessible', async () => {
    const el = await toolbar();
    await expect(el).to.be.accessible();
  });
});
