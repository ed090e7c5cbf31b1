// The session's refresh-stick and reset-overlay: the stick is shut down, changed and booted again; a
// refresh keeps the changes in a bigger squashfs.img, a reset forgets them; both are undone exactly, and
// a refusal answers the model's code with the stick running again, unchanged.

import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/model/session/Session';
import type { StickPlan } from '../../../src/model/stick/stickPlan';

import { smallSession as newSession } from '../../ui/uiFixtures';

const MIB = 1024 * 1024;

/** A session with a 10 MiB file in the root (in the overlay) and a small one in /home. */
function changedSession(plan: Partial<StickPlan> = {}): Session {
  const session = newSession(plan);
  session.apply({ type: 'write-file', path: '/root/update.bin', sizeBytes: 10 * MIB });
  session.apply({ type: 'write-file', path: '/home/liveuser/story.txt', sizeBytes: 4096 });
  return session;
}

const exists = (session: Session, path: string) => session.stick.stat(path).ok;

describe('refresh-stick', () => {
  it('folds the overlay into a bigger squashfs.img and boots a fresh overlay, the files all there', () => {
    const session = changedSession();
    const change = session.apply({ type: 'refresh-stick' });
    expect(change.ok).toBe(true);
    expect(session.stick.power).toBe('running');
    expect(change.before.overlay.allocatedSectors).toBeGreaterThan(20_000);
    expect(change.after.overlay.allocatedSectors).toBeLessThan(100);
    const grew = change.after.device.images.squashfsBytes - change.before.device.images.squashfsBytes;
    expect(grew).toBeGreaterThan(0);
    expect(change.costs.deviceBytes).toBe(change.after.device.usedBytes - change.before.device.usedBytes);
    expect(exists(session, '/root/update.bin')).toBe(true);
    expect(exists(session, '/home/liveuser/story.txt')).toBe(true);
  });

  it('is undone exactly: the old squashfs.img, the full overlay, the same saved document', () => {
    const session = changedSession();
    const before = session.stick.save();
    const steps = session.undoSteps;
    session.apply({ type: 'refresh-stick' });
    expect(session.undoSteps).toBe(steps + 1);
    session.undo();
    expect(session.stick.save()).toEqual(before);
  });

  it('without room for the new squashfs.img answers ENOSPC and keeps the overlay as it was', () => {
    const session = changedSession();
    const free = session.stick.usage().device.freeBytes;
    session.apply({ type: 'write-file', path: '/run/initramfs/live/fill.bin', sizeBytes: free - MIB });
    const change = session.apply({ type: 'refresh-stick' });
    expect(change).toMatchObject({ ok: false, error: 'ENOSPC' });
    expect(change.after.overlay.allocatedSectors).toBe(change.before.overlay.allocatedSectors);
    expect(change.after.device.images).toEqual(change.before.device.images);
    expect(session.stick.power).toBe('running');
  });

  it('an Invalid overlay (2012) cannot be read: EIO, squashfs.img unchanged', () => {
    const session = newSession({ era: 'soas-2012', capacityBytes: 1024 * MIB, overlayMib: 16 });
    session.apply({ type: 'write-file', path: '/root/fill.bin', sizeBytes: 20 * MIB });
    expect(session.stick.usage().overlay.state).toBe('Invalid');
    const change = session.apply({ type: 'refresh-stick' });
    expect(change).toMatchObject({ ok: false, error: 'EIO' });
    expect(change.after.device.images).toEqual(change.before.device.images);
  });
});

describe('reset-overlay', () => {
  it('forgets the overlay’s changes and keeps home.img’s', () => {
    const session = changedSession();
    const change = session.apply({ type: 'reset-overlay' });
    expect(change.ok).toBe(true);
    expect(change.after.overlay.allocatedSectors).toBeLessThan(100);
    expect(change.after.device.images.squashfsBytes).toBe(change.before.device.images.squashfsBytes);
    expect(exists(session, '/root/update.bin')).toBe(false);
    expect(exists(session, '/home/liveuser/story.txt')).toBe(true);
  });

  it('is undone exactly: the forgotten file is back', () => {
    const session = changedSession();
    const before = session.stick.save();
    session.apply({ type: 'reset-overlay' });
    session.undo();
    expect(session.stick.save()).toEqual(before);
    expect(exists(session, '/root/update.bin')).toBe(true);
  });

  it('brings an Invalid overlay (2012) back to an empty, Valid one', () => {
    const session = newSession({ era: 'soas-2012', capacityBytes: 1024 * MIB, overlayMib: 16 });
    session.apply({ type: 'write-file', path: '/root/fill.bin', sizeBytes: 20 * MIB });
    const change = session.apply({ type: 'reset-overlay' });
    expect(change.ok).toBe(true);
    expect(change.after.overlay.state).toBe('Valid');
    expect(session.stick.power).toBe('running');
  });
});

describe('a stick with no overlay file (a temporary overlay in RAM)', () => {
  it.each(['refresh-stick', 'reset-overlay'] as const)(
    '%s answers ENOENT and the stick runs again',
    (type) => {
      const session = newSession({ overlayMib: 0 });
      const change = session.apply({ type });
      expect(change).toMatchObject({ ok: false, error: 'ENOENT' });
      expect(session.stick.power).toBe('running');
    },
  );
});
