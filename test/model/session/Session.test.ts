// The session: commands answer the model's outcome, undo goes back exactly (status line, files, clock),
// reset goes back to the stick as made, failures keep the state and answer a learner's sentence.

import { describe, expect, it } from 'vitest';
import { Session, type SessionChange } from '../../../src/model/session/Session';
import { Stick } from '../../../src/model/stick/Stick';

import { SMALL_PLAN, smallSession as newSession } from '../../ui/uiFixtures';

const MIB = 1024 * 1024;

function statusLine(session: Session): string | null {
  return session.stick.usage().overlay.statusLine;
}

function names(session: Session, folder: string): string[] {
  const listed = session.stick.list(folder);
  return listed.ok ? listed.value.map((e) => e.name) : [];
}

describe('commands', () => {
  it('a file written in the root costs overlay chunks, exactly as the model measured', () => {
    const session = newSession();
    const change = session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    expect(change.ok).toBe(true);
    expect(change.costs.overlayChunks).toBeGreaterThan(700);
    const grew = change.after.overlay.allocatedSectors - change.before.overlay.allocatedSectors;
    expect(grew).toBe(change.costs.overlayChunks * 8);
    expect(names(session, '/root')).toEqual(['photo.jpg']);
  });

  it('a file written in /home costs home.img, not the overlay', () => {
    const session = newSession();
    const change = session.apply({
      type: 'write-file',
      path: '/home/liveuser/photo.jpg',
      sizeBytes: 3_000_000,
    });
    expect(change.costs.overlayChunks).toBe(0);
    expect(change.costs.homeBytes).toBeGreaterThanOrEqual(3_000_000);
  });

  it('a reboot empties /tmp and keeps /home', () => {
    const session = newSession();
    session.apply({ type: 'write-file', path: '/tmp/scratch', sizeBytes: 1_000_000 });
    session.apply({ type: 'write-file', path: '/home/liveuser/keep', sizeBytes: 1_000_000 });
    session.apply({ type: 'reboot' });
    expect(names(session, '/tmp')).toEqual([]);
    expect(names(session, '/home/liveuser')).toContain('keep');
  });

  it('moving a file from the overlay to /home copies it and deletes it (the chunks stay spent)', () => {
    const session = newSession();
    session.apply({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 2_000_000 });
    const spent = session.stick.usage().overlay.allocatedSectors;
    const change = session.apply({
      type: 'move',
      fromPath: '/root/video.ogv',
      toPath: '/home/liveuser/video.ogv',
    });
    expect(change.ok).toBe(true);
    expect(names(session, '/home/liveuser')).toContain('video.ogv');
    expect(names(session, '/root')).toEqual([]);
    expect(session.stick.usage().overlay.allocatedSectors).toBeGreaterThanOrEqual(spent);
  });

  it('Sugar: an Activity and a Journal entry go to home.img when there is one', () => {
    const session = newSession();
    const installed = session.apply({ type: 'install-activity', name: 'Maze' });
    expect(installed.ok).toBe(true);
    expect(installed.costs.overlayChunks).toBe(0);
    expect(installed.costs.homeBytes).toBeGreaterThan(3_000_000);
    expect(names(session, '/home/liveuser/Activities')).toEqual(['Maze.activity']);
    expect(
      session.apply({ type: 'save-journal-entry', title: 'My drawing' }).costs.homeBytes,
    ).toBeGreaterThan(0);
    expect(session.apply({ type: 'remove-activity', name: 'Maze' }).ok).toBe(true);
    expect(names(session, '/home/liveuser/Activities')).toEqual([]);
  });

  it('a folder moved to RAM costs RAM from then on, and is empty after a reboot', () => {
    const session = newSession();
    expect(session.apply({ type: 'move-to-ram', folder: '/var/log/audit' }).ok).toBe(true);
    const change = session.apply({
      type: 'write-file',
      path: '/var/log/audit/big.log',
      sizeBytes: 2_000_000,
    });
    expect(change.costs.overlayChunks).toBe(0);
    expect(change.costs.ramBytes).toBeGreaterThanOrEqual(2_000_000);
    session.apply({ type: 'reboot' });
    expect(names(session, '/var/log/audit')).toEqual([]);
  });

  it('fast-forwarding a day lets the background programs write to the overlay', () => {
    const session = newSession();
    const change = session.apply({ type: 'advance', ms: 24 * 3600 * 1000 });
    expect(change.ok).toBe(true);
    expect(change.costs.overlayChunks).toBeGreaterThan(0);
    expect(session.stick.clockMs).toBeGreaterThanOrEqual(24 * 3600 * 1000);
  });

  it('records one usage sample per command, at the simulated time', () => {
    const session = newSession();
    session.apply({ type: 'advance', ms: 60_000 });
    session.apply({ type: 'write-file', path: '/root/a', sizeBytes: 1_000_000 });
    expect(session.samples).toHaveLength(3);
    expect(session.samples[1].timeMs).toBeGreaterThanOrEqual(60_000);
    expect(session.samples[2].overlayUsedBytes).toBeGreaterThan(session.samples[1].overlayUsedBytes);
  });

  it('sends changed after each command', () => {
    const session = newSession();
    const heard: SessionChange[] = [];
    session.events.on('changed', (c) => heard.push(c));
    session.apply({ type: 'mkdir', path: '/root/pictures' });
    session.undo();
    expect(heard.map((c) => c.action.type)).toEqual(['mkdir', 'undo']);
  });
});

