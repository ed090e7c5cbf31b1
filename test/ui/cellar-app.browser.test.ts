// <cellar-app> in a real browser, driven as a learner drives it: clicks and keys on the real views, the
// gauge, status line, files and announcements checked against the model the app holds.

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CellarApp } from '../../src/ui/cellar-app.js';
import type { CellarFiles } from '../../src/ui/files/cellar-files';
import type { CellarOverlayGauge } from '../../src/ui/overlay-gauge/cellar-overlay-gauge';
import type { CellarToolbar } from '../../src/ui/toolbar/cellar-toolbar';
import { allInShadow, buttonWithText, inShadow, SMALL_PLAN } from './uiFixtures';

async function app(): Promise<CellarApp> {
  return fixture<CellarApp>(html`<cellar-app .plan=${SMALL_PLAN}></cellar-app>`);
}

const toolbarOf = (el: CellarApp) => inShadow<CellarToolbar>(el, 'cellar-toolbar');
const gaugeOf = (el: CellarApp) => inShadow<CellarOverlayGauge>(el, 'cellar-overlay-gauge');
const filesOf = (el: CellarApp) => inShadow<CellarFiles>(el, 'cellar-files');
const actionsOf = (el: CellarApp) => inShadow(filesOf(el), 'cellar-file-actions');

/** Every view re-rendered after a change. */
async function settled(el: CellarApp): Promise<void> {
  await el.updateComplete;
  for (const view of [toolbarOf(el), gaugeOf(el), filesOf(el)]) await view.updateComplete;
  await (actionsOf(el) as CellarFiles).updateComplete;
}

function statusLine(el: CellarApp): string {
  return inShadow(gaugeOf(el), 'code').textContent!;
}

function modelStatusLine(el: CellarApp): string {
  return el.session!.stick.dmsetupStatus().find((l) => l.startsWith('live-rw:'))!;
}

function meterValue(el: CellarApp): number {
  return Number(inShadow(gaugeOf(el), '[role="meter"]').getAttribute('aria-valuenow'));
}

function announcement(el: CellarApp): string {
  return inShadow(inShadow(el, 'cellar-announcer'), '[role="status"]')
    .textContent!.replace(/\s+/g, ' ')
    .trim();
}

async function goTo(el: CellarApp, place: string): Promise<void> {
  buttonWithText(filesOf(el), place).click();
  await settled(el);
}

async function press(el: CellarApp, host: Element, text: string): Promise<void> {
  buttonWithText(host, text).click();
  await settled(el);
}

/** The element that has the focus, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until the focused element's text contains `text` (at most 80 times). */
async function tabTo(text: string): Promise<Element> {
  for (let i = 0; i < 80; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active?.textContent?.includes(text)) return active;
  }
  throw new Error(`Tab never reached "${text}"`);
}

