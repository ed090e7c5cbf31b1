// <cellar-stick-picture> in Chromium: the parts of the stick are drawn to scale and named with their
// sizes in words and numbers; RAM is beside the stick.

import { expect, fixture, html } from '@open-wc/testing';
import type { CellarStickPicture } from '../../src/ui/stick-picture/cellar-stick-picture';
import '../../src/ui/stick-picture/cellar-stick-picture';
import { formatBytes, percentOf } from '../../src/ui/format/sizes';
import { allInShadow, inShadow, smallSession } from './uiFixtures';

async function pictureFor(session = smallSession()) {
  const el = await fixture<CellarStickPicture>(
    html`<cellar-stick-picture .session=${session}></cellar-stick-picture>`,
  );
  return { el, session };
}

function legendLine(el: CellarStickPicture, name: string): string {
  const line = allInShadow(el, 'li').find((li) => li.querySelector('b')!.textContent!.startsWith(name));
  if (!line) throw new Error(`no legend line for ${name}`);
  return line.textContent!.replace(/\s+/g, ' ');
}

describe('<cellar-stick-picture>', () => {
  it('names every part with its size, as the model gives it', async () => {
    const { el, session } = await pictureFor();
    const usage = session.stick.usage();
    expect(legendLine(el, 'squashfs.img')).to.contain(formatBytes(usage.device.images.squashfsBytes));
    expect(legendLine(el, 'overlay')).to.contain(`of ${formatBytes(usage.device.taken.overlayBytes)}`);
    // home.img: the room df sees (what the usage plot reads too), in the file the stick holds.
    expect(legendLine(el, 'home.img')).to.contain(
      `of ${formatBytes(usage.home!.sizeBytes)} (0 %), in a ${formatBytes(usage.home!.fileBytes)} file`,
    );
    expect(legendLine(el, 'free space')).to.contain(formatBytes(usage.device.freeBytes));
    expect(legendLine(el, 'RAM folders')).to.contain('gone at reboot');
  });

  it('draws the parts to scale: widths in proportion to their bytes', async () => {
    const { el, session } = await pictureFor();
    const usage = session.stick.usage();
    const widths = allInShadow<SVGRectElement>(el, 'svg[role="img"] rect[stroke-width="1"]').map((r) =>
      Number(r.getAttribute('width')),
    );
    const squashfsShare = usage.device.images.squashfsBytes / usage.device.capacityBytes;
    expect(widths.some((w) => Math.abs(w / 700 - squashfsShare) < 0.001)).to.equal(true);
  });

  it('shows a home.img file filling up in words', async () => {
    const { el, session } = await pictureFor();
    session.apply({ type: 'write-file', path: '/home/liveuser/video.ogv', sizeBytes: 30_000_000 });
    await el.updateComplete;
    const home = session.stick.usage().home!;
    expect(legendLine(el, 'home.img')).to.contain(`(${percentOf(home.usedBytes, home.sizeBytes)} %)`);
  });

  it('a stick without an overlay file shows the temporary overlay in RAM, not on the stick', async () => {
    const { el, session } = await pictureFor(smallSession({ overlayMib: null }));
    session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    await el.updateComplete;
    expect(allInShadow(el, 'li b').map((b) => b.textContent)).to.not.include('overlay');
    const ramFills = allInShadow(el, 'svg[role="img"] rect').filter(
      (r) => r.getAttribute('fill') === 'url(#cellar-stripes)',
    );
    expect(ramFills).to.have.length(1);
    expect(Number(ramFills[0].getAttribute('width'))).to.be.greaterThan(0);
  });

  it('describes the whole picture for screen readers', async () => {
    const { el } = await pictureFor();
    expect(inShadow(el, 'svg[role="img"]').getAttribute('aria-label')).to.match(
      /^The stick, to scale: .*RAM beside it/,
    );
  });

  it('is accessible', async () => {
    const { el } = await pictureFor();
    await expect(el).to.be.accessible();
  });
});
