// <cellar-overlay-spenders> in a real browser: the folders, journal and metadata the ledger charged, most
// first, with their chunk counts, and a click naming the owner.
import { expect, fixture, html } from '@open-wc/testing';
import { OverlayLedger } from '../../src/model/stick/overlayLedger.js';
import {
  CellarOverlaySpenders,
  type OwnerSelectDetail,
} from '../../src/ui/overlay-spenders/cellar-overlay-spenders.js';
import { makeStick, MIB } from '../model/stick/makeStick.js';

function usedLedger(): OverlayLedger {
  const stick = makeStick({ homeMib: null });
  const ledger = OverlayLedger.follow(stick);
  stick.boot();
  stick.writeFile('/home/liveuser/video.ogv', 4 * MIB);
  stick.writeFile('/var/log/messages', 1 * MIB);
  stick.writeFile('/etc/motd', 10_000);
  return ledger;
}

describe('<cellar-overlay-spenders>', () => {
  it('says one chunk in the singular', async () => {
    const stick = makeStick({ homeMib: null });
    const ledger = OverlayLedger.follow(stick);
    stick.boot();
    stick.writeFile('/etc/motd', 10); // one block, in one chunk
    const el = await fixture<CellarOverlaySpenders>(
      html`<cellar-overlay-spenders .ledger=${ledger}></cellar-overlay-spenders>`,
    );
    const etc = el.shadowRoot!.querySelector<HTMLElement>('li[data-owner="/etc"]')!;
    expect(etc.textContent!.replace(/\s+/g, ' ')).to.contain('/etc 1 chunk, 4.0 KiB,');
  });

  it('lists every owner with its chunks, most first, the journal and metadata in words', async () => {
    const ledger = usedLedger();
    const el = await fixture<CellarOverlaySpenders>(
      html`<cellar-overlay-spenders .ledger=${ledger}></cellar-overlay-spenders>`,
    );
    const items = [...el.shadowRoot!.querySelectorAll('li')];
    const spenders = ledger.spenders();
    expect(items.map((li) => li.dataset.owner)).to.deep.equal(spenders.map((s) => s.owner));
    expect(items[0]!.dataset.owner).to.equal('/home/liveuser');
    expect(items.map((li) => li.dataset.owner)).to.include.members([
      '/var/log',
      '/etc',
      'journal',
      'metadata',
    ]);
    for (const [i, { chunks }] of spenders.entries())
      expect(items[i]!.textContent).to.contain(chunks === 1 ? '1 chunk,' : `${chunks} chunks,`);
    const journal = items.find((li) => li.dataset.owner === 'journal')!;
    expect(journal.querySelector('.name')!.textContent).to.equal('ext4 journal');
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.contain(`${ledger.count} data chunks`);
  });

  it('follows the ledger as the stick is used', async () => {
    const ledger = usedLedger();
    const el = await fixture<CellarOverlaySpenders>(
      html`<cellar-overlay-spenders .ledger=${ledger}></cellar-overlay-spenders>`,
    );
    ledger.stick.writeFile('/usr/share/big', 6 * MIB);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('li')!.dataset.owner).to.equal('/usr/share');
  });

  it('names the owner a learner picks', async () => {
    const el = await fixture<CellarOverlaySpenders>(
      html`<cellar-overlay-spenders .ledger=${usedLedger()}></cellar-overlay-spenders>`,
    );
    let picked = '';
    el.addEventListener(
      'cellar-owner-select',
      (e) => (picked = (e as CustomEvent<OwnerSelectDetail>).detail.owner),
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-owner="/var/log"] button')!.click();
    expect(picked).to.equal('/var/log');
  });

  it('is accessible', async () => {
    const el = await fixture<CellarOverlaySpenders>(
      html`<cellar-overlay-spenders .ledger=${usedLedger()}></cellar-overlay-spenders>`,
    );
    await expect(el).to.be.accessible();
  });
});
