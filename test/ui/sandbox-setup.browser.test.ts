// <cellar-sandbox-setup> in Chromium: the installer planner's verdict shows while choosing; a refused
// stick cannot be made; an accepted one is sent as choices.

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CellarIntent } from '../../src/ui/cellarCommand';
import type { CellarSandboxSetup } from '../../src/ui/sandbox-setup/cellar-sandbox-setup';
import '../../src/ui/sandbox-setup/cellar-sandbox-setup';
import { sandboxPlan } from '../../src/model/session/sandboxPlan';
import { spaceShortfall } from '../../src/model/stick/installer';
import { useLanguage } from '../../src/ui/localization';
import { buttonWithText, inShadow } from './uiFixtures';

async function openSetup() {
  const el = await fixture<CellarSandboxSetup>(html`<cellar-sandbox-setup></cellar-sandbox-setup>`);
  el.show();
  await el.updateComplete;
  return el;
}

async function typeInto(el: CellarSandboxSetup, id: string, value: string) {
  const input = inShadow<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function choose(el: CellarSandboxSetup, id: string, value: string) {
  const select = inShadow<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

const verdict = (el: CellarSandboxSetup) => inShadow(el, '.verdict').textContent!.replace(/\s+/g, ' ');

describe('<cellar-sandbox-setup>', () => {
  it("starts from the wiki's stick: the installer accepts it and shows its command", async () => {
    const el = await openSetup();
    expect(inShadow(el, 'code').textContent).to.contain('--overlay-size-mb 300 --home-size-mb 200');
    expect(inShadow(el, '.verdict').textContent).to.contain('accepts');
  });

  it('an overlay too big for the stick is refused with the space check’s numbers, and cannot be made', async () => {
    const el = await openSetup();
    await typeInto(el, 'overlay', '900');
    const planned = sandboxPlan({ era: 'soas-2012', stickGb: 1, overlayMib: 900, homeMib: 200 });
    if (planned.ok) throw new Error('the planner accepted 1100 MiB on a 1 GB stick');
    const { requiredMib, availableMib, shortMib } = spaceShortfall(planned.refusal!.spaceCheck!);
    expect(verdict(el)).to.contain(
      `needs about ${requiredMib} MiB, but the stick has ${availableMib} MiB: ${shortMib} MiB too little`,
    );
    expect(buttonWithText(el, 'Make this stick').disabled).to.equal(true);
  });

  it('names the FAT limit of the era: 2012 stops an overlay at 2047 MiB, today at 4096 MiB', async () => {
    const el = await openSetup();
    await choose(el, 'size', '16');
    await typeInto(el, 'overlay', '3000');
    expect(verdict(el)).to.contain('the overlay can be at most 2047 MiB');
    await choose(el, 'era', 'fedora-today');
    await typeInto(el, 'overlay', '1024');
    await typeInto(el, 'home', '5000');
    expect(verdict(el)).to.contain('home.img can be at most 4096 MiB');
  });

  it('asks for whole numbers when a size cannot be read', async () => {
    const el = await openSetup();
    await typeInto(el, 'home', '-5');
    expect(verdict(el)).to.contain('Sizes are whole numbers of MiB');
  });

  it('words the refusal in the learner’s language', async () => {
    const el = await openSetup();
    await typeInto(el, 'overlay', '900');
    try {
      await useLanguage('es');
      await el.updateComplete;
      expect(verdict(el)).to.contain('MiB: faltan');
    } finally {
      await useLanguage('en');
    }
  });

  it('sends the choices when the stick is made', async () => {
    const el = await openSetup();
    await typeInto(el, 'home', '100');
    setTimeout(() => buttonWithText(el, 'Make this stick').click());
    const event = (await oneEvent(el, 'cellar-command')) as CustomEvent<CellarIntent>;
    expect(event.detail).to.deep.equal({
      type: 'make-sandbox-stick',
      choices: { era: 'soas-2012', stickGb: 1, overlayMib: 300, homeMib: 100 },
    });
  });

  it('is accessible', async () => {
    const el = await openSetup();
    await expect(el).to.be.accessible();
  });
});