describe('undo', () => {
  it('brings back the exact earlier state, step by step: status line, files and saved document', () => {
    const session = newSession();
    const states = [JSON.stringify(session.stick.save())];
    const lines = [statusLine(session)];
    session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    states.push(JSON.stringify(session.stick.save()));
    lines.push(statusLine(session));
    session.apply({ type: 'delete', path: '/root/photo.jpg' });
    session.apply({ type: 'mkdir', path: '/root/more' });
    expect(session.undoSteps).toBe(3);

    session.undo();
    session.undo();
    expect(statusLine(session)).toBe(lines[1]);
    expect(names(session, '/root')).toEqual(['photo.jpg']);
    expect(session.stick.save()).toEqual(JSON.parse(states[1]));
    session.undo();
    expect(statusLine(session)).toBe(lines[0]);
    expect(names(session, '/root')).toEqual([]);
    expect(session.stick.save()).toEqual(JSON.parse(states[0]));
  });

  it('with nothing left to undo, says so and changes nothing', () => {
    const session = newSession();
    const change = session.undo();
    expect(change.ok).toBe(false);
    expect(change.error).toBe('nothing-to-undo');
  });

  it('takes back the samples and the clock too', () => {
    const session = newSession();
    session.apply({ type: 'advance', ms: 3_600_000 });
    session.undo();
    expect(session.samples).toHaveLength(1);
    expect(session.stick.clockMs).toBe(0);
  });
});

describe('reset', () => {
  it('goes back to the stick as made, and undo takes the reset back', () => {
    const session = newSession();
    const made = statusLine(session);
    session.apply({ type: 'write-file', path: '/root/a', sizeBytes: 2_000_000 });
    const written = statusLine(session);
    session.reset();
    expect(statusLine(session)).toBe(made);
    expect(names(session, '/root')).toEqual([]);
    session.undo();
    expect(statusLine(session)).toBe(written);
  });

  it('a new stick starts a new history, and reset returns to it', () => {
    const session = newSession();
    session.apply({ type: 'write-file', path: '/root/a', sizeBytes: 2_000_000 });
    const change = session.apply({ type: 'new-stick', plan: { ...SMALL_PLAN, era: 'soas-2012' } });
    expect(change.ok).toBe(true);
    expect(session.stick.era.id).toBe('soas-2012');
    expect(session.undoSteps).toBe(0);
    session.apply({ type: 'mkdir', path: '/root/b' });
    session.reset();
    expect(names(session, '/root')).toEqual([]);
  });
});

describe('failures', () => {
  it('deleting a missing file answers its code, keeps the state and adds no undo step', () => {
    const session = newSession();
    const before = JSON.stringify(session.stick.save());
    const change = session.apply({ type: 'delete', path: '/root/nothing-here' });
    expect(change.ok).toBe(false);
    expect(change.error).toBe('ENOENT');
    expect(change.store).toBe('overlay');
    expect(session.stick.save()).toEqual(JSON.parse(before));
    expect(session.undoSteps).toBe(0);
  });

  it('a file too big for home.img says where there is no room', () => {
    const session = newSession();
    const change = session.apply({
      type: 'write-file',
      path: '/home/liveuser/video.ogv',
      sizeBytes: 200_000_000,
    });
    expect(change.error).toBe('ENOSPC');
    expect(change.store).toBe('home');
  });

  it('filling the overlay ends in Overflow today, and undo brings the overlay back', () => {
    const session = newSession({ base: undefined, overlayMib: 16 });
    const fresh = statusLine(session);
    const change = session.apply({ type: 'write-file', path: '/root/video.ogv', sizeBytes: 30_000_000 });
    expect(change.ok).toBe(false);
    expect(['EIO', 'EROFS']).toContain(change.error);
    expect(statusLine(session)).toContain('Overflow');
    session.undo();
    expect(statusLine(session)).toBe(fresh);
  });

  it('a plan the model refuses leaves the stick as it was', () => {
    const session = newSession();
    const line = statusLine(session);
    const change = session.apply({ type: 'new-stick', plan: { ...SMALL_PLAN, overlayMib: 5000 } });
    expect(change).toMatchObject({ ok: false, error: 'refused' });
    expect(change.message).toMatch(/vfat/);
    expect(statusLine(session)).toBe(line);
  });
});

