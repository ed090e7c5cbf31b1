// readOverlay reads a real overlay file by slices — the header and the metadata areas, never the data — from
// a Blob as from bytes in memory; it gives the kernel's status for files rebuilt from the recorded tables,
// refuses damaged files with an OverlayFileError that names the problem, and reads back what the model's
// own COW exports.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OriginDevice } from '../../src/model/block/BlockDevice';
import { CowDevice } from '../../src/model/block/CowDevice';
import { areaLocation, encodeHeader, exceptionsPerArea, SNAP_MAGIC } from '../../src/model/dm/diskFormat';
import {
  bytesSource,
  cowSource,
  exportOverlay,
  OverlayFileError,
  overlayBytes,
  readOverlay,
  type ByteSource,
  type OverlayInfo,
  type OverlayProblem,
} from '../../src/model/dm/overlayFile';
import { SnapshotTarget } from '../../src/model/dm/SnapshotTarget';
import { blobSource } from '../../src/real/blobSource';
import { buildCowFile, cowFileOfStep } from '../helpers/cowBuilder';
import { cumulativeRuns, loadGolden, runsToPairs, statusParams } from '../helpers/golden';

// ---------------------------------------------------------------------------------------------------------
// Helpers

const SECTOR = 512;
const GiB = 2 ** 30;

/**
 * A file of any size that is zeros except for the byte ranges placed in it, like a sparse file: a 1 GiB
 * overlay costs only its header and areas.
 */
function sparseSource(sizeBytes: number, placed: { offsetBytes: number; bytes: Uint8Array }[]): ByteSource {
  return {
    sizeBytes,
    read(offsetBytes, lengthBytes) {
      if (offsetBytes < 0 || offsetBytes + lengthBytes > sizeBytes) {
        throw new RangeError(`read ${offsetBytes}+${lengthBytes} past the end of a ${sizeBytes}-byte file`);
      }
      const out = new Uint8Array(lengthBytes);
      for (const { offsetBytes: at, bytes } of placed) {
        const from = Math.max(at, offsetBytes);
        const to = Math.min(at + bytes.length, offsetBytes + lengthBytes);
        if (from < to) out.set(bytes.subarray(from - at, to - at), from - offsetBytes);
      }
      return out;
    },
  };
}

/** Wraps a source to record every read. */
function recording(source: ByteSource): ByteSource & { reads: [offsetBytes: number, lengthBytes: number][] } {
  const reads: [number, number][] = [];
  return {
    sizeBytes: source.sizeBytes,
    reads,
    read(offsetBytes, lengthBytes) {
      reads.push([offsetBytes, lengthBytes]);
      return source.read(offsetBytes, lengthBytes);
    },
  };
}

function header(fields: { valid?: number; version?: number; chunkSectors?: number; magic?: number } = {}) {
  return encodeHeader({
    magic: fields.magic ?? SNAP_MAGIC,
    valid: fields.valid ?? 1,
    version: fields.version ?? 1,
    chunkSectors: fields.chunkSectors ?? 8,
  });
}

/** One metadata area holding the given [old, new] pairs (u64 little-endian; high words as given). */
function area(chunkSectors: number, pairs: [old: number, new: number][]): Uint8Array {
  const bytes = new Uint8Array(chunkSectors * SECTOR);
  const view = new DataView(bytes.buffer);
  pairs.forEach(([oldChunk, newChunk], i) => {
    view.setBigUint64(i * 16, BigInt(oldChunk), true);
    view.setBigUint64(i * 16 + 8, BigInt(newChunk), true);
  });
  return bytes;
}

/** The [old, new] pairs of `count` exceptions as the kernel hands out chunks: data chunks in order, areas skipped. */
function allocatedPairs(
  chunkSectors: number,
  count: number,
  oldOf: (i: number) => number,
): [number, number][] {
  const epa = exceptionsPerArea(chunkSectors);
  return Array.from({ length: count }, (_, i): [number, number] => {
    const a = Math.floor(i / epa);
    return [oldOf(i), areaLocation(a, epa) + 1 + (i % epa)];
  });
}

/** Header and areas of a table, placed as a sparse file would hold them. */
function placedTable(
  chunkSectors: number,
  pairs: [number, number][],
  headerBytes = header({ chunkSectors }),
) {
  const epa = exceptionsPerArea(chunkSectors);
  const placed = [{ offsetBytes: 0, bytes: headerBytes }];
  for (let a = 0; a * epa <= pairs.length; a++) {
    placed.push({
      offsetBytes: areaLocation(a, epa) * chunkSectors * SECTOR,
      bytes: area(chunkSectors, pairs.slice(a * epa, (a + 1) * epa)),
    });
  }
  return placed;
}

