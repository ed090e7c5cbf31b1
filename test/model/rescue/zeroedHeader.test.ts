// Zeroing the overlay's header by hand in dracut's emergency shell, as a learner may after an overflow:
// the kernel then finds magic 0 and makes a new snapshot store (dm-snap-persistent.c, "no header → new"),
// so live-rw maps nothing and every read goes to the base image. The root filesystem must show that —
// the files that lived only in the old overlay are gone — as it does after Stick.resetOverlay.

import { describe, expect, it } from 'vitest';
import { RescueMachine } from '../../../src/model/rescue/RescueMachine';
import type { Stick } from '../../../src/model/stick/Stick';
import { bootedStick, MIB } from '../stick/makeStick';

const SECTOR = 512;

/** A 2012 stick whose 8 MiB overlay filled up (Invalid) after /root/notes.txt was saved on it. */
function overflowedStick(): Stick {
  const stick = bootedStick({ era: 'soas-2012', overlayMib: 8, homeMib: 16 });
  expect(stick.writeFile('/root/notes.txt', 1 * MIB).ok).toBe(true);
  expect(names(stick, '/root')).toContain('notes.txt');
  expect(stick.writeFile('/fill', 16 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
  return stick;
}

/** The learner's path: reboot into the emergency shell, dd one sector of zeros over the header, reboot. */
function zeroHeaderInEmergencyShell(stick: Stick): RescueMachine {
  expect(stick.reboot().ok).toBe(false);
  stick.shutdown();
  const shell = RescueMachine.emergencyShell(stick);
  if (!shell.ok) throw new Error(`no emergency shell: ${shell.error}`);
  const rescue = shell.value;
  expect(rescue.writeBytes(rescue.overlayPath!, 0, new Uint8Array(SECTOR)).ok).toBe(true);
  return rescue;
}

function names(stick: Stick, folder: string): string[] {
  const listed = stick.list(folder);
  if (!listed.ok) throw new Error(`${folder}: ${listed.error}`);
  return listed.value.map((e) => e.name);
}

describe("zeroing the overlay's header in the emergency shell", () => {
  it('boots a new store whose root is the base image: the old overlay files are gone', () => {
    const stick = overflowedStick();
    zeroHeaderInEmergencyShell(stick).unplug();
    const booted = stick.boot();
    expect(booted.ok).toBe(true);
    expect(booted.statusAtCreate).toBe('0 131072 snapshot 16/16384 16');
    expect(names(stick, '/root')).not.toContain('notes.txt');
    expect(stick.stat('/root/notes.txt')).toEqual({ ok: false, error: 'ENOENT' });
    expect(stick.stat('/fill')).toEqual({ ok: false, error: 'ENOENT' });
    expect(names(stick, '/')).not.toContain('fill');
  });

  it('shows the same root as resetOverlay does', () => {
    const byHand = overflowedStick();
    zeroHeaderInEmergencyShell(byHand).unplug();
    byHand.boot();
    const reset = overflowedStick();
    reset.shutdown();
    expect(reset.resetOverlay().ok).toBe(true);
    reset.boot();
    for (const folder of ['/', '/root', '/home/liveuser']) {
      expect(names(byHand, folder)).toEqual(names(reset, folder));
    }
    expect(byHand.usage().overlay).toEqual(reset.usage().overlay);
  });

  it('keeps the root a snapshot made in the emergency shell shows in step with its new store', () => {
    const stick = overflowedStick();
    const rescue = zeroHeaderInEmergencyShell(stick);
    expect(rescue.dm.remove('live-rw').ok).toBe(true);
    const created = rescue.dm.create('live-rw', '0 131072 snapshot 7:1 7:2 P 8', false);
    expect(created.ok).toBe(true);
    expect(rescue.mount('/dev/mapper/live-rw', '/sysroot').ok).toBe(true);
    const listed = rescue.list('/sysroot/root');
    expect(listed.ok && listed.value.map((e) => e.name)).not.toContain('notes.txt');
    expect(rescue.stat('/sysroot/fill')).toEqual({ ok: false, error: 'ENOENT' });
    expect(rescue.umount('/sysroot').ok).toBe(true);
    rescue.unplug();
    // The new store the snapshot made holds no exceptions either: the boot loads it, empty.
    expect(stick.boot().statusAtCreate).toBe('0 131072 snapshot 16/16384 16');
    expect(stick.stat('/root/notes.txt')).toEqual({ ok: false, error: 'ENOENT' });
  });

  it('does the same on another computer, for a stick of today (PO)', () => {
    const stick = bootedStick({ era: 'fedora-today', overlayMib: 8, homeMib: 16 });
    expect(stick.writeFile('/root/notes.txt', 1 * MIB).ok).toBe(true);
    stick.shutdown();
    const plugged = RescueMachine.plugIn(stick);
    if (!plugged.ok) throw new Error(`not plugged in: ${plugged.error}`);
    expect(plugged.value.writeBytes(plugged.value.overlayPath!, 0, new Uint8Array(SECTOR)).ok).toBe(true);
    plugged.value.unplug();
    expect(stick.boot().statusAtCreate).toBe('0 131072 snapshot 16/16384 16');
    expect(names(stick, '/root')).toEqual([]);
  });

  it('leaves a root whose store still holds its exceptions as the overlay holds it', () => {
    const stick = bootedStick({ era: 'soas-2012', overlayMib: 8, homeMib: 16 });
    expect(stick.writeFile('/root/notes.txt', 1 * MIB).ok).toBe(true);
    stick.reboot();
    expect(names(stick, '/root')).toContain('notes.txt');
  });

  it('takes no word from a transient snapshot mounted over the overlay: it never reads the store', () => {
    const stick = bootedStick({ era: 'soas-2012', overlayMib: 8, homeMib: 16 });
    expect(stick.writeFile('/root/notes.txt', 1 * MIB).ok).toBe(true);
    stick.shutdown();
    const plugged = RescueMachine.plugIn(stick);
    if (!plugged.ok) throw new Error(`not plugged in: ${plugged.error}`);
    const rescue = plugged.value;
    expect(rescue.mount('/media/LIVE/LiveOS/squashfs.img', '/mnt').ok).toBe(true);
    expect(rescue.attachLoop(1, '/mnt/LiveOS/ext3fs.img', true).ok).toBe(true);
    expect(rescue.attachLoop(2, rescue.overlayPath!, false).ok).toBe(true);
    expect(rescue.dm.create('look', '0 131072 snapshot 7:1 7:2 N 8', true).ok).toBe(true);
    rescue.mkdir('/root/look', true);
    expect(rescue.mount('/dev/mapper/look', '/root/look').ok).toBe(true);
    expect(rescue.umount('/root/look').ok).toBe(true);
    rescue.unplug();
    stick.boot();
    expect(names(stick, '/root')).toContain('notes.txt');
  });
});
