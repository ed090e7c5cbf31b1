// axe on the whole app and on each view as the app shows it, in the states the views' own tests do not
// reach: a stick in use (the usage plot with samples, who spent the overlay, a chunk map with chunks),
// an overlay that ran out (the announcer's problem), the terminal in dracut's emergency shell with
// output, the three dialogs open (the reset's question too), and real mode with a reading, a line it could
// not read, a mirror and an overlay file's chunk map.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CellarApp } from '../../src/ui/cellar-app.js';
import type { CellarRefreshReset } from '../../src/ui/refresh-reset/cellar-refresh-reset';
import type { CellarTerminal } from '../../src/ui/terminal/cellar-terminal';
import { inShadow } from './uiFixtures';

const MIB = 1024 * 1024;
const VIEWS = [
  'cellar-toolbar',
  'cellar-announcer',
  'cellar-stick-picture',
  'cellar-overlay-gauge',
  'cellar-usage-plot',
  'cellar-overlay-spenders',
  'cellar-files',
  'cellar-chunk-map',
  'cellar-terminal',
] as const;

/** The 2012 sandbox stick, shrunk so it fills in a few steps: 1 GB stick, 32 MiB overlay, 16 MiB home. */
async function app(): Promise<CellarApp> {
  const el = await fixture<CellarApp>(
    html`<cellar-app
      .plan=${{ era: 'soas-2012', capacityBytes: 1_000_000_000, overlayMib: 32, homeMib: 16 }}
    ></cellar-app>`,
  );
  await el.updateComplete;
  return el;
}

async function settled(el: CellarApp): Promise<void> {
  await el.updateComplete;
  for (const tag of VIEWS)
    await (inShadow(el, tag) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** Writes, installs and lets days pass: every view has something to show. */
async function inUse(el: CellarApp): Promise<void> {
  el.act({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 8 * MIB });
  el.act({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: 3 * MIB });
  el.act({ type: 'install-activity', name: 'Maze' });
  el.act({ type: 'advance', ms: 24 * 3600 * 1000 });
  el.act({ type: 'write-file', path: '/tmp/scratch.bin', sizeBytes: 2 * MIB });
  await settled(el);
}

async function typeLine(el: CellarApp, line: string): Promise<void> {
  const terminal = inShadow<CellarTerminal>(el, 'cellar-terminal');
  inShadow<HTMLInputElement>(terminal, 'input').focus();
  await sendKeys({ type: line });
  await sendKeys({ press: 'Enter' });
  await settled(el);
}

describe('accessibility of the app and each view in it (axe)', () => {
  it('a stick in use: the app and every view', async function () {
    this.timeout(60_000);
    const el = await app();
    await inUse(el);
    expect(el.session!.samples.length).to.be.at.least(3);
    expect(el.session!.ledger.save()).to.not.deep.equal(null);
    await expect(el).to.be.accessible();
    for (const tag of VIEWS) await expect(inShadow(el, tag)).to.be.accessible();
  });

  it('an overlay that ran out: Invalid, the problem announced, the terminal in the emergency shell', async function () {
    this.timeout(60_000);
    const el = await app();
    await inUse(el);
    const status = () => el.session!.stick.dmsetupStatus().find((l) => l.startsWith('live-rw:'))!;
    for (let i = 0; i < 6 && !status().endsWith('Invalid'); i++) {
      el.act({ type: 'write-file', path: `/root/video-${i}.ogv`, sizeBytes: 8 * MIB });
    }
    await settled(el);
    expect(el.session!.stick.dmsetupStatus().find((l) => l.startsWith('live-rw:'))).to.match(/Invalid$/);
    expect(inShadow(el, 'cellar-announcer').hasAttribute('problem')).to.equal(true);
    await typeLine(el, 'dmsetup status');
    await typeLine(el, 'reboot');
    const terminal = inShadow<CellarTerminal>(el, 'cellar-terminal');
    expect(inShadow(terminal, '.prompt').textContent).to.equal('dracut:/# ');
    await expect(el).to.be.accessible();
    for (const tag of VIEWS) await expect(inShadow(el, tag)).to.be.accessible();
  });

  it('the help dialog open', async function () {
    this.timeout(60_000);
    const el = await app();
    el.act({ type: 'open-help' });
    await settled(el);
    const dialog = inShadow(inShadow(el, 'cellar-shortcuts-dialog'), 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    dialog.close();
  });

  it('the new-stick dialog open', async function () {
    this.timeout(60_000);
    const el = await app();
    el.act({ type: 'open-sandbox-setup' });
    await settled(el);
    const dialog = inShadow(inShadow(el, 'cellar-sandbox-setup'), 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    dialog.close();
  });

  it('the refresh-or-reset window open, asking before a reset', async function () {
    this.timeout(60_000);
    const el = await app();
    const control = inShadow(el, 'cellar-refresh-reset') as CellarRefreshReset;
    await control.show();
    inShadow<HTMLButtonElement>(control, 'section:last-of-type button').click();
    await control.updateComplete;
    const dialog = inShadow(control, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(inShadow(control, '.confirm').textContent).to.contain('will be lost');
    await expect(el).to.be.accessible();
    dialog.close();
  });

  it('real mode: a paste read with a bad line, mirrored, then an overlay file with its chunk map', async function () {
    this.timeout(60_000);
    const el = await app();
    el.act({ type: 'set-mode', mode: 'real' });
    await settled(el);
    const panel = inShadow(el, 'cellar-real-stick');
    const box = inShadow(panel, 'cellar-real-paste');
    const area = inShadow<HTMLTextAreaElement>(box, 'textarea');
    area.value = `${await (await fetch('/test/fixtures/real/soas-2012-persistent.txt')).text()}\nnot a line\n`;
    area.dispatchEvent(new Event('input'));
    inShadow<HTMLButtonElement>(box, 'button').click();
    await (panel as CellarApp).updateComplete;
    inShadow<HTMLButtonElement>(panel, '.mirror button').click();
    await settled(el);
    const file = inShadow(panel, 'cellar-real-file') as HTMLElement & { read(file: File): Promise<void> };
    const bytes = await (await fetch('/test/fixtures/real/overlay-d_full-P_2464_minus3.bin')).arrayBuffer();
    await file.read(new File([bytes], 'overlay-LIVE-1234'));
    await (panel as CellarApp).updateComplete;
    expect(panel.shadowRoot!.querySelector('cellar-chunk-map')).to.not.equal(null);
    await expect(el).to.be.accessible();
    for (const tag of ['cellar-real-stick', 'cellar-real-reading', 'cellar-real-file', 'cellar-real-bridge'])
      await expect(inShadow(tag === 'cellar-real-stick' ? el : panel, tag)).to.be.accessible();
  });
});
