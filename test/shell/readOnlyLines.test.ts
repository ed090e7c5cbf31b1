// Lines that only read (dmsetup status, losetup -a…) leave no undo step and no plot sample behind; the
// lines that change the stick still do.

import { describe, expect, it } from 'vitest';
import { sandboxSession, typeInto } from '../lessons/lessonHelpers';

describe('read-only terminal lines', () => {
  it.each(['dmsetup status', 'dmsetup table', 'dmsetup ls', 'dmsetup info', 'losetup -a', 'losetup'])(
    '%s: no undo step, no sample',
    (line) => {
      const session = sandboxSession();
      const samples = session.samples.length;
      expect(typeInto(session, line)).toBe(0);
      expect(session.undoSteps).toBe(0);
      expect(session.samples).toHaveLength(samples);
    },
  );

  it('a line that writes still makes an undo step and a sample', () => {
    const session = sandboxSession();
    const samples = session.samples.length;
    expect(typeInto(session, 'dd if=/dev/zero of=/root/f bs=1M count=4')).toBe(0);
    expect(session.undoSteps).toBe(1);
    expect(session.samples).toHaveLength(samples + 1);
  });
});
