// A file a program keeps open (auditd's log) on the running stick: written with keepOpen, closed with
// closeFile, wherever it lives; what a learner may get wrong is an outcome, never an exception.

import { describe, expect, it } from 'vitest';
import { applyStickOp } from '../../../src/model/clock/stickOps';
import { bootedStick, KIB } from './makeStick';

describe('a file kept open for writing', () => {
  it('is closed once on the root, and on home.img; a second close is EINVAL', () => {
    const stick = bootedStick();
    for (const path of ['/etc/daemon.log', '/home/liveuser/daemon.log']) {
      expect(stick.appendFile(path, 100 * KIB, { keepOpen: true }).ok).toBe(true);
      expect(stick.closeFile(path).ok).toBe(true);
      expect(stick.closeFile(path)).toMatchObject({ ok: false, error: 'EINVAL' });
    }
  });

  it('closes as done in a RAM folder, where being open keeps nothing', () => {
    const stick = bootedStick();
    expect(stick.appendFile('/tmp/daemon.log', 10 * KIB, { keepOpen: true }).ok).toBe(true);
    expect(stick.closeFile('/tmp/daemon.log').ok).toBe(true);
  });

  it('gives ENOENT, EISDIR and EINVAL for a missing file, a folder and a file never kept open', () => {
    const stick = bootedStick();
    expect(stick.closeFile('/etc/nothing-here')).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(stick.closeFile('/etc')).toMatchObject({ ok: false, error: 'EISDIR' });
    expect(stick.writeFile('/etc/plain.log', 10).ok).toBe(true);
    expect(stick.closeFile('/etc/plain.log')).toMatchObject({ ok: false, error: 'EINVAL' });
  });

  it('is forgotten at reboot, when every program has ended', () => {
    const stick = bootedStick();
    stick.appendFile('/home/liveuser/daemon.log', 10 * KIB, { keepOpen: true });
    stick.reboot();
    expect(stick.closeFile('/home/liveuser/daemon.log')).toMatchObject({ ok: false, error: 'EINVAL' });
  });

  it('comes from the operations the quiet writers describe', () => {
    const stick = bootedStick();
    const write = {
      op: 'write',
      path: '/etc/daemon.log',
      bytes: 10 * KIB,
      how: 'append',
      keepOpen: true,
    } as const;
    expect(applyStickOp(stick, write).map((o) => o.ok)).toEqual([true]);
    expect(applyStickOp(stick, { op: 'close', path: '/etc/daemon.log' }).map((o) => o.ok)).toEqual([true]);
  });
});
