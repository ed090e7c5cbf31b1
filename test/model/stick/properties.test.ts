// Properties of any sequence of learner operations on a stick: the overlay never frees, home.img frees what
// is deleted, RAM folders are empty after a reboot, no store ever holds more than it can, and the stick
// saves and comes back whatever was done to it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stick } from '../../../src/model/stick/Stick';
import { bootedStick, KIB, MIB, overlayChunks } from './makeStick';

type Op =
  | { op: 'write' | 'append'; folder: number; name: number; bytes: number }
  | { op: 'delete' | 'mkdir' | 'rmdir'; folder: number; name: number }
  | { op: 'reboot' };

const FOLDERS = ['/var/lib', '/home/liveuser', '/tmp', '/var/tmp', '/mnt/live', '/var/log/audit'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constantFrom('write' as const, 'append' as const),
      folder: fc.nat(FOLDERS.length - 1),
      name: fc.nat(3),
      bytes: fc.integer({ min: 0, max: 3 * MIB }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom('delete' as const, 'delete' as const, 'mkdir' as const, 'rmdir' as const),
      folder: fc.nat(FOLDERS.length - 1),
      name: fc.nat(3),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'reboot' as const }) },
);

function apply(stick: Stick, op: Op) {
  if (op.op === 'reboot') return stick.reboot();
  const path = `${FOLDERS[op.folder]}/f${op.name}`;
  const folder = `${FOLDERS[op.folder]}/d${op.name % 2}`;
  switch (op.op) {
    case 'delete':
      return stick.deleteFile(path);
    case 'mkdir':
      return stick.mkdir(`${folder}/inner`, { parents: true });
    case 'rmdir':
      return stick.deleteFile(folder, { recursive: true });
    case 'write':
      return stick.writeFile(path, op.bytes);
    case 'append':
      return stick.appendFile(path, op.bytes);
  }
}

/** A small stick whose overlay may fill up during a run: every store gets close to its limit. */
function smallStick(era: 'soas-2012' | 'fedora-today'): Stick {
  const stick = bootedStick({ era, capacityBytes: 200 * MIB, overlayMib: 12, homeMib: 8 });
  stick.moveToRam('/var/log/audit');
  return stick;
}

const settings = { numRuns: 20 };
const eraArb = fc.constantFrom('soas-2012' as const, 'fedora-today' as const);
const opsArb = fc.array(opArb, { maxLength: 14 });

describe('any sequence of operations', () => {
  it('leaves a stick that saves, and comes back saving the same document', () => {
    fc.assert(
      fc.property(eraArb, opsArb, (era, ops) => {
        const stick = smallStick(era);
        for (const op of ops) apply(stick, op);
        const saved = JSON.parse(JSON.stringify(stick.save())) as unknown;
        const restored = Stick.restore(saved);
        expect(restored.ok).toBe(true);
        if (restored.ok) expect(restored.stick.save()).toEqual(saved);
      }),
      // Always tried too: a folder that had a folder made in it, deleted (its i_last_alloc_group once stayed).
      {
        ...settings,
        examples: [
          [
            'soas-2012',
            [
              { op: 'mkdir', folder: 0, name: 0 },
              { op: 'rmdir', folder: 0, name: 0 },
            ],
          ],
        ],
      },
    );
  });

  it('never frees an overlay chunk, not even across reboots', () => {
    fc.assert(
      fc.property(eraArb, opsArb, (era, ops) => {
        const stick = smallStick(era);
        let chunks = overlayChunks(stick);
        for (const op of ops) {
          const outcome = apply(stick, op);
          expect(outcome.costs.overlayChunks).toBeGreaterThanOrEqual(0);
          if (stick.power === 'off') return;
          expect(overlayChunks(stick)).toBeGreaterThanOrEqual(chunks);
          chunks = overlayChunks(stick);
        }
      }),
      settings,
    );
  });

  it('never puts more in a store than it holds', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const stick = smallStick('fedora-today');
        for (const op of ops) {
          apply(stick, op);
          const usage = stick.usage();
          expect(usage.overlay.allocatedSectors).toBeLessThanOrEqual(usage.overlay.totalSectors);
          expect(usage.home!.usedBytes).toBeLessThanOrEqual(usage.home!.sizeBytes);
          for (const mount of usage.ram.mounts) expect(mount.usedBytes).toBeLessThanOrEqual(mount.sizeBytes);
          expect(usage.device.usedBytes).toBeLessThanOrEqual(usage.device.capacityBytes);
          expect(usage.device.freeBytes).toBeGreaterThanOrEqual(0);
        }
      }),
      settings,
    );
  });

  it('leaves every RAM folder empty after a reboot', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), (ops) => {
        const stick = smallStick('soas-2012');
        for (const op of ops) apply(stick, op);
        if (stick.power === 'off') return;
        stick.reboot();
        expect(stick.usage().ram.tmpfsUsedBytes).toBe(0);
        expect(stick.usage().ram.mounts.map((m) => m.usedBytes)).toEqual([0, 0, 0, 0]);
      }),
      settings,
    );
  });
});

describe('a file in home.img', () => {
  it('gives back at least its own blocks when deleted, and never touches the overlay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 * MIB }), (bytes) => {
        const stick = bootedStick({ homeMib: 16 });
        expect(stick.writeFile('/home/liveuser/file', bytes).ok).toBe(true);
        const deleted = stick.deleteFile('/home/liveuser/file');
        expect(deleted.ok).toBe(true);
        expect(deleted.costs.overlayChunks).toBe(0);
        expect(deleted.costs.homeBytes).toBeLessThanOrEqual(-Math.ceil(bytes / KIB) * KIB);
      }),
      { numRuns: 15 },
    );
  });
});
