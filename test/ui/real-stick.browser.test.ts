// Real mode in Chromium, driven as a learner drives it: a paste read and explained (with its bad line
// named and the rest kept), "Mirror my stick" making a model with the same status total, a rebuilt overlay
// file read through the file chooser with its chunk map, and the real bridge process connected through its
// address, its next reading moving the live plot and measuring a prediction.

import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { CellarApp } from '../../src/ui/cellar-app.js';
import type { CellarChunkMap } from '../../src/ui/chunk-map/cellar-chunk-map';
import type { CellarOverlayGauge } from '../../src/ui/overlay-gauge/cellar-overlay-gauge';
import type { CellarRealStick } from '../../src/ui/real/cellar-real-stick';
import { allInShadow, buttonWithText, inShadow, SMALL_PLAN } from './uiFixtures';

async function realApp(): Promise<{ app: CellarApp; panel: CellarRealStick }> {
  const app = await fixture<CellarApp>(html`<cellar-app .plan=${SMALL_PLAN}></cellar-app>`);
  app.act({ type: 'set-mode', mode: 'real' });
  await app.updateComplete;
  return { app, panel: inShadow<CellarRealStick>(app, 'cellar-real-stick') };
}

/** Waits until `done` holds, re-rendering as it goes (bridge readings arrive on their own). */
async function until(done: () => boolean, what: string, timeoutMs = 6000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');
const readingText = (panel: CellarRealStick) => text(inShadow(panel, 'cellar-real-reading'));
const gauges = (panel: CellarRealStick) => allInShadow<CellarOverlayGauge>(panel, 'cellar-overlay-gauge');
const gaugeLine = (gauge: CellarOverlayGauge) => inShadow(gauge, 'code').textContent!;

async function paste(panel: CellarRealStick, pasted: string): Promise<void> {
  const box = inShadow(panel, 'cellar-real-paste');
  const area = inShadow<HTMLTextAreaElement>(box, 'textarea');
  area.value = pasted;
  area.dispatchEvent(new Event('input'));
  buttonWithText(box, 'Read it').click();
  await panel.updateComplete;
  for (const gauge of gauges(panel)) await gauge.updateComplete;
}

async function fixtureText(path: string): Promise<string> {
  return (await fetch(path)).text();
}

after(() => executeServerCommand('bridge-stop'));

describe('real mode', () => {
  it('reads a paste, says what each number means, names a bad line and keeps the rest, and mirrors it', async () => {
    const { app, panel } = await realApp();
    const today = await fixtureText('/test/fixtures/real/fedora-today-persistent.txt');
    await paste(panel, `${today}\nlive-rw: 0 16777216 snapshot banana\n`);

    const reading = readingText(panel);
    expect(reading).to.contain('Persistence is on');
    expect(reading).to.contain("Today's kind of overlay (PO)");
    expect(reading).to.contain('160640 sectors used out of 4194304');
    expect(reading).to.contain('640 of the used sectors');
    const badLine = today.split('\n').length + 1;
    expect(reading).to.contain(`Line ${badLine} could not be read`);
    expect(reading).to.contain('snapshot banana');
    expect(inShadow<HTMLTextAreaElement>(inShadow(panel, 'cellar-real-paste'), 'textarea').value).to.contain(
      'snapshot banana',
    );

    const [real, model] = gauges(panel);
    expect(gaugeLine(real!)).to.equal('live-rw: 0 16777216 snapshot 160640/4194304 640');
    buttonWithText(panel, 'Mirror my stick').click();
    await panel.updateComplete;
    await model!.updateComplete;
    const mirrored = /snapshot (\d+)\/(\d+) /.exec(gaugeLine(model!))!;
    expect(Number(mirrored[2])).to.equal(4194304);
    expect(Math.abs(Number(mirrored[1]) - 160640)).to.be.at.most(8);
    expect(app.session!.stick.era.id).to.equal('fedora-today');
  });

  it('after a mirror with home.img, the lessons that can say they start on your stick, and do', async () => {
    const { app, panel } = await realApp();
    await paste(panel, await fixtureText('/test/fixtures/real/soas-2012-persistent.txt'));
    buttonWithText(panel, 'Mirror my stick').click();
    app.act({ type: 'set-mode', mode: 'lessons' });
    await app.updateComplete;
    const list = inShadow(app, 'cellar-lesson-list');
    await (list as CellarRealStick).updateComplete;
    expect(allInShadow(list, '.yours')).to.have.length(6);
    buttonWithText(list, 'The overlay fills').click();
    await app.updateComplete;
    expect(app.session!.stick.usage().overlay.totalSectors).to.equal(409600);
  });

  it('reads a pasted probe report: the overlay header it read, and a sparse home.img’s real share', async () => {
    const { panel } = await realApp();
    await paste(panel, await fixtureText('/test/fixtures/real/probe-report-today.json'));
    const reading = readingText(panel);
    expect(reading).to.contain('header says it is a working overlay, in chunks of 8 sectors');
    expect(reading).to.contain('512 MiB, of which only 100 MiB is taken on the stick');
  });

  it('keeps the reading and the paste through a visit to the sandbox', async () => {
    const { app, panel } = await realApp();
    await paste(panel, await fixtureText('/test/fixtures/real/soas-2012-persistent.txt'));
    app.act({ type: 'set-mode', mode: 'sandbox' });
    await app.updateComplete;
    expect(inShadow(app, 'section.real').hidden).to.equal(true);
    app.act({ type: 'set-mode', mode: 'real' });
    await app.updateComplete;
    expect(inShadow(app, 'cellar-real-stick') === panel).to.equal(true);
    expect(readingText(panel)).to.contain('12056 sectors used out of 409600');
  });

  it('says what it cannot mirror, in words', async () => {
    const { panel } = await realApp();
    await paste(panel, await fixtureText('/test/fixtures/real/overlayfs-today.txt'));
    expect(readingText(panel)).to.contain('OverlayFS');
    buttonWithText(panel, 'Mirror my stick').click();
    await panel.updateComplete;
    expect(inShadow(panel, '[role="alert"]').textContent).to.contain('cannot copy it');
  });

  it('reads a rebuilt overlay file through the file chooser, with its chunk map', async () => {
    const { panel } = await realApp();
    const bytes = await (await fetch('/test/fixtures/real/overlay-d_full-P_2464_minus3.bin')).arrayBuffer();
    const file = new File([bytes], 'overlay-LIVE-1234', { type: 'application/octet-stream' });
    const input = inShadow<HTMLInputElement>(inShadow(panel, 'cellar-real-file'), 'input[type="file"]');
    const chosen = new DataTransfer();
    chosen.items.add(file);
    input.files = chosen.files;
    input.dispatchEvent(new Event('change'));
    // The bar shows while the file is read, and goes when it is done.
    const picker = inShadow(panel, 'cellar-real-file') as CellarRealStick;
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('progress') !== null).to.equal(true);
    await until(() => panel.shadowRoot!.querySelector('cellar-chunk-map') !== null, 'the chunk map');
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('progress') === null).to.equal(true);

    expect(readingText(panel)).to.contain('2440 sectors used out of 2464');
    expect(gaugeLine(gauges(panel)[0]!)).to.equal('live-rw: 0 … snapshot 2440/2464 24');
    const map = inShadow<CellarChunkMap>(panel, 'cellar-chunk-map');
    await map.updateComplete;
    expect(text(map)).to.contain('data chunks: 302');
  });

  it('reads an overlay file dropped on its zone; one the kernel marked invalid points to the rescue lesson', async () => {
    const { panel } = await realApp();
    const bytes = new Uint8Array(
      await (await fetch('/test/fixtures/real/overlay-d_full-P_2464_minus3.bin')).arrayBuffer(),
    );
    bytes[4] = 0; // the header's valid field: what the kernel writes when the overlay runs out (P)
    const dropped = new DataTransfer();
    dropped.items.add(new File([bytes], 'overlay-LIVE-1234'));
    const zone = inShadow(inShadow(panel, 'cellar-real-file'), '.zone');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    await until(() => panel.shadowRoot!.querySelector('cellar-real-reading') !== null, 'the reading');

    expect(readingText(panel)).to.contain('Invalid: this overlay filled up');
    expect(readingText(panel)).to.contain('Lesson 10');
    expect(gaugeLine(gauges(panel)[0]!)).to.equal('live-rw: 0 … snapshot Invalid');
  });

  it('tells a file that is no overlay in the learner’s words', async () => {
    const { panel } = await realApp();
    const picker = inShadow(panel, 'cellar-real-file') as HTMLElement & { read(file: File): Promise<void> };
    await picker.read(new File(['just some text, long enough to have a header'], 'notes.txt'));
    await (picker as unknown as CellarRealStick).updateComplete;
    expect(inShadow(picker, '[role="alert"]').textContent).to.contain('This is not an overlay file');
    expect(panel.shadowRoot!.querySelector('cellar-real-reading')).to.equal(null);
  });

  it('connects to the real bridge from its printed line, and plots and measures its next reading', async () => {
    const { panel } = await realApp();
    const { line } = await executeServerCommand<{ line: string }, unknown>('bridge-start', {
      outputs: {
        'dmsetup status': 'live-rw: 0 262144 snapshot 1000/32768 16\n',
        'dmsetup table': 'live-rw: 0 262144 snapshot 7:0 7:1 PO 8\n',
        'dmsetup ls': 'live-rw\t(253:0)\n',
        'losetup -a': '',
        'findmnt -J': '{"filesystems": []}\n',
      },
    });
    const bridge = inShadow(panel, 'cellar-real-bridge');
    const address = inShadow<HTMLInputElement>(bridge, 'input');
    address.value = 'not an address';
    address.dispatchEvent(new Event('input'));
    buttonWithText(bridge, 'Connect').click();
    await (bridge as CellarRealStick).updateComplete;
    expect(inShadow(bridge, '[role="alert"]').textContent).to.contain('not the address of a bridge');

    address.value = line;
    address.dispatchEvent(new Event('input'));
    buttonWithText(bridge, 'Connect').click();
    await until(() => panel.shadowRoot!.querySelector('cellar-usage-plot') !== null, 'the first reading');
    expect(readingText(panel)).to.contain('1000 sectors used out of 32768');

    buttonWithText(panel, 'Mirror my stick').click();
    await panel.updateComplete;
    const predict = inShadow(panel, 'cellar-real-predict');
    await (predict as CellarRealStick).updateComplete;
    buttonWithText(predict, 'Predict').click();
    await (predict as CellarRealStick).updateComplete;
    expect(buttonWithText(predict, 'Predicting').disabled).to.equal(true);
    await until(() => text(predict).includes('Cellar predicts'), 'the prediction');
    expect(text(predict)).to.match(/Cellar predicts: \d+ chunks/);
    expect(text(predict)).to.contain('sudo dd if=/dev/urandom');

    await executeServerCommand('bridge-set-output', {
      command: 'dmsetup status',
      stdout: 'live-rw: 0 262144 snapshot 21000/32768 56\n',
    });
    // Before the learner does anything, the stick has not changed since the prediction.
    expect(text(predict)).to.contain('Measured since the prediction: 0 chunks');
    await until(() => text(predict).includes('2500 chunks'), 'the measured change');
    expect(text(predict)).to.contain('Measured since the prediction: 2500 chunks (9.8 MiB)');
    buttonWithText(bridge, 'Disconnect').click();
  });
});
