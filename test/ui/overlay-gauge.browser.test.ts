// <cellar-overlay-gauge> in Chromium: the meter and the status line are the model's, and a broken
// overlay is told in words and by a sign, not by colour alone.

import { expect, fixture, html } from '@open-wc/testing';
import type { CellarOverlayGauge } from '../../src/ui/overlay-gauge/cellar-overlay-gauge';
import '../../src/ui/overlay-gauge/cellar-overlay-gauge';
import { allInShadow, inShadow, smallSession } from './uiFixtures';

async function gaugeFor(session = smallSession()) {
  const el = await fixture<CellarOverlayGauge>(
    html`<cellar-overlay-gauge .session=${session}></cellar-overlay-gauge>`,
  );
  return { el, session };
}

function liveRwLine(session: ReturnType<typeof smallSession>): string {
  return session.stick.dmsetupStatus().find((l) => l.startsWith('live-rw:'))!;
}

describe('<cellar-overlay-gauge>', () => {
  it('shows the exact dmsetup status line and the percentage the model gives', async () => {
    const { el, session } = await gaugeFor();
    expect(inShadow(el, 'code').textContent).to.equal(liveRwLine(session));
    const overlay = session.stick.usage().overlay;
    const percent = Math.floor((overlay.allocatedSectors / overlay.totalSectors) * 100);
    expect(inShadow(el, '[role="meter"]').getAttribute('aria-valuenow')).to.equal(String(percent));
  });

  it('follows a write to the overlay: the status line changes exactly as the model says', async () => {
    const { el, session } = await gaugeFor();
    const before = inShadow(el, 'code').textContent;
    session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    await el.updateComplete;
    const after = inShadow(el, 'code').textContent;
    expect(after).to.not.equal(before);
    expect(after).to.equal(liveRwLine(session));
    expect(Number(inShadow(el, '[role="meter"]').getAttribute('aria-valuenow'))).to.be.greaterThan(0);
  });

  it('says Overflow in words, with a sign, when today’s overlay is full', async () => {
    const { el, session } = await gaugeFor(smallSession({ overlayMib: 16 }));
    session.apply({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 30_000_000 });
    await el.updateComplete;
    const alarm = inShadow(el, '[role="alert"]');
    expect(alarm.textContent).to.contain('Overflow');
    expect(alarm.querySelector('.sign svg')).to.not.equal(null);
    expect(inShadow(el, 'code').textContent).to.contain('Overflow');
  });

  it('says Invalid in words, with a ✕ and a cracked bar, when a 2012 overlay is full', async () => {
    const { el, session } = await gaugeFor(smallSession({ era: 'soas-2012', overlayMib: 16 }));
    session.apply({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 30_000_000 });
    await el.updateComplete;
    expect(inShadow(el, '[role="alert"]').textContent).to.contain('Invalid');
    expect(inShadow(el, '.sign').textContent).to.contain('✕');
    const crack = allInShadow(el, 'svg path').find((p) => p.getAttribute('d')!.startsWith('M200 0 L185 12'));
    expect(crack).to.not.equal(undefined);
  });

  it('is accessible', async () => {
    const { el } = await gaugeFor();
    await expect(el).to.be.accessible();
  });
});
