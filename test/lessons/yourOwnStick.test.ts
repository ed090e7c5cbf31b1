// Lesson 12 on a real session: the recorded lines are the kernel lab's own, the questions complete on the
// right answer only, and the last step compares the learner's `dmsetup status` with the recorded one.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECORDED_INVALID, RECORDED_STATUS, yourOwnStick } from '../../lessons/yourOwnStick';
import { LessonRun } from '../../src/lessons/LessonRun';
import { sandboxSession, typeInto } from './lessonHelpers';

const MIB = 1024 * 1024;

describe('lesson 12, your own stick', () => {
  it('shows lines the kernel lab recorded from a real stick', () => {
    const lab = JSON.parse(readFileSync('test/fixtures/kernel/b_overflow_P.json', 'utf8')) as {
      steps: { name: string; status: string | null }[];
    };
    const status = (name: string) => lab.steps.find((s) => s.name === name)!.status;
    expect(status('write_keep4M')).toBe(RECORDED_STATUS);
    expect(status('overflow_write')).toBe(RECORDED_INVALID);
  });

  it('is completed by the right answers and a dmsetup status typed on the learner’s stick', () => {
    const session = sandboxSession();
    const run = LessonRun.start(yourOwnStick, session)!;
    expect(run.view().instruction).toContain(RECORDED_STATUS);

    expect(run.view().choices).toEqual(['262144', '10392', '32768', '56']);
    run.answer(2); // the total, not the used sectors
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    expect(run.view().explanation).toMatch(/^10392 sectors are used out of 32768/);
    run.next();

    expect(run.view().choices).toEqual(['5.1 MiB', '16 MiB', '32 KiB']);
    run.answer(1);
    expect(run.view().explanation).toContain('32768 × 512 = 16777216 bytes, which is 16 MiB');
    run.next();

    run.answer(0);
    expect(run.view().canGoOn).toBe(false);
    run.answer(1);
    expect(run.view().explanation).toContain('about 32: 32 % used, 11 MiB still free');
    run.next();

    expect(run.view().instruction).toContain(RECORDED_INVALID);
    run.answer(1);
    expect(run.view().explanation).toContain('Invalid');
    run.next();

    session.apply({ type: 'write-file', path: '/root/photo.bin', sizeBytes: 3 * MIB });
    typeInto(session, 'dmsetup table'); // another dmsetup question
    expect(run.view().canGoOn).toBe(false);
    typeInto(session, 'dmsetup status');
    const { allocatedSectors, totalSectors, metadataSectors } = session.stick.usage().overlay;
    expect(run.view().explanation).toContain(
      `Your stick: ${allocatedSectors} of ${totalSectors} sectors used, ${Math.floor((100 * allocatedSectors) / totalSectors)} % of 300 MiB, and ${metadataSectors} of them`,
    );
    run.next();
    expect(run.complete).toBe(true);
  });
});