/** What two reads of the same file must agree on. */
function summary(info: OverlayInfo) {
  const { blank, header, headerHex16, chunkSectors, cowSectors, table, status } = info;
  return {
    blank,
    header,
    headerHex16,
    chunkSectors,
    cowSectors,
    table,
    status,
    pairs: info.exceptions.toPairs(),
  };
}

/** A Blob of bytes (buildCowFile's bytes are a plain ArrayBuffer; TypeScript cannot know it). */
const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

async function rejection(promise: Promise<unknown>): Promise<OverlayFileError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OverlayFileError);
    return error as OverlayFileError;
  }
  throw new Error('expected an OverlayFileError, but the overlay was read');
}

// ---------------------------------------------------------------------------------------------------------

describe('blobSource', () => {
  it('reads the slices it is asked for', async () => {
    const bytes = Uint8Array.from({ length: 10000 }, (_, i) => i % 251);
    const source = blobSource(new Blob([bytes]));
    expect(source.sizeBytes).toBe(10000);
    expect(await source.read(0, 16)).toEqual(bytes.subarray(0, 16));
    expect(await source.read(4096, 4096)).toEqual(bytes.subarray(4096, 8192));
    expect(await source.read(9990, 10)).toEqual(bytes.subarray(9990));
  });

  it('never asks the whole Blob for its bytes, only slices of it', async () => {
    const real = blobOf(buildCowFile('536e4170010000000100000008000000', [[100, 2, 5]], 8, 1 << 20));
    const slices: [number, number][] = [];
    const refuse = () => {
      throw new Error('the whole Blob was read');
    };
    const spy = {
      size: real.size,
      slice(start?: number, end?: number) {
        slices.push([start!, end!]);
        return real.slice(start, end);
      },
      arrayBuffer: refuse,
      text: refuse,
      stream: refuse,
      bytes: refuse,
    } as unknown as Blob;
    const info = await readOverlay(blobSource(spy));
    expect(info.exceptions.toPairs()).toEqual(runsToPairs([[100, 2, 5]]));
    expect(slices).toEqual([
      [0, 16],
      [4096, 8192],
    ]);
  });
});

describe('a Blob and bytes in memory read the same: COW files rebuilt from b_overflow_P', () => {
  const golden = loadGolden('b_overflow_P');
  const tables = cumulativeRuns(golden);
  // One step per distinct state: fresh, growing, Invalid, recovered and extended, written again.
  const steps = golden.steps.filter((s) =>
    ['created', 'write_keep4M', 'overflow_write', 'recreated', 'write_after'].includes(s.name),
  );

  it('covers Valid and Invalid steps', () => {
    expect(steps.map((s) => statusParams(s.status!))).toEqual([
      '16/32768 16',
      '10392/32768 56',
      'Invalid',
      '30856/65536 136',
      '32920/65536 144',
    ]);
  });

  for (const step of steps) {
    it(`step ${step.index} (${step.name}): same result, and the kernel's status`, async () => {
      const file = cowFileOfStep(step, tables.get(step.index)!);
      const fromBytes = await readOverlay(bytesSource(file));
      const fromBlob = await readOverlay(blobSource(blobOf(file)));
      expect(summary(fromBlob)).toEqual(summary(fromBytes));
      expect(fromBytes.exceptions.length).toBe(step.exceptions!.count);
      const status = step.status_parsed!;
      expect(fromBytes.status).toEqual(
        status.state === 'Valid'
          ? {
              state: 'Valid',
              sectorsAllocated: status.sectors_allocated,
              totalSectors: status.total_sectors,
              metadataSectors: status.metadata_sectors,
            }
          : { state: status.state },
      );
    });
  }
});