describe('<cellar-app>', () => {
  it('shows the activity name in a 55 px toolbar', async () => {
    const el = await app();
    expect(el).to.be.instanceOf(CellarApp);
    expect(inShadow(toolbarOf(el), '.title').textContent).to.equal('Cellar');
    expect(toolbarOf(el).getBoundingClientRect().height).to.equal(55);
  });

  it('shows a name given as an attribute', async () => {
    const el = await fixture<CellarApp>(
      html`<cellar-app activityname="Cellar test" .plan=${SMALL_PLAN}></cellar-app>`,
    );
    expect(inShadow(toolbarOf(el), '.title').textContent).to.equal('Cellar test');
  });

  it('writing a preset file in the system folder changes the gauge and status line exactly as the model says', async () => {
    const el = await app();
    const before = statusLine(el);
    await goTo(el, 'System folder');
    await press(el, actionsOf(el), 'Photo');
    expect(statusLine(el)).to.not.equal(before);
    expect(statusLine(el)).to.equal(modelStatusLine(el));
    const overlay = el.session!.stick.usage().overlay;
    expect(meterValue(el)).to.equal(Math.floor((overlay.allocatedSectors / overlay.totalSectors) * 100));
    expect(announcement(el)).to.match(/^Saved photo\.jpg\. The overlay grew by 2\.\d MiB, to \d+ %\./);
  });

  it('deleting in the overlay leaves the gauge up', async () => {
    const el = await app();
    await goTo(el, 'System folder');
    await press(el, actionsOf(el), 'Photo');
    const full = statusLine(el);
    const value = meterValue(el);
    await press(el, filesOf(el), 'Delete');
    expect(el.session!.stick.list('/root')).to.deep.equal({ ok: true, value: [] });
    expect(meterValue(el)).to.be.at.least(value);
    const allocated = (line: string) => Number(line.split(' ')[4].split('/')[0]);
    expect(allocated(statusLine(el))).to.be.at.least(allocated(full));
  });

  it('deleting in /home frees home space', async () => {
    const el = await app();
    const homeAtStart = el.session!.stick.usage().home!.usedBytes;
    await press(el, actionsOf(el), 'Photo');
    expect(el.session!.stick.usage().home!.usedBytes).to.be.greaterThan(homeAtStart + 2_900_000);
    await press(el, filesOf(el), 'Delete');
    expect(el.session!.stick.usage().home!.usedBytes).to.equal(homeAtStart);
    expect(announcement(el)).to.contain('home.img: 2.9 MiB freed');
  });

  it('a reboot empties /tmp', async () => {
    const el = await app();
    await goTo(el, '/tmp');
    await press(el, actionsOf(el), 'Photo');
    expect(allInShadow(filesOf(el), 'li .name').map((n) => n.textContent)).to.deep.equal(['photo.jpg']);
    await press(el, el, 'Reboot');
    expect(allInShadow(filesOf(el), 'li .name')).to.have.length(0);
    expect(inShadow(filesOf(el), 'li.empty').textContent).to.contain('empty');
  });

  it('undo brings the gauge back', async () => {
    const el = await app();
    const before = statusLine(el);
    await goTo(el, 'System folder');
    await press(el, actionsOf(el), 'Photo');
    await press(el, actionsOf(el), 'Photo');
    expect(statusLine(el)).to.not.equal(before);
    await press(el, toolbarOf(el), 'Undo');
    expect(statusLine(el)).to.not.equal(before);
    await press(el, toolbarOf(el), 'Undo');
    expect(statusLine(el)).to.equal(before);
    expect(statusLine(el)).to.equal(modelStatusLine(el));
  });

  it('can be used with the keyboard alone: places, a preset, undo and help', async () => {
    const el = await app();
    const before = statusLine(el);
    await tabTo('System folder');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(inShadow(filesOf(el), '.path').textContent).to.equal('/root');
    await tabTo('Photo');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(statusLine(el)).to.not.equal(before);
    await sendKeys({ press: 'Control+z' });
    await settled(el);
    expect(statusLine(el)).to.equal(before);
    await sendKeys({ press: 'Shift+Slash' });
    await el.updateComplete;
    const help = inShadow(inShadow(el, 'cellar-shortcuts-dialog'), 'dialog') as HTMLDialogElement;
    expect(help.open).to.equal(true);
    expect(help.textContent).to.contain('Ctrl+Z');
    await sendKeys({ press: 'Escape' });
    expect(help.open).to.equal(false);
  });

  it('opens help with "?" before anything has the focus', async () => {
    const el = await app();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Shift+Slash' });
    const help = inShadow(inShadow(el, 'cellar-shortcuts-dialog'), 'dialog') as HTMLDialogElement;
    expect(help.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
  });

  it('Ctrl+Z in a text field undoes the typing, not the stick', async () => {
    const el = await app();
    await goTo(el, 'System folder');
    await press(el, actionsOf(el), 'Photo');
    const line = statusLine(el);
    inShadow<HTMLInputElement>(actionsOf(el), 'input.folder-name').focus();
    await sendKeys({ type: 'pics' });
    await sendKeys({ press: 'Control+z' });
    await settled(el);
    expect(statusLine(el)).to.equal(line);
    expect(el.session!.undoSteps).to.equal(1);
  });

  it('shows a visible focus ring on the focused button', async () => {
    await app();
    const button = await tabTo('System folder');
    expect(getComputedStyle(button).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(button).outlineWidth)).to.be.at.least(2);
  });

  it('a failure is told in words and keeps the stick as it was', async () => {
    const el = await app();
    await goTo(el, 'My home');
    const before = statusLine(el);
    await press(el, actionsOf(el), 'Video');
    expect(announcement(el)).to.contain('There is no room left in home.img');
    expect(inShadow(el, 'cellar-announcer').hasAttribute('problem')).to.equal(true);
    expect(statusLine(el)).to.equal(before);
  });

  it('Stop saves the stick and hands it to the host', async () => {
    const el = await app();
    setTimeout(() => inShadow(toolbarOf(el), 'button.stop').click());
    const event = (await oneEvent(el, 'cellar-stop')) as CustomEvent<{ stick: { schema: string } }>;
    expect(event.detail.stick.schema).to.equal('cellar-stick/v2');
  });

  it('shows the usage plot, who spent my overlay, the chunk map and the terminal on the same session', async () => {
    const el = await app();
    el.act({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 20_000_000 });
    await settled(el);
    const map = inShadow(el, 'cellar-chunk-map') as HTMLElement & { ledger: unknown };
    const spenders = inShadow(el, 'cellar-overlay-spenders') as HTMLElement & { ledger: unknown };
    const plot = inShadow(el, 'cellar-usage-plot') as HTMLElement & { samples: unknown[] };
    expect(map.ledger).to.equal(el.session!.ledger);
    expect(spenders.ledger).to.equal(el.session!.ledger);
    expect(plot.samples).to.equal(el.session!.samples);
    expect(el.session!.ledger.spenders()[0]!.owner).to.equal('/root');
  });

  it('a line typed in the terminal that changes the stick is one undo step, like a click', async () => {
    const el = await app();
    const terminal = inShadow(el, 'cellar-terminal') as HTMLElement & { updateComplete: Promise<unknown> };
    const before = modelStatusLine(el);
    const field = inShadow<HTMLInputElement>(terminal, 'input');
    field.focus();
    await sendKeys({ type: 'dd if=/dev/zero of=/root/zeros bs=1M count=8' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(modelStatusLine(el)).not.to.equal(before);
    expect(statusLine(el)).to.equal(modelStatusLine(el));
    expect(announcement(el)).to.contain('dd if=/dev/zero');
    el.act({ type: 'undo' });
    await settled(el);
    expect(modelStatusLine(el)).to.equal(before);
  });

  it('switching the era makes the stick again for that era, and says so', async () => {
    const el = await app();
    const era = allInShadow<HTMLSelectElement>(toolbarOf(el), 'select')[1];
    era.value = 'soas-2012';
    era.dispatchEvent(new Event('change'));
    await settled(el);
    expect(el.session!.stick.era.id).to.equal('soas-2012');
    expect(el.session!.stick.dmsetupTable('live-rw')[0]).to.contain(' P 8');
    expect(announcement(el)).to.equal('A new stick is ready.');
    expect(era.value).to.equal('soas-2012');
  });

  it('the running clock lets time pass without adding undo steps', async () => {
    const el = await app();
    el.act({ type: 'set-clock-speed', msPerSecond: 3_600_000 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    el.act({ type: 'set-clock-speed', msPerSecond: 0 });
    expect(el.session!.stick.clockMs).to.be.at.least(3_600_000);
    expect(el.session!.samples.length).to.be.at.least(2);
    expect(el.session!.undoSteps).to.equal(0);
  });

  it('is accessible', async () => {
    const el = await app();
    await expect(el).to.be.accessible();
  });
});
