// Lesson 1 on a real session: a photo saved in each of the four places grows only that place, the
// explanations carry the learner's own numbers, and a photo saved in the wrong place completes nothing.

import { describe, expect, it } from 'vitest';
import { meetYourStick } from '../../lessons/meetYourStick';
import { LessonRun } from '../../src/lessons/LessonRun';
import { formatBytes } from '../../src/ui/format/sizes';
import { sandboxSession } from './lessonHelpers';

const PHOTO = 3_000_000;

function started() {
  const session = sandboxSession();
  const run = LessonRun.start(meetYourStick, session)!;
  const save = (path: string) => session.apply({ type: 'write-file', path, sizeBytes: PHOTO });
  return { session, run, save };
}

describe('lesson 1: meet your stick', () => {
  it('is completed by a photo in each place, each explained with the learner’s numbers', () => {
    const { session, run, save } = started();
    const overlaySectors = session.stick.usage().overlay.allocatedSectors;
    save('/root/photo.jpg');
    const grown = (session.stick.usage().overlay.allocatedSectors - overlaySectors) * 512;
    expect(grown).toBeGreaterThanOrEqual(PHOTO);
    expect(run.view().explanation).toContain(`grew by ${formatBytes(grown)}`);
    expect(run.view().explanation).toContain(formatBytes(PHOTO));
    run.next();

    const home = save('/home/liveuser/photo.jpg');
    const homeGrowth = home.after.home!.usedBytes - home.before.home!.usedBytes;
    expect(homeGrowth).toBeGreaterThanOrEqual(PHOTO);
    expect(home.after.overlay.allocatedSectors).toBe(home.before.overlay.allocatedSectors);
    expect(run.view().explanation).toContain(
      `home.img grew by ${formatBytes(homeGrowth)} and the overlay by ${formatBytes(0)}`,
    );
    run.next();

    const ram = save('/tmp/photo.jpg');
    const ramGrowth = ram.after.ram.tmpfsUsedBytes - ram.before.ram.tmpfsUsedBytes;
    expect(ramGrowth).toBeGreaterThanOrEqual(PHOTO);
    expect(run.view().explanation).toContain(`RAM folders grew by ${formatBytes(ramGrowth)}`);
    run.next();

    const device = save('/mnt/live/photo.jpg');
    const deviceGrowth = device.after.device.usedBytes - device.before.device.usedBytes;
    expect(deviceGrowth).toBeGreaterThanOrEqual(PHOTO);
    expect(device.after.overlay.allocatedSectors).toBe(device.before.overlay.allocatedSectors);
    expect(run.view().explanation).toContain(`went down by ${formatBytes(deviceGrowth)}`);
    expect(run.view().explanation).toContain(formatBytes(session.stick.usage().device.freeBytes));
    run.next();

    run.answer(0); // the overlay: it keeps the photo
    expect(run.view().canGoOn).toBe(false);
    run.answer(2);
    expect(run.view().explanation).toContain(formatBytes(session.stick.usage().ram.tmpfsUsedBytes));
    run.next();
    expect(run.complete).toBe(true);
  });

  it('does not take a photo saved in home.img, or one that failed, as the system folder’s', () => {
    const { run, save } = started();
    save('/home/liveuser/photo.jpg');
    expect(run.view().canGoOn).toBe(false);
    save('/root/no-such-folder/photo.jpg'); // ENOENT: nothing saved
    expect(run.view().canGoOn).toBe(false);
    save('/root/photo.jpg');
    expect(run.view().canGoOn).toBe(true);
  });

  it('does not take a photo in the system folder as one in /tmp', () => {
    const { run, save } = started();
    save('/root/photo.jpg');
    run.next();
    save('/home/liveuser/photo.jpg');
    run.next();
    save('/root/photo-2.jpg');
    expect(run.view().canGoOn).toBe(false);
  });
});