describe('mode', () => {
  it('starts in the sandbox and switches', () => {
    const session = newSession();
    expect(session.mode).toBe('sandbox');
    session.setMode('lessons');
    expect(session.mode).toBe('lessons');
  });
});

describe('the running clock', () => {
  it('ticks add samples and cost what the background programs write, without undo steps', () => {
    const session = newSession();
    session.apply({ type: 'mkdir', path: '/root/a' });
    const change = session.tick(6 * 3600 * 1000);
    expect(change.action.type).toBe('tick');
    expect(change.costs.overlayChunks).toBeGreaterThan(0);
    expect(session.undoSteps).toBe(1);
    expect(session.samples).toHaveLength(3);
  });
});

describe('fast-forward failures', () => {
  it('a background program that cannot find its folder is not the learner’s failure', () => {
    // The small base image has no /usr/lib, where the weekly update writes.
    const session = newSession();
    const change = session.apply({ type: 'advance', ms: 8 * 24 * 3600 * 1000 });
    expect(change.ok).toBe(true);
  });

  it('a week that fills the overlay says so', () => {
    const session = newSession({ overlayMib: 4 });
    const change = session.apply({ type: 'advance', ms: 8 * 24 * 3600 * 1000 });
    expect(change.ok).toBe(false);
    expect(['EIO', 'EROFS', 'ENOSPC']).toContain(change.error);
    expect(session.stick.usage().overlay.state).toBe('Overflow');
  });
});

describe('the overlay ledger', () => {
  const chunksOf = (session: Session, owner: string) =>
    session.ledger.spenders().find((s) => s.owner === owner)?.chunks ?? 0;

  it('follows the stick: a file in /root is charged to /root, as many chunks as it cost in data', () => {
    const session = newSession();
    const change = session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    expect(chunksOf(session, '/root')).toBeGreaterThan(700);
    expect(chunksOf(session, '/root')).toBeLessThanOrEqual(change.costs.overlayChunks);
    expect(session.ledger.count).toBe(
      (session.stick.usage().overlay.allocatedSectors - session.stick.usage().overlay.metadataSectors) / 8,
    );
  });

  it('undo gives back the owners as they were, not "earlier"', () => {
    const session = newSession();
    session.apply({ type: 'write-file', path: '/root/a.bin', sizeBytes: 2 * MIB });
    const owners = session.ledger.spenders();
    session.apply({ type: 'write-file', path: '/var/log/b.log', sizeBytes: 2 * MIB });
    expect(chunksOf(session, '/var/log')).toBeGreaterThan(400);
    session.undo();
    expect(session.ledger.spenders()).toEqual(owners);
    expect(chunksOf(session, 'earlier')).toBe(0);
  });

  it('a resumed session keeps the owners it was saved with', () => {
    const session = newSession();
    session.apply({ type: 'write-file', path: '/root/a.bin', sizeBytes: 2 * MIB });
    const owners = session.ledger.spenders();
    const restored = Stick.restore(JSON.parse(JSON.stringify(session.stick.save())));
    if (!restored.ok) throw new Error(restored.message);
    const resumed = Session.resume(restored.stick, 'sandbox', { ledger: session.ledger.save() });
    expect(resumed.ledger.spenders()).toEqual(owners);
    expect(resumed.mode).toBe('sandbox');
  });

  it('a resumed session draws on from the samples it was saved with, numbered on', () => {
    const session = newSession();
    session.apply({ type: 'mkdir', path: '/root/a' });
    session.apply({ type: 'write-file', path: '/root/a/b.bin', sizeBytes: 2 * MIB });
    const saved = JSON.parse(JSON.stringify({ stick: session.stick.save(), samples: session.samples }));
    const restored = Stick.restore(saved.stick);
    if (!restored.ok) throw new Error(restored.message);
    const resumed = Session.resume(restored.stick, 'sandbox', { samples: saved.samples });
    expect(resumed.samples).toEqual(session.samples);
    resumed.apply({ type: 'mkdir', path: '/root/c' });
    expect(resumed.samples.map((s) => s.step)).toEqual([0, 1, 2, 3]);
  });
});
