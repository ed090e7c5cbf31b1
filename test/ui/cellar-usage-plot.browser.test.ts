// <cellar-usage-plot> in a real browser: one line per store the stick has, each with its own dash pattern
// and end label, and the latest figures in words.
import { expect, fixture, html } from '@open-wc/testing';
import { usageSample, type UsageSample } from '../../src/model/stick/usageSample.js';
import { formatBytes, percentOf } from '../../src/ui/format/sizes.js';
import { CellarUsagePlot } from '../../src/ui/usage-plot/cellar-usage-plot.js';
import { DEFAULT_SANDBOX, sandboxPlan } from '../../src/model/session/sandboxPlan.js';
import { Stick } from '../../src/model/stick/Stick.js';
import { bootedStick, MIB } from '../model/stick/makeStick.js';

function samplesOf(homeMib: number | null): UsageSample[] {
  const stick = bootedStick({ homeMib });
  const samples = [usageSample(stick, 0)];
  for (const [path, bytes] of [
    ['/var/log/messages', 2 * MIB],
    ['/tmp/scratch', 5 * MIB],
    ['/home/liveuser/notes', 3 * MIB],
  ] as const) {
    stick.advance(60_000);
    stick.writeFile(path, bytes);
    samples.push(usageSample(stick, samples.length));
  }
  return samples;
}

async function plotOf(samples: UsageSample[]): Promise<CellarUsagePlot> {
  return fixture<CellarUsagePlot>(html`<cellar-usage-plot .samples=${samples}></cellar-usage-plot>`);
}

describe('<cellar-usage-plot>', () => {
  it('keeps a label far above the crowd at the bottom by its own line, inside the plot', async () => {
    // The wiki's 1 GB stick: its images fill the stick to 95 %, overlay, home.img and RAM are near 0 %.
    const planned = sandboxPlan(DEFAULT_SANDBOX);
    if (!planned.ok) throw new Error(planned.message);
    const made = Stick.create(planned.plan);
    if (!made.ok) throw new Error(made.message);
    made.stick.boot();
    const el = await plotOf([usageSample(made.stick, 0), usageSample(made.stick, 1)]);
    const labels = [...el.shadowRoot!.querySelectorAll<SVGTextElement>('.end-label')];
    const stick = labels.find((t) => t.textContent!.trim().startsWith('stick'))!;
    const line = el.shadowRoot!.querySelector('path[data-store="device"]')!.getAttribute('d')!;
    const lineY = Number(line.trim().split(/[ VH]/).at(-1));
    expect(Math.abs(Number(stick.getAttribute('y')) - 4 - lineY)).to.be.below(1);
    for (const label of labels) expect(Number(label.getAttribute('y'))).to.be.at.least(10);
  });

  it('draws a line per store: overlay, home.img, RAM and the stick, each with its own dashes', async () => {
    const el = await plotOf(samplesOf(64));
    const paths = [...el.shadowRoot!.querySelectorAll('path.series')];
    expect(paths.map((p) => p.getAttribute('data-store'))).to.deep.equal([
      'overlay',
      'home',
      'ram',
      'device',
    ]);
    const dashes = paths.map((p) => p.getAttribute('stroke-dasharray') ?? 'solid');
    expect(new Set(dashes).size).to.equal(4);
    for (const path of paths) expect(path.getAttribute('d')!.split(/[MHV]/).length).to.be.greaterThan(4);
    const labels = [...el.shadowRoot!.querySelectorAll('.end-label')].map((t) => t.textContent!.trim());
    expect(labels.some((l) => l.startsWith('overlay'))).to.equal(true);
    expect(labels).to.have.length(4);
  });

  it('leaves out home.img on a stick without one and says so', async () => {
    const samples = samplesOf(null);
    const el = await plotOf(samples);
    const stores = [...el.shadowRoot!.querySelectorAll('path.series')].map((p) =>
      p.getAttribute('data-store'),
    );
    expect(stores).to.deep.equal(['overlay', 'ram', 'device']);
    expect(el.shadowRoot!.querySelector('li[data-store="home"]')!.textContent).to.contain(
      'none on this stick',
    );
    const overlay = el.shadowRoot!.querySelector('li[data-store="overlay"]')!.textContent!;
    expect(overlay).to.contain('of 32 MiB');
  });

  it('spreads clicks that took no simulated time over the learner steps', async () => {
    const stick = bootedStick({ homeMib: 64 });
    const samples = [usageSample(stick, 0)];
    for (const name of ['a', 'b', 'c']) {
      stick.writeFile(`/root/${name}`, 2 * MIB);
      samples.push(usageSample(stick, samples.length));
    }
    const el = await plotOf(samples);
    const axis = [...el.shadowRoot!.querySelectorAll('.axis text')].map((t) => t.textContent!.trim());
    expect(axis).to.include('step 3');
    expect(axis.some((t) => t.startsWith('your steps'))).to.equal(true);
    const overlay = el.shadowRoot!.querySelector('path.series[data-store="overlay"]')!.getAttribute('d')!;
    const xs = new Set([...overlay.matchAll(/[MH](\d+(?:\.\d+)?)/g)].map((m) => m[1]));
    expect(xs.size).to.equal(4);
  });

  it('numbers the steps as the samples do, so a thinned or resumed history is not renumbered', async () => {
    const stick = bootedStick({ homeMib: 64 });
    const samples = [0, 2, 4].map((step) => usageSample(stick, step));
    const el = await plotOf(samples);
    const axis = [...el.shadowRoot!.querySelectorAll('.axis text')].map((t) => t.textContent!.trim());
    expect(axis).to.include('step 4');
  });

  it("prints each store's figures as the gauge does: the percentage rounded down, sizes alike", async () => {
    const stick = bootedStick({ homeMib: 64 });
    const [used, total] = [Math.round(30.7 * MIB), 64 * MIB];
    const sample = { ...usageSample(stick, 0), overlayUsedBytes: used, overlayTotalBytes: total };
    const el = await plotOf([sample]);
    const labels = [...el.shadowRoot!.querySelectorAll('.end-label')].map((t) => t.textContent!.trim());
    expect(labels).to.include(`overlay ${percentOf(used, total)} %`);
    expect(labels).to.include('overlay 47 %');
    const legend = el.shadowRoot!.querySelector('li[data-store="overlay"]')!.textContent!;
    expect(legend).to.contain(`${formatBytes(used)} of ${formatBytes(total)}`);
    expect(legend).to.contain('31 MiB of 64 MiB');
  });

  it('says when there is nothing to draw yet', async () => {
    const el = await plotOf([]);
    expect(el.shadowRoot!.textContent).to.contain('Nothing measured yet.');
  });

  it('is accessible', async () => {
    const el = await plotOf(samplesOf(64));
    await expect(el).to.be.accessible();
  });
});
