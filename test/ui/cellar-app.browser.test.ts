// <cellar-app> in a real browser: it renders the activity's name and its one-line promise.
import { expect, fixture, html } from '@open-wc/testing';
import { CellarApp } from '../../src/ui/cellar-app.js';

describe('<cellar-app>', () => {
  it('shows the activity name in a 55 px toolbar', async () => {
    const el = await fixture<CellarApp>(html`<cellar-app></cellar-app>`);
    expect(el).to.be.instanceOf(CellarApp);
    const header = el.shadowRoot!.querySelector('header')!;
    expect(header.textContent).to.equal('Cellar');
    expect(header.getBoundingClientRect().height).to.equal(55);
  });

  it('says what Cellar will be', async () => {
    const el = await fixture<CellarApp>(html`<cellar-app></cellar-app>`);
    expect(el.shadowRoot!.querySelector('main p')!.textContent).to.contain('Sugar on a Stick');
  });

  it('shows a name given as an attribute', async () => {
    const el = await fixture<CellarApp>(html`<cellar-app activityname="Cellar test"></cellar-app>`);
    expect(el.shadowRoot!.querySelector('header')!.textContent).to.equal('Cellar test');
  });

  it('is accessible', async () => {
    const el = await fixture<CellarApp>(html`<cellar-app></cellar-app>`);
    await expect(el).to.be.accessible();
  });
});
