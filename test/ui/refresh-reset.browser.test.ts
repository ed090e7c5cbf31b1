// <cellar-refresh-reset> in Chromium: the window explains both with the stick's own numbers; a refresh is
// sent at once, a reset only after "Yes" (the focus waits on "No, keep them"); the keyboard alone does it;
// a stick with no overlay file offers neither; targets are 44 px; axe finds nothing.

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CellarIntent } from '../../src/ui/cellarCommand';
import type { CellarRefreshReset } from '../../src/ui/refresh-reset/cellar-refresh-reset';
import '../../src/ui/refresh-reset/cellar-refresh-reset';
import { formatBytes } from '../../src/ui/format/sizes';
import { allInShadow, buttonWithText, inShadow, smallSession } from './uiFixtures';

const MIB = 1024 * 1024;

async function opened(overlayMib = 32) {
  const session = smallSession({ overlayMib });
  session.apply({ type: 'write-file', path: '/root/update.bin', sizeBytes: 4 * MIB });
  const el = await fixture<CellarRefreshReset>(
    html`<cellar-refresh-reset .session=${session}></cellar-refresh-reset>`,
  );
  const sent: CellarIntent[] = [];
  el.addEventListener('cellar-command', (e) => sent.push(e.detail));
  buttonWithText(el, 'Refresh or reset…').click();
  await el.updateComplete;
  return { el, session, sent, dialog: inShadow<HTMLDialogElement>(el, 'dialog') };
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const focusedText = (el: CellarRefreshReset) => el.shadowRoot!.activeElement?.textContent?.trim();

describe('<cellar-refresh-reset>', () => {
  it('explains both with the overlay’s use, squashfs.img’s size and the free space', async () => {
    const { el, session, dialog } = await opened();
    expect(dialog.open).to.equal(true);
    const { overlay, device } = session.stick.usage();
    expect(text(el)).to.contain(
      `The overlay holds ${formatBytes(overlay.allocatedSectors * 512)} of changes`,
    );
    expect(text(el)).to.contain(`(now ${formatBytes(device.images.squashfsBytes)})`);
    expect(text(el)).to.contain(`${formatBytes(device.freeBytes)} is free`);
    expect(text(el)).to.contain('--reset-overlay');
  });

  it('sends refresh-stick at once and closes', async () => {
    const { el, sent, dialog } = await opened();
    buttonWithText(el, 'Refresh the stick').click();
    expect(sent).to.deep.equal([{ type: 'refresh-stick' }]);
    expect(dialog.open).to.equal(false);
  });

  it('asks before a reset: "No" sends nothing, "Yes" sends reset-overlay', async () => {
    const { el, sent, dialog } = await opened();
    buttonWithText(el, 'Reset the overlay…').click();
    await el.updateComplete;
    expect(text(el)).to.match(/The \d+(\.\d)? MiB of changes in the overlay will be lost/);
    expect(focusedText(el)).to.equal('No, keep them');
    buttonWithText(el, 'No, keep them').click();
    await el.updateComplete;
    expect(sent).to.deep.equal([]);
    expect(dialog.open).to.equal(true);
    expect(focusedText(el)).to.equal('Refresh the stick');

    buttonWithText(el, 'Reset the overlay…').click();
    await el.updateComplete;
    buttonWithText(el, 'Yes, forget the changes').click();
    expect(sent).to.deep.equal([{ type: 'reset-overlay' }]);
    expect(dialog.open).to.equal(false);
  });

  it('works with the keyboard alone; Escape leaves without a change, and opens afresh', async () => {
    const { el, sent, dialog } = await opened();
    buttonWithText(el, 'Reset the overlay…').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Enter' }); // on "No, keep them"
    await el.updateComplete;
    expect(sent).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    await el.show();
    expect(text(el)).not.to.contain('will be lost');
    buttonWithText(el, 'Reset the overlay…').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    expect(sent).to.deep.equal([{ type: 'reset-overlay' }]);
  });

  it('on a stick with no overlay file, says why there is nothing to refresh or reset', async () => {
    const { el } = await opened(0);
    expect(text(el)).to.contain('This stick has no overlay file');
    expect(allInShadow(el, 'button').map((b) => b.textContent!.trim())).to.deep.equal([
      'Refresh or reset…',
      'Cancel',
    ]);
  });

  it('has 44 px targets and passes axe, asking or not', async () => {
    const { el } = await opened();
    for (const button of allInShadow(el, 'button'))
      expect(button.getBoundingClientRect().height, button.textContent!).to.be.at.least(44);
    await expect(el).to.be.accessible();
    buttonWithText(el, 'Reset the overlay…').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
