// The model support the terminal added: Stick.list (ls on the running stick) and the rescue
// machine's own rules (plugged in only while the stick is off; the overlay grows on the stick).

import { describe, expect, it } from 'vitest';
import { RescueMachine } from '../../src/model/rescue/RescueMachine';
import { bootedStick, makeStick, MIB } from '../model/stick/makeStick';

describe('Stick.list', () => {
  it('lists a folder of the filesystem that owns it, with the mount points below it as folders', () => {
    const stick = bootedStick();
    stick.writeFile('/tmp/a.txt', 10);
    const root = stick.list('/');
    expect(root.ok && root.value.map((e) => e.name)).toEqual(
      expect.arrayContaining(['home', 'mnt', 'tmp', 'usr']),
    );
    expect(stick.list('/tmp')).toEqual({
      ok: true,
      value: [{ name: 'a.txt', kind: 'file', sizeBytes: 10 }],
    });
    const live = stick.list('/mnt/live/LiveOS');
    expect(live.ok && live.value.map((e) => e.name)).toContain('squashfs.img');
  });

  it('answers ENOENT, ENOTDIR and ENODEV (stick off) as ls needs them', () => {
    const stick = bootedStick();
    stick.writeFile('/tmp/a.txt', 10);
    expect(stick.list('/nope')).toEqual({ ok: false, error: 'ENOENT' });
    expect(stick.list('/tmp/a.txt')).toEqual({ ok: false, error: 'ENOTDIR' });
    stick.shutdown();
    expect(stick.list('/')).toEqual({ ok: false, error: 'ENODEV' });
  });
});

describe('RescueMachine', () => {
  it('takes only a stick that is off', () => {
    expect(RescueMachine.plugIn(bootedStick())).toEqual({ ok: false, error: 'EBUSY' });
    expect(RescueMachine.plugIn(makeStick()).ok).toBe(true);
  });

  it('grows the overlay file on the stick and its COW together when dd appends', () => {
    const stick = makeStick({ overlayMib: 8 });
    const plugged = RescueMachine.plugIn(stick);
    if (!plugged.ok) throw new Error('not plugged');
    const rescue = plugged.value;
    const usedBefore = stick.usage().device.usedBytes;
    expect(rescue.write(rescue.overlayPath!, 8 * MIB, 'append').ok).toBe(true);
    expect(stick.overlayFile!.sizeSectors).toBe((16 * MIB) / 512);
    expect(stick.usage().device.usedBytes - usedBefore).toBe(8 * MIB);
  });

  it('refuses to shrink the overlay, and keeps files held by a loop device', () => {
    const plugged = RescueMachine.plugIn(makeStick());
    if (!plugged.ok) throw new Error('not plugged');
    const rescue = plugged.value;
    expect(rescue.write(rescue.overlayPath!, 4, 'truncate')).toEqual({ ok: false, error: 'EINVAL' });
    expect(rescue.attachLoop(null, rescue.overlayPath!, false).ok).toBe(true);
    expect(rescue.remove(rescue.overlayPath!, false)).toEqual({ ok: false, error: 'EBUSY' });
  });
});