describe('reading by slices', () => {
  const chunkSectors = 8;
  const epa = exceptionsPerArea(chunkSectors);
  const count = 3 * epa + 10; // three full areas and a fourth one started
  const pairs = allocatedPairs(chunkSectors, count, (i) => (i * 7919) % 262144);
  const placed = placedTable(chunkSectors, pairs);

  it('a 1 GiB overlay is read as its header and its four metadata areas, never a data chunk', async () => {
    const source = recording(sparseSource(GiB, placed));
    const info = await readOverlay(source);
    const chunkBytes = chunkSectors * SECTOR;
    const areaOffsets = [0, 1, 2, 3].map((a) => areaLocation(a, epa) * chunkBytes);
    expect(source.reads).toEqual([[0, 16], ...areaOffsets.map((at): [number, number] => [at, chunkBytes])]);
    const total = source.reads.reduce((sum, [, length]) => sum + length, 0);
    expect(total).toBe(16 + 4 * chunkBytes);
    expect(info.exceptions.length).toBe(count);
    expect(info.exceptions.toPairs()).toEqual(pairs);
    // The status arithmetic of the recordings: allocated = C*(E+2+floor(E/epa)), metadata = C*(2+floor(E/epa)).
    expect(info.status).toEqual({
      state: 'Valid',
      sectorsAllocated: chunkSectors * (count + 2 + 3),
      totalSectors: GiB / SECTOR,
      metadataSectors: chunkSectors * (2 + 3),
    });
  });

  it('onProgress is called after each area with how far into the file it ends', async () => {
    const progress: number[] = [];
    await readOverlay(sparseSource(GiB, placed), { onProgress: (through) => progress.push(through) });
    expect(progress).toEqual(
      [0, 1, 2, 3].map((area) => (areaLocation(area, exceptionsPerArea(8)) + 1) * 4096),
    );
  });

  it('works the same over an asynchronous source', async () => {
    const sync = sparseSource(GiB, placed);
    const async: ByteSource = { sizeBytes: GiB, read: async (o, l) => sync.read(o, l) };
    expect(summary(await readOverlay(async))).toEqual(summary(await readOverlay(sync)));
  });
});

describe('what the header says', () => {
  it('a blank (all-zero) file is a new store: blank, 16/<total> 16 with chunk 8, nothing read past the header', async () => {
    const source = recording(sparseSource(16 << 20, []));
    const info = await readOverlay(source);
    expect(info).toMatchObject({
      blank: true,
      header: null,
      chunkSectors: 8,
      cowSectors: 32768,
      table: null,
    });
    expect(info.headerHex16).toBe('0'.repeat(32));
    expect(info.status).toEqual({
      state: 'Valid',
      sectorsAllocated: 16,
      totalSectors: 32768,
      metadataSectors: 16,
    });
    expect(info.exceptions.length).toBe(0);
    expect(source.reads).toEqual([[0, 16]]);
  });

  it('a blank file takes the chunk size it is told', async () => {
    const info = await readOverlay(sparseSource(1 << 20, []), { chunkSectors: 16 });
    expect(info.status).toEqual({
      state: 'Valid',
      sectorsAllocated: 32,
      totalSectors: 2048,
      metadataSectors: 32,
    });
  });

  it('valid byte 0 is status Invalid, not an error, and the table is still read (set_valid brings it back)', async () => {
    const pairs = allocatedPairs(8, 5, (i) => 1000 + i);
    const info = await readOverlay(sparseSource(1 << 20, placedTable(8, pairs, header({ valid: 0 }))));
    expect(info.status).toEqual({ state: 'Invalid' });
    expect(info.headerHex16).toBe('536e4170000000000100000008000000');
    expect(info.exceptions.toPairs()).toEqual(pairs);
  });

  it('any non-zero valid byte loads as valid, as the kernel does', async () => {
    const info = await readOverlay(sparseSource(1 << 20, placedTable(8, [], header({ valid: 0x56 }))));
    expect(info.status.state).toBe('Valid');
  });
});

