// The live region's sentences for real changes made on a session: what was done, then what it cost.

import { expect } from '@open-wc/testing';
import { describeChange } from '../../src/ui/announcer/describeChange';
import { failureText } from '../../src/ui/announcer/failureText';
import { mirrorPlan } from '../../src/real/mirror';
import { pasted } from '../helpers/realSticks';
import { smallSession } from './uiFixtures';

describe('describeChange', () => {
  it('a write in the root: the overlay grew, by how much and to what percentage', () => {
    const session = smallSession();
    const change = session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    const percent = Math.floor(
      (change.after.overlay.allocatedSectors / change.after.overlay.totalSectors) * 100,
    );
    expect(describeChange(change)).to.equal(`Saved photo.jpg. The overlay grew by 2.9 MiB, to ${percent} %.`);
  });

  it('a delete in the root: nothing comes back', () => {
    const session = smallSession();
    session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    const change = session.apply({ type: 'delete', path: '/root/photo.jpg' });
    expect(describeChange(change)).to.match(
      /^Deleted photo\.jpg\.( The overlay grew by \d+ KiB, to \d+ %\.| Nothing else changed\.)$/,
    );
  });

  it('a full overlay today: the sentence names Overflow and the reason', () => {
    const session = smallSession({ overlayMib: 16 });
    const change = session.apply({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 30_000_000 });
    const text = describeChange(change);
    expect(text).to.contain('Could not save video.ogv.');
    expect(text).to.contain('The overlay is full: dmsetup says Overflow.');
    expect(text).to.contain(failureText(change));
    expect(failureText(change)).to.match(/overlay is full|read-only/);
  });

  it('no room in home.img: the sentence names the store that is full', () => {
    const session = smallSession();
    const change = session.apply({
      type: 'write-file',
      path: '/home/liveuser/v.ogv',
      sizeBytes: 200_000_000,
    });
    expect(describeChange(change)).to.contain('There is no room left in home.img.');
  });

  it('nothing to undo says so', () => {
    expect(describeChange(smallSession().undo())).to.equal('There is nothing to undo.');
  });

  it('a reboot empties the RAM folders', () => {
    const session = smallSession();
    session.apply({ type: 'write-file', path: '/tmp/scratch', sizeBytes: 5_000_000 });
    expect(describeChange(session.apply({ type: 'reboot' }))).to.match(
      /^Rebooted\..*RAM folders: 4\.8 MiB emptied\./,
    );
  });

  it('a refresh: the overlay back to 0 %, and the stick’s free space that squashfs.img took', () => {
    const session = smallSession();
    session.apply({ type: 'write-file', path: '/root/update.bin', sizeBytes: 10 * 1024 * 1024 });
    expect(describeChange(session.apply({ type: 'refresh-stick' }))).to.match(
      /^Refreshed: .* The overlay went back to 0 %\. The stick's free space shrank by \d+(\.\d)? MiB\.$/,
    );
  });

  it('a refused refresh of an Invalid overlay says why, not that a save failed', () => {
    const session = smallSession({ era: 'soas-2012', capacityBytes: 1024 * 1024 * 1024, overlayMib: 16 });
    session.apply({ type: 'write-file', path: '/root/fill.bin', sizeBytes: 20 * 1024 * 1024 });
    const text = describeChange(session.apply({ type: 'refresh-stick' }));
    expect(text).to.match(/^The stick was not refreshed\. /);
    expect(text).to.contain('The overlay is Invalid: its changes cannot be read');
    expect(text).not.to.contain('could not save');
  });

  it('a reset on a stick with no overlay file says there is none', () => {
    const text = describeChange(smallSession({ overlayMib: 0 }).apply({ type: 'reset-overlay' }));
    expect(text).to.match(/^The overlay was not reset\. .*This stick has no overlay file/);
  });

  it('a refresh with no room for the new squashfs.img says what stayed as it was', () => {
    const session = smallSession();
    session.apply({ type: 'write-file', path: '/root/update.bin', sizeBytes: 10 * 1024 * 1024 });
    const free = session.stick.usage().device.freeBytes;
    session.apply({
      type: 'write-file',
      path: '/run/initramfs/live/fill.bin',
      sizeBytes: free - 1024 * 1024,
    });
    expect(describeChange(session.apply({ type: 'refresh-stick' }))).to.match(
      /^The stick was not refreshed\. .*does not fit in the stick’s free space: squashfs\.img and the overlay are as they were\.$/,
    );
  });

  it('a mirrored stick: ready, with its overlay’s use, and no comparison with the stick before', () => {
    const mirrored = mirrorPlan(pasted('0 262144 snapshot 10392/32768 56', '0 262144 snapshot 7:1 7:2 PO 8'));
    if (!mirrored.ok) throw new Error(mirrored.reason);
    const { plan, usedSectors, state } = mirrored;
    const change = smallSession().apply({ type: 'mirror-stick', plan, usedSectors, state });
    expect(describeChange(change)).to.equal('A stick like yours is ready: its overlay is 31 % used.');
  });

  it('a mirrored stick whose overlay has overflowed says so', () => {
    const mirrored = mirrorPlan(pasted('0 262144 snapshot Overflow', '0 262144 snapshot 7:1 7:2 PO 8'));
    if (!mirrored.ok) throw new Error(mirrored.reason);
    const { plan, usedSectors, state } = mirrored;
    const change = smallSession().apply({ type: 'mirror-stick', plan, usedSectors, state });
    expect(describeChange(change)).to.equal(
      'A stick like yours is ready: its overlay is full (Overflow), as yours is.',
    );
  });

  it('a mirror the model refuses says so, without the installer’s advice', () => {
    const mirrored = mirrorPlan(pasted('0 262144 snapshot 10392/32768 56', '0 262144 snapshot 7:1 7:2 PO 8'));
    if (!mirrored.ok) throw new Error(mirrored.reason);
    const { plan, usedSectors, state } = mirrored;
    const change = smallSession().apply({
      type: 'mirror-stick',
      plan: { ...plan, capacityBytes: 20_000_000 },
      usedSectors,
      state,
    });
    expect(describeChange(change)).to.equal('Cellar cannot make a model of your stick from this reading.');
  });
});
