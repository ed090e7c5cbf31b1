// Lesson 10 on a real session: the learner overflows the overlay, then types the wiki's recovery line by
// line; each step completes on its own line with the exit code the real tool gives, each explanation
// carries the stick's numbers, and lines that miss (wrong flags, the wrong tool, a check that fails)
// complete nothing.

import { describe, expect, it } from 'vitest';
import { RESCUE_LINES as L, rescuePractice } from '../../lessons/rescuePractice';
import { LessonRun } from '../../src/lessons/LessonRun';
import type { Session } from '../../src/model/session/Session';
import { sandboxSession, typeInto } from './lessonHelpers';

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(rescuePractice, session)!;
  expect(run).not.toBeNull();
  return { session, run };
}

/** Types a line and checks its exit code. */
function step(session: Session, line: string, exitCode: number) {
  expect(typeInto(session, line), line).toBe(exitCode);
}

describe('lesson 10, rescue practice', () => {
  it('takes the learner through the whole recovery to a stick that boots with twice the overlay', () => {
    const { session, run } = started();
    const startUsage = session.stick.usage().overlay;
    expect(startUsage.state).toBe('Valid');

    typeInto(session, 'dmsetup status');
    expect(run.view().canGoOn).toBe(false);
    step(session, L.fill, 1); // dd: Input/output error
    expect(run.view().explanation).toContain(`all its ${startUsage.totalSectors} sectors (16 MiB)`);
    expect(run.view().explanation).toContain('Invalid');
    run.next();

    step(session, 'dmsetup status', 0); // not poweroff
    expect(run.view().canGoOn).toBe(false);
    step(session, L.poweroff, 0);
    expect(run.view().explanation).toContain('16 MiB');
    run.next();

    step(session, L.mkdir, 0);
    step(session, L.mount, 0);
    expect(run.view().canGoOn).toBe(false);
    step(session, L.base, 0);
    const squashfs = session.stick.usage().device.images.squashfsBytes;
    expect(run.view().explanation).toContain(`${Math.round(squashfs / 2 ** 20)} MiB`);
    run.next();

    step(session, L.size, 0);
    expect(run.view().explanation).toContain('8388608 sectors of 512 bytes: 4.0 GiB');
    run.next();

    step(session, L.validByte, 0);
    expect(run.view().explanation).toContain('byte 4');
    run.next();

    // Zeros written over the start of the file, not appended: the file does not grow.
    step(
      session,
      'dd if=/dev/zero of=/media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19 bs=1 count=1 seek=5 conv=notrunc',
      0,
    );
    expect(run.view().canGoOn).toBe(false);
    step(session, L.grow, 0);
    expect(run.view().explanation).toContain(
      'from 16 MiB to 32 MiB: 16 MiB of zeros, room for 4096 new chunks',
    );
    run.next();

    step(session, L.overlay, 0);
    step(session, L.create, 0);
    expect(run.view().explanation).toContain(
      '8388608 sectors of system; the system on 7:1 (loop1), the changes on 7:2',
    );
    run.next();

    step(session, 'e2fsck -n /dev/mapper/rescue', 4); // only asks
    step(session, 'e2fsck -f -y /dev/mapper/live-rw', 8); // no such device here
    expect(run.view().canGoOn).toBe(false);
    step(session, L.repair, 1);
    expect(run.view().explanation).toContain('ended with 1');
    run.next();

    step(session, L.check, 0);
    expect(run.view().explanation).toMatch(/^0 this time/);
    run.next();

    step(session, L.remove, 0);
    expect(run.view().canGoOn).toBe(false);
    step(session, L.reboot, 0);
    const after = session.stick.usage().overlay;
    expect(after.state).toBe('Valid');
    expect(after.totalSectors).toBe(2 * startUsage.totalSectors);
    expect(run.view().explanation).toContain(
      `has ${after.totalSectors} sectors now, where it had ${startUsage.totalSectors}, and ${after.allocatedSectors} of them`,
    );
    expect(session.stick.stat('/root/keep.bin').ok).toBe(true);
    run.next();
    expect(run.complete).toBe(true);
  });

  it('a repair tried on the running stick exits 8 and completes nothing', () => {
    const { session, run } = started();
    step(session, 'e2fsck -f -y /dev/mapper/live-rw', 8); // mounted: cannot continue
    expect(run.view().canGoOn).toBe(false);
    expect(session.stick.usage().overlay.state).toBe('Valid');
  });

  it('every step’s last hint is one of the lines the learner above types', () => {
    for (const s of rescuePractice.steps) {
      const last = s.hints.at(-1)!();
      expect(last).toMatch(/^Type exactly: /);
      expect(Object.values(L)).toContain(last.slice('Type exactly: '.length));
    }
  });
});