describe('files the kernel would refuse', () => {
  const cases: [what: string, source: ByteSource, problem: OverlayProblem, message: string][] = [
    [
      'a squashfs image (wrong magic)',
      sparseSource(1 << 20, [{ offsetBytes: 0, bytes: new TextEncoder().encode('hsqs\x05\x00\x00\x00') }]),
      'bad-magic',
      'not a usable overlay: Invalid or corrupt snapshot (the first bytes are 68737173, not "SnAp")',
    ],
    [
      'a chunk size that is not a power of two',
      sparseSource(1 << 20, [{ offsetBytes: 0, bytes: header({ chunkSectors: 12 }) }]),
      'bad-chunk-size',
      'not a usable overlay: invalid on-disk chunk size 12: Chunk size is not a power of 2',
    ],
    [
      "a chunk size above the kernel's limit (INT_MAX >> 9 sectors)",
      sparseSource(1 << 20, [{ offsetBytes: 0, bytes: header({ chunkSectors: 2 ** 22 }) }]),
      'bad-chunk-size',
      'not a usable overlay: invalid on-disk chunk size 4194304: Chunk size is too high',
    ],
    [
      'a chunk size of 0',
      sparseSource(1 << 20, [{ offsetBytes: 0, bytes: header({ chunkSectors: 0 }) }]),
      'bad-chunk-size',
      'not a usable overlay: invalid on-disk chunk size 0: Chunk size is not a power of 2',
    ],
    [
      'version 2',
      sparseSource(1 << 20, [{ offsetBytes: 0, bytes: header({ version: 2 }) }]),
      'bad-version',
      'not a usable overlay: unable to handle snapshot disk version 2',
    ],
    [
      'a file shorter than 16 bytes',
      bytesSource(header().subarray(0, 10)),
      'truncated',
      'the file is only 10 bytes: too short for a header',
    ],
    [
      'a header alone',
      bytesSource(header()),
      'truncated',
      'the file ends before metadata area 0 (chunk 1): it was cut short',
    ],
    [
      'a full area 0 and a file that ends before area 1',
      sparseSource(
        257 * 4096,
        placedTable(
          8,
          allocatedPairs(8, 256, (i) => i),
        ).slice(0, 2),
      ),
      'truncated',
      'the file ends before metadata area 1 (chunk 258): it was cut short',
    ],
    [
      'an exception whose new chunk is beyond 2^53',
      sparseSource(1 << 20, [
        { offsetBytes: 0, bytes: header() },
        {
          offsetBytes: 4096,
          bytes: area(8, [
            [2, 3],
            [5, 2 ** 53 + 2],
          ]),
        },
      ]),
      'corrupt',
      'the exception table is damaged: exception 1 has a chunk number too large to be real',
    ],
    [
      'an exception whose old chunk is beyond 2^53',
      sparseSource(1 << 20, [
        { offsetBytes: 0, bytes: header() },
        { offsetBytes: 4096, bytes: area(8, [[2 ** 60, 2]]) },
      ]),
      'corrupt',
      'the exception table is damaged: exception 0 has a chunk number too large to be real',
    ],
  ];
  for (const [what, source, problem, message] of cases) {
    it(`${what}: ${problem}`, async () => {
      const error = await rejection(readOverlay(source));
      expect(error.problem).toBe(problem);
      expect(error.message).toBe(message);
    });
  }

  // Once read as "16/8 16" (more allocated than there is). The kernel's persistent_read_metadata cannot
  // write the header and zero area 0 in a blank file too small for them, so `dmsetup create` fails there.
  it('a blank 4 KiB file is refused as truncated, not read as 16/8 16', async () => {
    const error = await rejection(readOverlay(bytesSource(new Uint8Array(4096))));
    expect(error.problem).toBe('truncated');
  });

  // With valid byte 0 the kernel returns "marked invalid" before read_exceptions (dm-snap-persistent.c,
  // persistent_read_metadata), so a table cut short or damaged does not stop it: `dmsetup status` says
  // Invalid, as docs/scenario-format.md promises. readOverlay once rejected such a file.
  it('an invalidated overlay whose table is cut short still reads as Invalid', async () => {
    const placed = placedTable(
      8,
      allocatedPairs(8, 256, (i) => i),
      header({ valid: 0 }),
    ).slice(0, 2);
    const info = await readOverlay(sparseSource(257 * 4096, placed));
    expect(info.status).toEqual({ state: 'Invalid' });
  });
});

