// "Predict, then measure": every action predicts a sensible overlay cost on a mirrored 2012 and today
// stick, on a copy (the learner's session is untouched), and measureChange gives the real difference
// between two readings, or null when there is none to give.

import { actionInSugar } from '../../src/ui/real/realActionTexts';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/model/session/Session';
import { parseStatusLine } from '../../src/real/dmsetupParse';
import {
  measureChange,
  predictOnMirror,
  REAL_ACTIONS,
  type RealActionId,
} from '../../src/real/predictAction';
import type { RealStick } from '../../src/real/realStick';
import { mirrored, pasted, planned, stick2012, stickToday } from '../helpers/realSticks';

/** 10 MB in sectors. */
const TEN_MB_SECTORS = 10_000_000 / 512;
const MIB_SECTORS = 2048;

function withoutHome(real: RealStick): RealStick {
  return { ...real, homeImage: null, files: real.files.filter((f) => !f.path.endsWith('home.img')) };
}

const STICKS = [
  ['2012', stick2012],
  ['today', stickToday],
] as const;

describe.each(STICKS)('predictions on a mirrored %s stick', (_, real) => {
  const session = mirrored(planned(real()));
  const predict = (id: RealActionId) => predictOnMirror(session, id)!;

  it('copying 10 MB into / costs 10 MB and a little for the journal and metadata', () => {
    const p = predict('copy-into-root');
    expect(p.deltaSectors).toBeGreaterThanOrEqual(TEN_MB_SECTORS);
    expect(p.deltaSectors).toBeLessThan(TEN_MB_SECTORS * 1.03);
    expect(p).toMatchObject({ state: 'Valid', error: null });
    expect(p.afterSectors - p.beforeSectors).toBe(p.deltaSectors);
    expect(p.beforeSectors).toBe(session.stick.usage().overlay.allocatedSectors);
  });

  it('deleting that file costs a little and never frees', () => {
    const p = predict('delete-copied-file');
    expect(p.deltaSectors).toBeGreaterThanOrEqual(0);
    expect(p.deltaSectors).toBeLessThan(MIB_SECTORS);
    // The file was made first on the copy: the reading before the delete holds it.
    expect(p.beforeSectors).toBeGreaterThan(session.stick.usage().overlay.allocatedSectors + TEN_MB_SECTORS);
  });

  it('a reboot costs little: the chunks the boot rewrites were copied before', () => {
    const p = predict('reboot');
    expect(p).toMatchObject({ state: 'Valid', error: null });
    expect(p.deltaSectors).toBeGreaterThanOrEqual(0);
    expect(p.deltaSectors).toBeLessThan(MIB_SECTORS);
  });

  it('an hour running costs the background programs’ writes, under a few MiB', () => {
    const p = predict('leave-running-hour');
    expect(p.deltaSectors).toBeGreaterThan(0);
    expect(p.deltaSectors).toBeLessThan(4 * MIB_SECTORS);
  });

  it.each(['copy-into-home', 'install-activity', 'save-journal-entry'] as const)(
    '%s costs no overlay, since home.img holds it',
    (id) => {
      expect(predict(id)).toMatchObject({ deltaSectors: 0, state: 'Valid', error: null });
    },
  );
});

describe('predictions on a stick without home.img', () => {
  const session = mirrored(planned(withoutHome(stick2012())));

  it('a file, an Activity and a Journal entry in home cost the overlay', () => {
    expect(predictOnMirror(session, 'copy-into-home')!.deltaSectors).toBeGreaterThanOrEqual(TEN_MB_SECTORS);
    // The lab's Maze.activity: 3284 KiB.
    expect(predictOnMirror(session, 'install-activity')!.deltaSectors).toBeGreaterThanOrEqual(6568);
    expect(predictOnMirror(session, 'save-journal-entry')!.deltaSectors).toBeGreaterThan(100);
  });
});

describe('the learner’s session', () => {
  it('is untouched by every prediction: the same stick, the same undo history, no change announced', () => {
    const session: Session = mirrored(planned(stick2012()));
    const saved = JSON.stringify(session.stick.save());
    const steps = session.undoSteps;
    let announced = 0;
    session.events.on('changed', () => announced++);
    for (const action of REAL_ACTIONS) expect(predictOnMirror(session, action.id)).not.toBeNull();
    expect(JSON.stringify(session.stick.save())).toBe(saved);
    expect(session.undoSteps).toBe(steps);
    expect(announced).toBe(0);
  });

  it('gives no prediction for an unknown action or a stick that is off', () => {
    const session = mirrored(planned(stickToday()));
    expect(predictOnMirror(session, 'format-the-stick' as RealActionId)).toBeNull();
    session.stick.shutdown();
    expect(predictOnMirror(session.stick, 'reboot')).toBeNull();
  });

  it('predicts an overflow when the action fills the overlay', () => {
    const full = pasted('0 262144 snapshot 30000/32768 120', '0 262144 snapshot 7:1 7:2 PO 8');
    const p = predictOnMirror(mirrored(planned(full)), 'copy-into-root')!;
    expect(p.state).toBe('Overflow');
    expect(p.error).toBe('EIO');
  });
});

describe('every action tells the learner what to do', () => {
  it('has its own id, and a terminal command or the words for doing it in Sugar', () => {
    expect(new Set(REAL_ACTIONS.map((a) => a.id)).size).toBe(REAL_ACTIONS.length);
    for (const action of REAL_ACTIONS) expect(action.terminal ?? actionInSugar(action.id)).toBeTruthy();
  });
});

describe('measureChange', () => {
  const reading = (status: string) => pasted(status, '0 262144 snapshot 7:1 7:2 PO 8');

  it('gives the difference of allocated sectors between two readings', () => {
    expect(
      measureChange(reading('0 262144 snapshot 2152/32768 24'), reading('0 262144 snapshot 10392/32768 56')),
    ).toBe(8240);
    expect(
      measureChange(reading('0 262144 snapshot 24/32768 16'), reading('0 262144 snapshot 24/32768 16')),
    ).toBe(0);
  });

  it('is null without figures on either side', () => {
    const before = reading('0 262144 snapshot 10392/32768 56');
    expect(measureChange(before, reading('0 262144 snapshot Overflow'))).toBeNull();
    expect(measureChange(reading('0 262144 snapshot Invalid'), before)).toBeNull();
    expect(measureChange(before, { ...before, snapshot: null })).toBeNull();
  });

  it('is null when the overlay was made again: fewer sectors, another size or another root', () => {
    const before = reading('0 262144 snapshot 10392/32768 56');
    expect(measureChange(before, reading('0 262144 snapshot 16/32768 16'))).toBeNull();
    // b_overflow_PO's recovery: the overlay file extended from 16 to 32 MiB.
    expect(measureChange(before, reading('0 262144 snapshot 32768/65536 136'))).toBeNull();
    const otherRoot = reading('0 262144 snapshot 10400/32768 56');
    otherRoot.snapshot!.originSectors = parseStatusLine('0 524288 snapshot 10400/32768 56').length;
    expect(measureChange(before, otherRoot)).toBeNull();
  });
});
