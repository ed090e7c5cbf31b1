// Lesson 5 on a real session: on a stick without an overlay file, a photo in /tmp costs RAM only, one in
// the system folder costs the temporary overlay (in RAM), and a reboot forgets both; the explanations carry
// those numbers, and a photo in the wrong place or a line that is not reboot completes nothing.

import { describe, expect, it } from 'vitest';
import { ramFolders } from '../../lessons/ramFolders';
import { LessonRun } from '../../src/lessons/LessonRun';
import type { SessionChange } from '../../src/model/session/Session';
import { formatBytes } from '../../src/ui/format/sizes';
import { sandboxSession, typeInto } from './lessonHelpers';

const PHOTO = 3_000_000;

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(ramFolders, session)!;
  const save = (path: string) => session.apply({ type: 'write-file', path, sizeBytes: PHOTO });
  const typed: SessionChange[] = [];
  session.events.on('typed', (change) => typed.push(change));
  return { session, run, save, typed };
}

const overlayBytes = (usage: SessionChange['after']) => usage.overlay.allocatedSectors * 512;

describe('lesson 5: RAM folders', () => {
  it('starts on a stick with a temporary overlay and no home.img', () => {
    const { session } = started();
    const usage = session.stick.usage();
    expect(usage.overlay).toMatchObject({ kind: 'temporary', inRam: true, fileBytes: null });
    expect(usage.home).toBeNull();
  });

  it('is completed by a photo in /tmp, one in the system folder and a reboot, explained with the learner’s numbers', () => {
    const { session, run, save, typed } = started();
    const tmp = save('/tmp/photo.jpg');
    const ramGrowth = tmp.after.ram.tmpfsUsedBytes - tmp.before.ram.tmpfsUsedBytes;
    expect(ramGrowth).toBeGreaterThanOrEqual(PHOTO);
    expect(tmp.after.overlay.allocatedSectors).toBe(tmp.before.overlay.allocatedSectors);
    expect(run.view().explanation).toContain(
      `grew by ${formatBytes(ramGrowth)}, and the overlay by ${formatBytes(0)}`,
    );
    run.next();

    const system = save('/root/photo.jpg');
    const overlayGrowth = overlayBytes(system.after) - overlayBytes(system.before);
    expect(overlayGrowth).toBeGreaterThanOrEqual(PHOTO);
    expect(system.after.ram.temporaryOverlayBytes).toBe(overlayBytes(system.after));
    expect(run.view().explanation).toContain(`grew by ${formatBytes(overlayGrowth)}`);
    expect(run.view().explanation).toContain(`holds ${formatBytes(overlayBytes(system.after))} of RAM`);
    run.next();

    expect(typeInto(session, 'reboot')).toBe(0);
    const reboot = typed.at(-1)!;
    expect(session.stick.stat('/tmp/photo.jpg').ok).toBe(false);
    expect(session.stick.stat('/root/photo.jpg').ok).toBe(false);
    expect(overlayBytes(reboot.after)).toBeLessThan(overlayBytes(reboot.before));
    expect(run.view().explanation).toContain(
      `from ${formatBytes(reboot.before.ram.tmpfsUsedBytes)} to ${formatBytes(reboot.after.ram.tmpfsUsedBytes)}`,
    );
    expect(run.view().explanation).toContain(
      `from ${formatBytes(overlayBytes(reboot.before))} to ${formatBytes(overlayBytes(reboot.after))}`,
    );
    run.next();

    run.answer(2);
    expect(run.view().canGoOn).toBe(false);
    run.answer(0);
    expect(run.view().explanation).toContain(formatBytes(overlayBytes(session.stick.usage())));
    run.next();
    expect(run.complete).toBe(true);
  });

  it('does not take a photo in the system folder as /tmp’s, nor another line as the reboot', () => {
    const { session, run, save } = started();
    save('/root/photo.jpg');
    expect(run.view().canGoOn).toBe(false);
    save('/tmp/photo.jpg');
    run.next();
    save('/root/photo.jpg');
    run.next();
    typeInto(session, 'ls /tmp');
    expect(run.view().canGoOn).toBe(false);
    session.apply({ type: 'reboot' });
    expect(run.view().canGoOn).toBe(true);
  });

  it('takes reboot with an operand, which the shell runs all the same, as the reboot', () => {
    const { session, run, save } = started();
    save('/tmp/photo.jpg');
    run.next();
    save('/root/photo.jpg');
    run.next();
    expect(typeInto(session, 'reboot now')).toBe(0);
    expect(session.stick.stat('/tmp/photo.jpg').ok).toBe(false);
    expect(run.view().canGoOn).toBe(true);
  });
});
