// Saving a whole stick as a `cellar-stick/v2` JSON document and restoring it: through JSON text and back,
// a restored stick continues exactly as the original does — the same status lines, usage and log, and
// the same costs for the same next operations.

import { describe, expect, it } from 'vitest';
import type { Stick } from '../../../src/model/stick/Stick';
import { Stick as StickClass } from '../../../src/model/stick/Stick';
import { bootedStick, KIB, makeStick, MIB } from './makeStick';

/** The stick saved, turned into JSON text and back, and restored. */
function reload(stick: Stick): Stick {
  const text = JSON.stringify(stick.save());
  const restored = StickClass.restore(JSON.parse(text) as unknown);
  if (!restored.ok) throw new Error(`the stick did not restore: ${restored.message}`);
  return restored.stick;
}

/** Everything a learner can see of a stick. */
function view(stick: Stick) {
  return {
    power: stick.power,
    rootState: stick.rootState,
    clockMs: stick.clockMs,
    status: stick.dmsetupStatus(),
    table: stick.dmsetupTable(),
    devices: stick.dmDevices(),
    mounts: stick.mounts(),
    usage: stick.usage(),
    log: stick.log(),
  };
}

type Step = (stick: Stick) => unknown;

/** Operations a learner might do next; each answers what it did and cost. */
const NEXT_STEPS: Step[] = [
  (s) => s.writeFile('/var/lib/next.bin', 700 * KIB),
  (s) => s.appendFile('/var/log/audit/audit.log', 3 * KIB, { sync: false }),
  (s) => s.writeFile('/home/liveuser/draft.odt', 90 * KIB, { sync: false }),
  (s) => s.writeFile('/tmp/scratch', 200 * KIB),
  (s) => s.advance(31_000),
  (s) => s.overwriteFile('/var/lib/next.bin', 100 * KIB),
  (s) => s.readFile('/var/lib/next.bin'),
  (s) => s.deleteFile('/var/lib/next.bin'),
  (s) => s.installActivity('Maze', { sizeBytes: 400 * KIB, files: 20 }),
  (s) => s.saveJournalEntry({ dataBytes: 30 * KIB }),
  (s) => s.whereIs('/home/liveuser/draft.odt'),
  (s) => s.reboot(),
  (s) => s.writeFile('/var/lib/after-reboot', 64 * KIB),
  (s) => s.stat('/tmp/scratch'),
  (s) => s.shutdown(),
];

/** Runs the same steps on the original and a restored copy: every answer and every view the same. */
function expectSameFuture(original: Stick, steps: Step[] = NEXT_STEPS): void {
  const copy = reload(original);
  expect(copy.save()).toEqual(original.save());
  expect(view(copy)).toEqual(view(original));
  for (const step of steps) {
    expect(step(copy)).toEqual(step(original));
    expect(view(copy)).toEqual(view(original));
  }
}

