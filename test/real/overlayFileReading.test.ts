// readOverlayFile on real Files and Blobs: overlay files rebuilt from the kernel-lab's recorded tables read to
// the kernel's status, the learner's stick as the file tells it, each refusal as a problem with a message,
// a file that changed under the reader as `unreadable`, and a full 1 GiB sparse overlay read with a
// progress bar that moves in whole percents.

import { openAsBlob } from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OriginDevice } from '../../src/model/block/BlockDevice';
import { CowDevice } from '../../src/model/block/CowDevice';
import { encodeHeader, SNAP_MAGIC } from '../../src/model/dm/diskFormat';
import { overlayBytes } from '../../src/model/dm/overlayFile';
import { SnapshotTarget } from '../../src/model/dm/SnapshotTarget';
import { readOverlayFile, type OverlayFileReading } from '../../src/real/overlayFileReading';
import { cowFileOfStep } from '../helpers/cowBuilder';
import { fullOverlay, writeSparseFile } from '../helpers/fullOverlay';
import { cumulativeRuns, kernelStatus, loadGolden } from '../helpers/golden';
import { REAL_OVERLAY_FIXTURE, realOverlayFixtureBytes } from '../helpers/realOverlayFixture';

const dir = mkdtempSync(join(tmpdir(), 'cellar-overlay-reading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noProgress = () => undefined;

/** A File of the given bytes (the rebuilt files' bytes are a plain ArrayBuffer; TypeScript cannot know it). */
const fileOf = (bytes: Uint8Array, name = 'overlay-SOAS-1234-5678') =>
  new File([bytes as Uint8Array<ArrayBuffer>], name);

function failure(reading: OverlayFileReading) {
  if (reading.ok) throw new Error('expected the file to be refused, but it was read');
  return reading;
}

describe('overlay files rebuilt from the recorded tables read to the kernel’s status', () => {
  const cases: [scenario: string, steps: string[]][] = [
    ['b_overflow_P', ['created', 'write_keep4M', 'overflow_write', 'recreated', 'write_after']],
    ['b_overflow_PO', ['overflow_write', 'recreated']],
    ['d_full', ['P_2464_minus3', 'P_2464_exactly_full', 'P_2464_overflow']],
    ['a_ext4', ['write_16M']],
    ['c_P_16', ['write_16M']],
    ['c_P_128', ['create_200x1K']],
    ['e_origin_merge', ['inv_origin_overflow']],
    ['f_liveos_4k', ['install_activity']],
  ];
  for (const [scenario, names] of cases) {
    const golden = loadGolden(scenario);
    const tables = cumulativeRuns(golden);
    for (const name of names) {
      const step = golden.steps.find((s) => s.name === name)!;
      it(`${scenario} ${name}: ${step.status?.split(' ').slice(3).join(' ')}`, async () => {
        const file = fileOf(cowFileOfStep(step, tables.get(step.index)!));
        const reading = await readOverlayFile(file, noProgress);
        if (!reading.ok) throw new Error(reading.message);
        const { stick, overlay } = reading;
        const status = kernelStatus(step);
        // A PO overflow leaves the header valid: the file shows the full usage the next create reports.
        if (status.state !== 'Overflow') expect(overlay.status).toEqual(status);
        expect(overlay.exceptions.length).toBe(step.exceptions!.count);
        expect(stick).toMatchObject({
          source: 'overlay-file',
          persistence: 'persistent',
          snapshot: { status: overlay.status, chunkSectors: step.chunk_sectors, store: null },
          overlayFile: { path: 'overlay-SOAS-1234-5678', sizeBytes: step.cow_file_bytes },
          files: [{ path: 'overlay-SOAS-1234-5678', sizeBytes: step.cow_file_bytes }],
          problems: [],
        });
        expect(stick.evidence).toEqual([
          {
            clue: 'overlay-file',
            text: `the header says SnAp, valid ${overlay.header!.valid}, version 1, chunk size ${step.chunk_sectors} sectors`,
          },
        ]);
      });
    }
  }

  it('an overlay marked invalid whose table is damaged is still a reading: Invalid, with the table’s problem', async () => {
    const golden = loadGolden('b_overflow_P');
    const step = golden.steps.find((s) => s.name === 'overflow_write')!;
    const bytes = cowFileOfStep(step, cumulativeRuns(golden).get(step.index)!);
    // An exception whose new chunk is beyond 2^53 in area 0.
    new DataView(bytes.buffer).setBigUint64(4096 + 8, 2n ** 60n, true);
    const reading = await readOverlayFile(fileOf(bytes), noProgress);
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.stick.snapshot!.status).toEqual({ state: 'Invalid' });
    expect(reading.overlay.tableProblem?.problem).toBe('corrupt');
  });

  it('a blank file is a new store the kernel would format: 16/<total> 16', async () => {
    const reading = await readOverlayFile(fileOf(new Uint8Array(1 << 20)), noProgress);
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.stick.snapshot!.status).toEqual({
      state: 'Valid',
      sectorsAllocated: 16,
      totalSectors: 2048,
      metadataSectors: 16,
    });
    expect(reading.stick.evidence[0]!.text).toMatch(/^the header is zeros/);
  });
});