describe('whatever the file, only OverlayFileError', () => {
  const u32 = fc.nat({ max: 2 ** 32 - 1 });
  const headerFields = fc.record({
    magic: fc.oneof(
      { weight: 6, arbitrary: fc.constant(SNAP_MAGIC) },
      { weight: 1, arbitrary: fc.constant(0) },
      u32,
    ),
    valid: fc.oneof(fc.constantFrom(0, 1), u32),
    version: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, u32),
    chunkSectors: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(8, 16) },
      fc.integer({ min: 0, max: 31 }).map((k) => 2 ** k),
      u32,
    ),
  });
  // A metadata area: `filled` plausible exceptions (the kernel's allocation order; full by default, so that
  // the reader goes on to the next area), then a few entries overwritten with any two u64 values (zero
  // terminators and values beyond 2^53 included).
  const u64 = fc.oneof(fc.constant(0), fc.nat({ max: 5000 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }));
  const areaSpec = fc.record({
    filled: fc.oneof({ weight: 3, arbitrary: fc.constant(Number.MAX_SAFE_INTEGER) }, fc.nat({ max: 600 })),
    damage: fc.array(fc.record({ index: fc.nat(), pair: fc.tuple(u64, u64) }), { maxLength: 3 }),
  });
  const overlay = fc.record({
    header: headerFields,
    headerBytes: fc.option(fc.uint8Array({ minLength: 16, maxLength: 16 }), { freq: 10 }),
    areas: fc.array(areaSpec, { maxLength: 4 }),
    noise: fc.array(
      fc.record({ at: fc.nat({ max: 3 << 20 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
      {
        maxLength: 3,
      },
    ),
    sizeBytes: fc.oneof(fc.nat({ max: 64 }), fc.nat({ max: 3 << 20 })),
  });

  /** The sparse file an overlay spec describes (areas are laid out for the header's chunk size when sane). */
  function corruptedFile({
    header: fields,
    headerBytes,
    areas,
    noise,
    sizeBytes,
  }: typeof overlay extends fc.Arbitrary<infer T> ? T : never) {
    const chunk = [1, 2, 4, 8, 16, 32, 64].includes(fields.chunkSectors) ? fields.chunkSectors : 8;
    const epa = exceptionsPerArea(chunk);
    const placed = [{ offsetBytes: 0, bytes: headerBytes ?? header(fields) }];
    areas.forEach(({ filled, damage }, a) => {
      const bytes = new Uint8Array(chunk * SECTOR);
      const view = new DataView(bytes.buffer);
      const set = (i: number, o: number | bigint, n: number | bigint) => {
        view.setBigUint64(i * 16, BigInt(o), true);
        view.setBigUint64(i * 16 + 8, BigInt(n), true);
      };
      for (let i = 0; i < Math.min(filled, epa); i++)
        set(i, (i * 7919) % 100000, areaLocation(a, epa) + 1 + i);
      for (const { index, pair } of damage) set(index % epa, ...pair);
      placed.push({ offsetBytes: areaLocation(a, epa) * chunk * SECTOR, bytes });
    });
    for (const { at, bytes } of noise) placed.push({ offsetBytes: at, bytes });
    return sparseSource(sizeBytes, placed);
  }

  it('10,000 corrupted overlay files: resolve, or reject with an OverlayFileError', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(overlay, async (spec) => {
        const source = corruptedFile(spec);
        try {
          const info = await readOverlay(source);
          seen.add(info.blank ? 'blank' : info.status.state);
          if (info.table && info.table.areasRead > 2) seen.add('three areas or more');
          expect(info.cowSectors).toBe(Math.floor(spec.sizeBytes / SECTOR));
          if (info.table) expect(info.exceptions.length).toBe(info.table.exceptionCount);
        } catch (error) {
          if (!(error instanceof OverlayFileError)) throw error;
          seen.add(error.problem);
        }
      }),
      {
        numRuns: 10000,
        // Random runs reach a third area only now and then: one sure example keeps the check below steady.
        examples: [
          [
            {
              header: { magic: SNAP_MAGIC, valid: 1, version: 1, chunkSectors: 8 },
              headerBytes: null,
              areas: [
                { filled: Number.MAX_SAFE_INTEGER, damage: [] },
                { filled: Number.MAX_SAFE_INTEGER, damage: [] },
              ],
              noise: [],
              sizeBytes: 3 << 20,
            },
          ],
        ],
      },
    );
    // Every outcome was reached: the generator is not stuck on one kind of file.
    expect([...seen].sort()).toEqual(
      [
        'Invalid',
        'Valid',
        'bad-chunk-size',
        'bad-magic',
        'bad-version',
        'blank',
        'corrupt',
        'three areas or more',
        'truncated',
      ].sort(),
    );
  });

  it('random bytes over a real rebuilt file, cut anywhere: 500 runs over bytes and over a Blob', async () => {
    const file = buildCowFile('536e4170010000000100000008000000', [[40, 2, 300]], 8, 1200 * 1024);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: file.length }),
        fc.array(fc.tuple(fc.nat({ max: 1200 * 1024 - 1 }), fc.nat({ max: 255 })), { maxLength: 20 }),
        async (length, pokes) => {
          const damaged = file.slice(0, length);
          for (const [at, value] of pokes) if (at < length) damaged[at] = value;
          const outcome = async (source: ByteSource) => {
            try {
              return summary(await readOverlay(source));
            } catch (error) {
              if (!(error instanceof OverlayFileError)) throw error;
              return { problem: error.problem, message: error.message };
            }
          };
          expect(await outcome(blobSource(new Blob([damaged])))).toEqual(await outcome(bytesSource(damaged)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the model's exported overlay reads back as the model's own COW", () => {
  interface Io {
    origin: boolean;
    offsetSectors: number;
    sectors: number;
  }
  const config = fc.record({
    store: fc.constantFrom('P', 'PO'),
    chunkSectors: fc.constantFrom(8, 16, 64),
    originSectors: fc.integer({ min: 1024, max: 65536 }),
    cowChunks: fc.integer({ min: 2, max: 400 }),
  });
  const ios = (originSectors: number) =>
    fc.array(
      fc
        .record({
          origin: fc.boolean(),
          offset: fc.nat({ max: originSectors - 1 }),
          sectors: fc.integer({ min: 1, max: 300 }),
        })
        .map(({ origin, offset, sectors }): Io => ({
          origin,
          offsetSectors: offset,
          sectors: Math.min(sectors, originSectors - offset),
        })),
      { maxLength: 40 },
    );
  const run = config.chain((c) => fc.tuple(fc.constant(c), ios(c.originSectors)));

  const tiny: Io = { origin: false, offsetSectors: 100, sectors: 1 };
  const overflowing: Io = { origin: false, offsetSectors: 0, sectors: 200 };

  it('overlayBytes → readOverlay gives the target status and the exception pairs of cowSource: 150 runs', async () => {
    const states = new Set<string>();
    await fc.assert(
      fc.asyncProperty(run, async ([{ store, chunkSectors, originSectors, cowChunks }, steps]) => {
        const cow = new CowDevice(cowChunks * chunkSectors);
        const created = SnapshotTarget.create({
          origin: new OriginDevice(originSectors),
          cow,
          store,
          chunkSectors,
        });
        if (!created.ok) throw new Error(created.message);
        const target = created.target;
        for (const { origin, offsetSectors, sectors } of steps) {
          if (origin) target.writeOrigin(offsetSectors, sectors);
          else target.write(offsetSectors, sectors);
        }
        const status = target.status();
        states.add(`${store} ${status.state}`);
        const exported = await readOverlay(bytesSource(overlayBytes(cow)));
        const direct = await readOverlay(cowSource(cow));
        expect(summary(exported)).toEqual(summary(direct));
        if (status.state === 'Overflow') {
          // PO after an overflow: the header stays valid, so the file shows the full usage once re-created.
          expect(exported.status.state).toBe('Valid');
        } else {
          expect(exported.status).toEqual(status);
        }
        // The sparse export (pages only) is the same file.
        const { sizeBytes, pages } = exportOverlay(cow);
        expect(summary(await readOverlay(sparseSource(sizeBytes, pages)))).toEqual(summary(direct));
      }),
      {
        numRuns: 150,
        // One of each outcome always runs: P fills up (Invalid), PO overflows, an origin write invalidates PO.
        examples: [
          [[{ store: 'P', chunkSectors: 8, originSectors: 4096, cowChunks: 4 }, [tiny, overflowing]]],
          [[{ store: 'PO', chunkSectors: 16, originSectors: 4096, cowChunks: 4 }, [tiny, overflowing]]],
          [
            [
              { store: 'PO', chunkSectors: 8, originSectors: 4096, cowChunks: 4 },
              [{ ...overflowing, origin: true }],
            ],
          ],
        ],
      },
    );
    expect(states).toEqual(new Set(['P Valid', 'P Invalid', 'PO Valid', 'PO Overflow', 'PO Invalid']));
  });

  for (const [store, chunkSectors] of [
    ['P', 8],
    ['PO', 16],
    ['P', 64],
  ] as const) {
    it(`${store} ${chunkSectors}: a write that crosses a metadata area reads back with two areas`, async () => {
      const epa = exceptionsPerArea(chunkSectors);
      const cow = new CowDevice((epa + 10) * 2 * chunkSectors);
      const created = SnapshotTarget.create({
        origin: new OriginDevice((epa + 5) * chunkSectors),
        cow,
        store,
        chunkSectors,
      });
      if (!created.ok) throw new Error(created.message);
      expect(created.target.write(0, (epa + 5) * chunkSectors).ok).toBe(true);
      const info = await readOverlay(bytesSource(overlayBytes(cow)));
      expect(info.status).toEqual(created.target.status());
      expect(info.status).toMatchObject({ metadataSectors: 3 * chunkSectors });
      expect(info.exceptions.length).toBe(epa + 5);
      expect(info.exceptions.toPairs()).toEqual((await readOverlay(cowSource(cow))).exceptions.toPairs());
    });
  }
});
