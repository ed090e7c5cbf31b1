// <cellar-sandbox-setup> in Chromium: the installer planner's verdict shows while choosing; a refused
// stick cannot be made; an accepted one is sent as choices.

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CellarIntent } from '../../src/ui/cellarCommand';
import type { CellarSandboxSetup } from '../../src/ui/sandbox-setup/cellar-sandbox-setup';
import '../../src/ui/sandbox-setup/cellar-sandbox-setup';
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

describe('<cellar-sandbox-setup>', () => {
  it("starts from the wiki's stick: the installer accepts it and shows its command", async () => {
    const el = await openSetup();
    expect(inShadow(el, 'code').textContent).to.contain('--overlay-size-mb 300 --home-size-mb 200');
    expect(inShadow(el, '.verdict').textContent).to.contain('accepts');
  });

  it('an overlay too big for the stick is refused in the planner’s words, and cannot be made', async () => {
    const el = await openSetup();
    await typeInto(el, 'overlay', '900');
    expect(inShadow(el, '.verdict').textContent).to.contain('refuses');
    expect(buttonWithText(el, 'Make this stick').disabled).to.equal(true);
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
