// 10,000 corrupted overlay files through readOverlayFile: real overlays rebuilt from the kernel-lab's
// recorded tables, then damaged the ways a stick's file gets damaged or mistaken (bytes flipped in the header
// and the areas, the valid byte zeroed, odd chunk sizes, u64s beyond 2^53, an area copied over another,
// the file cut anywhere). Never a throw: a reading, or one of the problems with a message. The damage is
// applied by composing Blobs (slices of the intact file around small patches), so a run copies no file.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaLocation, exceptionsPerArea } from '../../src/model/dm/diskFormat';
import { readOverlayFile } from '../../src/real/overlayFileReading';
import { cowFileOfStep } from '../helpers/cowBuilder';
import { cumulativeRuns, loadGolden } from '../helpers/golden';

const PROBLEMS = [
  'bad-magic',
  'bad-chunk-size',
  'bad-version',
  'truncated',
  'corrupt',
  'unreadable',
  'empty',
];

interface Base {
  what: string;
  bytes: Uint8Array;
  blob: Blob;
  chunkBytes: number;
  /** Byte offsets of the metadata areas the table uses, and of the one after (where a reader may go on). */
  areaOffsets: number[];
}

function base(scenario: string, stepName: string): Base {
  const golden = loadGolden(scenario);
  const step = golden.steps.find((s) => s.name === stepName)!;
  const bytes = cowFileOfStep(step, cumulativeRuns(golden).get(step.index)!);
  const chunkBytes = step.chunk_sectors * 512;
  const epa = exceptionsPerArea(step.chunk_sectors);
  const areas = Math.floor(step.exceptions!.count / epa) + 2;
  const areaOffsets = Array.from({ length: areas }, (_, a) => areaLocation(a, epa) * chunkBytes).filter(
    (at) => at + chunkBytes <= bytes.length,
  );
  return {
    what: `${scenario} ${stepName}`,
    bytes,
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    chunkBytes,
    areaOffsets,
  };
}

const BASES = [
  base('d_full', 'P_2464_minus3'),
  base('d_full', 'P_2464_exactly_full'),
  base('b_overflow_P', 'write_keep4M'),
  base('b_overflow_P', 'overflow_write'),
  base('e_origin_merge', 'inv_origin_overflow'),
  base('c_P_16', 'write_16M'),
];

/** One piece of damage, given as where it lands in a base; `resolve` turns it into bytes or a cut. */
type Damage =
  | { kind: 'flip-header'; at: number; xor: number }
  | { kind: 'zero-valid' }
  | { kind: 'chunk-size'; sectors: number }
  | { kind: 'area-bytes'; area: number; at: number; bytes: Uint8Array }
  | { kind: 'huge-u64'; area: number; entry: number; field: 0 | 8; value: bigint }
  | { kind: 'duplicate-area'; from: number; to: number }
  | { kind: 'cut'; at: number; nearArea: boolean };

const u32 = fc.nat({ max: 2 ** 32 - 1 });
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('flip-header'),
    at: fc.nat({ max: 15 }),
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('zero-valid') }),
  fc.record({
    kind: fc.constant('chunk-size'),
    sectors: fc.oneof(fc.constantFrom(0, 1, 3, 12, 2 ** 21, 2 ** 22, 2 ** 31), u32),
  }),
  fc.record({
    kind: fc.constant('area-bytes'),
    area: fc.nat(),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({
    kind: fc.constant('huge-u64'),
    area: fc.nat(),
    entry: fc.nat(),
    field: fc.constantFrom(0 as const, 8 as const),
    value: fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n - 1n }),
  }),
  fc.record({ kind: fc.constant('duplicate-area'), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('cut'), at: fc.nat(), nearArea: fc.boolean() }),
);

const u32Bytes = (value: number) => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
};

/** The damaged file: the base's Blob with patches laid over it and cut where a `cut` says. */
function damaged(b: Base, damages: Damage[]): Blob {
  let blob = b.blob;
  const patch = (at: number, bytes: Uint8Array) => {
    if (at >= blob.size) return;
    const end = Math.min(blob.size, at + bytes.length);
    blob = new Blob([
      blob.slice(0, at),
      bytes.subarray(0, end - at) as Uint8Array<ArrayBuffer>,
      blob.slice(end),
    ]);
  };
  const area = (n: number) => b.areaOffsets[n % b.areaOffsets.length]!;
  for (const d of damages) {
    switch (d.kind) {
      case 'flip-header':
        patch(d.at, Uint8Array.of(b.bytes[d.at]! ^ d.xor));
        break;
      case 'zero-valid':
        patch(4, new Uint8Array(4));
        break;
      case 'chunk-size':
        patch(12, u32Bytes(d.sectors));
        break;
      case 'area-bytes':
        patch(area(d.area) + (d.at % b.chunkBytes), d.bytes);
        break;
      case 'huge-u64': {
        const bytes = new Uint8Array(8);
        new DataView(bytes.buffer).setBigUint64(0, d.value, true);
        patch(area(d.area) + ((d.entry * 16) % b.chunkBytes) + d.field, bytes);
        break;
      }
      case 'duplicate-area': {
        const from = area(d.from);
        patch(area(d.to), b.bytes.subarray(from, from + b.chunkBytes));
        break;
      }
      case 'cut': {
        // Half the cuts land within a chunk of an area's start, where the reader's bounds matter most.
        const at = d.nearArea
          ? area(d.at) + (d.at % (2 * b.chunkBytes)) - b.chunkBytes
          : d.at % (blob.size + 1);
        blob = blob.slice(0, Math.max(0, Math.min(blob.size, at)));
        break;
      }
    }
  }
  return blob;
}

describe('10,000 corrupted overlay files', () => {
  it('readOverlayFile never throws: a reading consistent with its file, or a problem with a message', async () => {
    const seen = new Set<string>();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(damage, { minLength: 1, maxLength: 4 }),
        async (which, damages) => {
          const b = BASES[which]!;
          const file = damaged(b, damages);
          const progress: number[] = [];
          const reading = await readOverlayFile(file, (fraction) => progress.push(fraction));
          expect(progress.every((f, i) => f > 0 && f <= 1 && (i === 0 || f > progress[i - 1]!))).toBe(true);
          if (!reading.ok) {
            seen.add(reading.problem);
            expect(PROBLEMS).toContain(reading.problem);
            expect(reading.message.length).toBeGreaterThan(10);
            return;
          }
          const { stick, overlay } = reading;
          seen.add(overlay.blank ? 'blank' : overlay.status.state);
          expect(progress.at(-1)).toBe(1);
          expect(stick.snapshot!.status).toEqual(overlay.status);
          expect(stick.snapshot!.chunkSectors).toBe(overlay.chunkSectors);
          expect(stick.overlayFile!.sizeBytes).toBe(file.size);
          expect(overlay.cowSectors).toBe(Math.floor(file.size / 512));
          if (overlay.table) expect(overlay.exceptions.length).toBe(overlay.table.exceptionCount);
          else expect(overlay.status.state === 'Invalid' || overlay.blank).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
    console.log(`10,000 corrupted overlay files read in ${Math.round(performance.now() - started)} ms`);
    // Every outcome was reached: the damage is not stuck on one kind of file.
    expect([...seen].sort()).toEqual(
      [
        'Invalid',
        'Valid',
        'bad-chunk-size',
        'bad-magic',
        'bad-version',
        'corrupt',
        'empty',
        'truncated',
      ].sort(),
    );
  }, 120_000);
});
