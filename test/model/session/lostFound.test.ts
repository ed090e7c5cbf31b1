// Found by the random-input run (test/e2e/randomInput.test.ts, seed 7): deleting /lost+found (root may, as
// on Linux) freed inode 11, and the next undo threw "Cellar could not restore its own saved stick: …
// usedInodeRuns leave out inodes mkfs reserves" — lost+found's inode is not one mkfs reserves for good.
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/model/session/Session';
import { Stick } from '../../../src/model/stick/Stick';
import { SMALL_PLAN } from '../../ui/uiFixtures';

function session(): Session {
  const made = Session.create(SMALL_PLAN);
  if (!made.ok) throw new Error(made.message);
  return made.session;
}

describe('a stick whose /lost+found was deleted', () => {
  it('saves and restores, and undo works across the deletion', () => {
    const s = session();
    expect(s.apply({ type: 'delete', path: '/lost+found' }).ok).toBe(true);
    expect(s.apply({ type: 'mkdir', path: '/root/after' }).ok).toBe(true);
    expect(() => s.undo()).not.toThrow();
    expect(() => s.undo()).not.toThrow();
    const listing = s.stick.list('/');
    expect(listing.ok && listing.value.some((entry) => entry.name === 'lost+found')).toBe(true);

    expect(s.apply({ type: 'delete', path: '/lost+found' }).ok).toBe(true);
    const restored = Stick.restore(s.stick.save());
    expect(restored.ok ? 'ok' : restored.message).toBe('ok');
  });
});
