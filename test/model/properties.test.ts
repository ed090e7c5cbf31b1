// Properties of the model over random operation sequences (fast-check): it agrees with a simple reference
// of the published rules, and the invariants of the status arithmetic hold after every step.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OriginDevice } from '../../src/model/block/BlockDevice';
import { CowDevice } from '../../src/model/block/CowDevice';
import { snapshotStatusParams } from '../../src/model/dm/dmsetupFormat';
import { bytesSource, cowSource, overlayBytes, readOverlay } from '../../src/model/dm/overlayFile';
import { extendCow, setValidByte } from '../../src/model/dm/recovery';
import { restoreSnapshot, saveSnapshot } from '../../src/model/dm/snapshotState';
import { SnapshotTarget } from '../../src/model/dm/SnapshotTarget';
import { ReferenceSnapshot, type Store } from '../helpers/referenceModel';

const ORIGIN_SECTORS = 4096;

type Op =
  | { op: 'write' | 'read'; offset: number; sectors: number }
  | { op: 'reload' }
  | { op: 'set_valid'; value: 0 | 1 }
  | { op: 'extend'; sectors: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('write' as const),
      offset: fc.nat(ORIGIN_SECTORS - 1),
      sectors: fc.integer({ min: 1, max: 200 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('read' as const),
      offset: fc.nat(ORIGIN_SECTORS - 1),
      sectors: fc.integer({ min: 1, max: 64 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'reload' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('set_valid' as const),
      value: fc.constantFrom(0 as const, 1 as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('extend' as const), sectors: fc.integer({ min: 1, max: 600 }) }),
  },
);

interface Case {
  store: Store;
  chunk: number;
  cowSectors: number;
  ops: Op[];
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  store: fc.constantFrom<Store>('P', 'PO', 'N'),
  chunk: fc.constantFrom(8, 16),
  cowSectors: fc.integer({ min: 40, max: 2600 }),
  ops: fc.array(opArb, { maxLength: 40 }),
});

/** Runs the model and the reference side by side, calling `check` after every step. */
function runBoth(
  { store, chunk, cowSectors, ops }: Case,
  check: (model: SnapshotTarget, ref: ReferenceSnapshot, ok: [boolean, boolean]) => void | Promise<void>,
) {
  const origin = new OriginDevice(ORIGIN_SECTORS);
  const cow = new CowDevice(cowSectors);
  const create = () => {
    const made = SnapshotTarget.create({ origin, cow, store, chunkSectors: chunk });
    if (!made.ok) throw new Error(made.message);
    return made.target;
  };
  let model = create();
  const ref = new ReferenceSnapshot(store, chunk, cowSectors);
  return (async () => {
    for (const step of ops) {
      let ok: [boolean, boolean];
      const end = (s: { offset: number; sectors: number }) => Math.min(ORIGIN_SECTORS, s.offset + s.sectors);
      if (step.op === 'write' || step.op === 'read') {
        const sectors = end(step) - step.offset;
        const first = Math.floor(step.offset / chunk);
        const last = Math.floor((step.offset + sectors - 1) / chunk);
        ok =
          step.op === 'write'
            ? [model.write(step.offset, sectors).ok, ref.write(first, last)]
            : [model.read(step.offset, sectors).ok, ref.read()];
      } else {
        model.remove();
        if (step.op === 'set_valid' && store !== 'N') {
          setValidByte(cow, step.value);
          ref.headerValid = step.value;
        }
        if (step.op === 'extend') {
          extendCow(cow, step.sectors);
          ref.cowSectors += step.sectors;
        }
        model = create();
        ref.load();
        ok = [true, true];
      }
      await check(model, ref, ok);
    }
  })();
}

describe('the model against a reference of the rules', () => {
  it('agrees on ok, status and the exception table after every step', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, (c) =>
        runBoth(c, async (model, ref, [modelOk, refOk]) => {
          expect(modelOk).toBe(refOk);
          expect(snapshotStatusParams(model.status())).toBe(ref.status());
          if (c.store !== 'N')
            expect((await readOverlay(cowSource(model.cow))).exceptions.toPairs()).toEqual(ref.table);
        }),
      ),
      { numRuns: 300 },
    );
  });
});

describe('invariants', () => {
  it('allocated ≤ total; allocated never shrinks (persistent); E = (A − M)/C; reload keeps the status', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        let lastAllocated = 0;
        await runBoth(c, async (model) => {
          const status = model.status();
          if (status.state !== 'Valid') return;
          expect(status.sectorsAllocated).toBeLessThanOrEqual(status.totalSectors);
          if (c.store === 'N') return;
          expect(status.sectorsAllocated).toBeGreaterThanOrEqual(lastAllocated);
          lastAllocated = status.sectorsAllocated;
          const overlay = await readOverlay(cowSource(model.cow));
          expect(overlay.exceptions.length).toBe(
            (status.sectorsAllocated - status.metadataSectors) / c.chunk,
          );
          expect(overlay.status).toEqual(status);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('export → read back gives the same table and status; save → JSON → restore continues identically', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.array(fc.nat(ORIGIN_SECTORS - 1), { maxLength: 20 }), async (c, later) => {
        let final: SnapshotTarget | undefined;
        await runBoth(c, (model) => {
          final = model;
        });
        const model = final ?? makeFresh(c);
        if (c.store !== 'N') {
          const direct = await readOverlay(cowSource(model.cow));
          const exported = await readOverlay(bytesSource(overlayBytes(model.cow)));
          expect(exported.exceptions.toPairs()).toEqual(direct.exceptions.toPairs());
          expect(exported.headerHex16).toBe(direct.headerHex16);
        }
        const copy = restoreSnapshot(JSON.parse(JSON.stringify(saveSnapshot(model))));
        expect(copy.status()).toEqual(model.status());
        for (const sector of later) {
          const sectors = Math.min(8, ORIGIN_SECTORS - sector);
          expect(copy.write(sector, sectors)).toEqual(model.write(sector, sectors));
          expect(copy.status()).toEqual(model.status());
        }
      }),
      { numRuns: 150 },
    );
  });
});

function makeFresh(c: { store: Store; chunk: number; cowSectors: number }): SnapshotTarget {
  const made = SnapshotTarget.create({
    origin: new OriginDevice(ORIGIN_SECTORS),
    cow: new CowDevice(c.cowSectors),
    store: c.store,
    chunkSectors: c.chunk,
  });
  if (!made.ok) throw new Error(made.message);
  return made.target;
}