describe('a saved stick', () => {
  it('is a versioned JSON document', () => {
    const doc = makeStick().save();
    expect(doc.schema).toBe('cellar-stick/v2');
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('stays small: only written COW pages, and the base image once while the root is still the base', () => {
    const fresh = makeStick().save();
    expect(fresh.root).toBe('base');
    const stick = bootedStick();
    stick.writeFile('/var/lib/big.bin', 16 * MIB);
    const doc = stick.save();
    expect(doc.overlay!.pages.length).toBeLessThan(20);
    expect(JSON.stringify(doc).length).toBeLessThan(200 * KIB);
  });

  it('shares nothing with the stick: changing the document changes nothing', () => {
    const stick = bootedStick();
    const doc = stick.save();
    const before = JSON.stringify(stick.save());
    doc.base.root.freeRuns.length = 0;
    doc.device.entries.length = 0;
    expect(JSON.stringify(stick.save())).toBe(before);
  });
});

describe('restoring', () => {
  it('gives back a fresh stick, off, that boots as the original does', () => {
    expectSameFuture(makeStick(), [(s) => s.boot(), ...NEXT_STEPS]);
  });

  for (const era of ['soas-2012', 'fedora-today'] as const) {
    it(`continues a running stick exactly after writes (${era})`, () => {
      const stick = bootedStick({ era });
      stick.moveToRam('/var/log/audit');
      stick.writeFile('/var/lib/photo.jpg', 3 * MIB);
      stick.writeFile('/home/liveuser/essay.odt', 40 * KIB);
      stick.writeFile('/tmp/cache.bin', 1 * MIB);
      stick.writeFile('/var/lib/pending.bin', 2 * MIB, { sync: false }); // held back by delayed allocation
      stick.advance(2_000);
      expectSameFuture(stick);
    });
  }

  it('continues a 2012 stick after its overlay went Invalid', () => {
    const stick = bootedStick({ era: 'soas-2012', overlayMib: 8, homeMib: 16 });
    stick.writeFile('/keep', 1 * MIB);
    expect(stick.writeFile('/fill', 16 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.dmsetupStatus('live-rw')).toEqual(['0 131072 snapshot Invalid']);
    expectSameFuture(stick, [
      (s) => s.writeFile('/more', 4 * KIB),
      (s) => s.readFile('/keep'),
      (s) => s.writeFile('/home/liveuser/still.odt', 4 * KIB),
      ...NEXT_STEPS,
      (s) => s.boot(),
      (s) => s.shutdown(),
      (s) => s.resetOverlay(),
      (s) => s.boot(),
    ]);
  });

  it('continues a stick of today after its overlay overflowed', () => {
    const stick = bootedStick({ era: 'fedora-today', overlayMib: 8, homeMib: 16 });
    stick.writeFile('/keep', 1 * MIB);
    expect(stick.writeFile('/fill', 16 * MIB)).toMatchObject({ ok: false, error: 'EIO' });
    expect(stick.dmsetupStatus('live-rw')).toEqual(['0 131072 snapshot Overflow']);
    expectSameFuture(stick, [
      (s) => s.writeFile('/more', 4 * KIB),
      (s) => s.readFile('/keep'),
      ...NEXT_STEPS,
      (s) => s.refresh(),
      (s) => s.boot(),
    ]);
  });

  for (const era of ['soas-2012', 'fedora-today'] as const) {
    it(`continues a stick on a temporary overlay in RAM (${era})`, () => {
      const stick = bootedStick({ era, overlayMib: null });
      stick.writeFile('/var/lib/photo.jpg', 1 * MIB);
      expectSameFuture(stick);
    });
  }

  it('continues a stick whose encrypted home.img is locked, then unlocked', () => {
    const stick = bootedStick({ homeEncrypted: true, homePassphrase: 'sugar' });
    stick.writeFile('/home/liveuser/lost.odt', 100 * KIB);
    expectSameFuture(stick, [(s) => s.unlockHome('soda'), (s) => s.unlockHome('sugar'), ...NEXT_STEPS]);
    const unlocked = bootedStick({ homeEncrypted: true });
    unlocked.unlockHome('anything');
    expectSameFuture(unlocked);
  });

  it('continues a stick that was shut down, refreshed, reset or had its overlay extended', () => {
    const stick = bootedStick();
    stick.writeFile('/var/lib/photo.jpg', 1 * MIB);
    stick.shutdown();
    expectSameFuture(stick, [(s) => s.boot(), ...NEXT_STEPS]);
    stick.refresh({ keepHome: false });
    expectSameFuture(stick, [(s) => s.boot(), ...NEXT_STEPS]);
    stick.extendOverlay(4);
    expectSameFuture(stick, [(s) => s.boot(), ...NEXT_STEPS]);
  });

  it('continues a stick stopped in the emergency shell', () => {
    const stick = bootedStick({ overlayMib: 8, homeMib: 16 });
    stick.writeFile('/fill', 16 * MIB);
    stick.reboot();
    expect(stick.power).toBe('emergency');
    expectSameFuture(stick, [
      (s) => s.writeFile('/x', 1),
      (s) => s.shutdown(),
      (s) => s.resetOverlay(),
      (s) => s.boot(),
    ]);
  });

  it('accepts the JSON text itself', () => {
    const stick = bootedStick();
    const restored = StickClass.restore(JSON.stringify(stick.save()));
    expect(restored.ok && restored.stick.dmsetupStatus()).toEqual(stick.dmsetupStatus());
  });
});

describe('restoring a stick formatted ext4', () => {
  for (const era of ['soas-2012', 'fedora-today'] as const) {
    it(`continues it exactly, sparse images included (${era})`, () => {
      const stick = bootedStick({ era, deviceFilesystem: 'ext4', swapMib: 8 });
      stick.writeFile('/var/lib/photo.jpg', 1 * MIB);
      stick.writeFile('/home/liveuser/essay.odt', 300 * KIB);
      stick.writeFile(`${era === 'soas-2012' ? '/mnt/live' : '/run/initramfs/live'}/notes.txt`, 5 * KIB);
      expectSameFuture(stick);
    });
  }

  it('refuses a document whose stick filesystem is not the plan’s', () => {
    const doc = makeStick({ deviceFilesystem: 'ext4' }).save();
    const vfat = makeStick().save();
    const mixed = { ...doc, device: vfat.device };
    expect(StickClass.restore(mixed)).toMatchObject({
      ok: false,
      code: 'damaged',
      message: 'The saved stick is damaged: device is vfat, but the plan says ext4.',
    });
  });
});

describe('restoring a cellar-stick/v1 document', () => {
  /** What Cellar wrote before the ext4 stick and swap.img: the same document without those two fields. */
  function asVersion1(stick: Stick): unknown {
    const doc = JSON.parse(JSON.stringify(stick.save())) as {
      schema: string;
      plan: Record<string, unknown>;
    };
    doc.schema = 'cellar-stick/v1';
    delete doc.plan.deviceFilesystem;
    delete doc.plan.swapMib;
    return doc;
  }

  it('loads it as the vfat stick without swap.img it was, and saves it as v2', () => {
    const stick = bootedStick({ homeEncrypted: true });
    stick.writeFile('/var/lib/photo.jpg', 1 * MIB);
    const restored = StickClass.restore(asVersion1(stick));
    if (!restored.ok) throw new Error(restored.message);
    expect(view(restored.stick)).toEqual(view(stick));
    const saved = restored.stick.save();
    expect(saved.schema).toBe('cellar-stick/v2');
    expect(saved.plan).toMatchObject({ deviceFilesystem: 'vfat', swapMib: null });
    expect(restored.stick.writeFile('/var/lib/next', 64 * KIB)).toEqual(
      stick.writeFile('/var/lib/next', 64 * KIB),
    );
  });
});