describe('the overlay fixture of the real-mode browser test', () => {
  it('is the file the script makes, and reads to the recorded 2440/2464 24', async () => {
    expect(readFileSync(REAL_OVERLAY_FIXTURE).equals(realOverlayFixtureBytes())).toBe(true);
    const blob = await openAsBlob(REAL_OVERLAY_FIXTURE);
    const reading = await readOverlayFile(new File([blob], 'overlay-d_full'), noProgress);
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.stick.snapshot!.status).toEqual({
      state: 'Valid',
      sectorsAllocated: 2440,
      totalSectors: 2464,
      metadataSectors: 24,
    });
    expect(reading.overlay.exceptions.length).toBe(302);
  });
});

describe('files readOverlayFile refuses, each with its problem and message', () => {
  const headed = (fields: Partial<{ magic: number; version: number; chunkSectors: number }>) => {
    const bytes = new Uint8Array(64 << 10);
    bytes.set(encodeHeader({ magic: SNAP_MAGIC, valid: 1, version: 1, chunkSectors: 8, ...fields }));
    return bytes;
  };
  const cases: [what: string, bytes: Uint8Array, problem: string, message: RegExp][] = [
    ['an empty file', new Uint8Array(0), 'empty', /^the file is empty \(0 bytes\)/],
    ['10 bytes', new Uint8Array(10).fill(1), 'truncated', /only 10 bytes: too short for a header/],
    ['a squashfs image', new TextEncoder().encode('hsqs'.padEnd(4096, '\0')), 'bad-magic', /"SnAp"/],
    ['chunk size 12', headed({ chunkSectors: 12 }), 'bad-chunk-size', /chunk size 12/],
    ['version 2', headed({ version: 2 }), 'bad-version', /disk version 2/],
    ['a header alone', headed({}).subarray(0, 16), 'truncated', /cut short/],
  ];
  for (const [what, bytes, problem, message] of cases) {
    it(`${what}: ${problem}`, async () => {
      const refused = failure(await readOverlayFile(fileOf(bytes), noProgress));
      expect(refused.problem).toBe(problem);
      expect(refused.message).toMatch(message);
    });
  }

  it('a file changed on disk after it was chosen: unreadable, with the browser’s reason', async () => {
    const path = join(dir, 'changing');
    writeFileSync(path, headed({}));
    const blob = await openAsBlob(path);
    writeFileSync(path, new Uint8Array(100));
    const refused = failure(await readOverlayFile(blob, noProgress));
    expect(refused.problem).toBe('unreadable');
    expect(refused.message).toBe('the file could not be read: The blob could not be read');
  });
});

describe('a full 1 GiB sparse overlay, read from the disk', () => {
  it('fullOverlay is the file the model leaves once a PO snapshot has written every chunk', async () => {
    const cowSectors = 8192; // 1,024 chunks: 3 full areas and a fourth holding 251
    const made = SnapshotTarget.create({
      origin: new OriginDevice(4 * cowSectors),
      cow: new CowDevice(cowSectors),
      store: 'PO',
      chunkSectors: 8,
    });
    if (!made.ok) throw new Error(made.message);
    made.target.write(0, 4 * cowSectors);
    const built = fullOverlay(cowSectors * 512);
    const bytes = new Uint8Array(built.sizeBytes);
    for (const { offsetBytes, bytes: page } of built.pages) bytes.set(page, offsetBytes);
    // Buffer.equals: toEqual walks 4 MiB byte by byte for seconds.
    expect(Buffer.from(bytes).equals(overlayBytes(made.target.cow))).toBe(true);
    expect(built.exceptions).toBe(3 * 256 + 251);
  });

  it('reads to allocated = total, with progress in whole percents ending at 1', async () => {
    const path = join(dir, 'full-1gib');
    const overlay = fullOverlay(2 ** 30);
    await writeSparseFile(path, overlay);
    const progress: number[] = [];
    const reading = await readOverlayFile(await openAsBlob(path), (f) => progress.push(f));
    if (!reading.ok) throw new Error(reading.message);
    // 262,144 chunks: the header, 1,021 areas (1,020 full, the last with 2 exceptions), no chunk free.
    expect(overlay.exceptions).toBe(1020 * 256 + 2);
    expect(reading.stick.snapshot!.status).toEqual({
      state: 'Valid',
      sectorsAllocated: 2 * 2 ** 20,
      totalSectors: 2 * 2 ** 20,
      metadataSectors: 8 * (1020 + 2),
    });
    expect(reading.overlay.exceptions.length).toBe(overlay.exceptions);
    expect(reading.stick.overlayFile).toEqual({ path: '', sizeBytes: 2 ** 30, allocatedBytes: null });
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.length).toBeLessThanOrEqual(100);
    expect(progress.every((f, i) => i === 0 || f > progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('a half-full table jumps to 1 once it ends', async () => {
    const half = fullOverlay(2 ** 29);
    const path = join(dir, 'half-full-1gib');
    await writeSparseFile(path, { ...half, sizeBytes: 2 ** 30 });
    const progress: number[] = [];
    const reading = await readOverlayFile(await openAsBlob(path), (f) => progress.push(f));
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.overlay.exceptions.length).toBe(half.exceptions);
    expect(progress.at(-2)).toBeLessThanOrEqual(0.51);
    expect(progress.at(-1)).toBe(1);
  });
});
