// overlayInfoSource: a real overlay read by readOverlay, as the chunk map sees it — the layout the status
// implies (a blank file's area 0, an invalid file's areas up to where its table broke), the data chunks in
// COW order even when a damaged table is not, one owner, and nothing to replay.

import { describe, expect, it } from 'vitest';
import { encodeHeader, SNAP_MAGIC } from '../../src/model/dm/diskFormat';
import { bytesSource, readOverlay } from '../../src/model/dm/overlayFile';
import { overlayInfoSource, REAL_CHANGES_OWNER } from '../../src/ui/chunk-map/overlayInfoSource';
import { buildCowFile } from '../helpers/cowBuilder';

const VALID = '536e4170010000000100000008000000';
const INVALID = '536e4170000000000100000008000000';

async function sourceOf(bytes: Uint8Array) {
  return overlayInfoSource(await readOverlay(bytesSource(bytes)));
}

describe('overlayInfoSource', () => {
  it('a table of 300 exceptions: 2 areas, 300 data chunks of one owner, COW chunk → origin chunk', async () => {
    const source = await sourceOf(
      buildCowFile(
        VALID,
        [
          [40, 2, 256],
          [900, 259, 44],
        ],
        8,
        2 << 20,
      ),
    );
    expect(source.layout()).toEqual({
      kind: 'persistent',
      state: 'Valid',
      chunkSectors: 8,
      chunkBytes: 4096,
      totalChunks: 512,
      fileChunks: 512,
      epa: 256,
      areas: 2,
    });
    const { entries } = source;
    expect(entries.count).toBe(300);
    expect(entries.owners).toEqual([REAL_CHANGES_OWNER]);
    expect(entries.spenders()).toEqual([{ owner: REAL_CHANGES_OWNER, chunks: 300 }]);
    expect(entries.entry(entries.indexOfCowChunk(259))).toEqual({
      cowChunk: 259,
      originChunk: 900,
      owner: REAL_CHANGES_OWNER,
    });
    expect(entries.indexOfCowChunk(258)).toBe(-1); // metadata area 1
    expect(entries.firstIndexFrom(258)).toBe(256);
    expect(entries.lastCopies).toBe(null);
    expect(source.replayable).toBe(false);
  });

  it('a damaged table out of COW order is drawn in COW order', async () => {
    const { entries } = await sourceOf(
      buildCowFile(
        VALID,
        [
          [7, 9, 2],
          [1, 2, 3],
        ],
        8,
        1 << 20,
      ),
    );
    expect(Array.from({ length: entries.count }, (_, i) => entries.cowChunkAt(i))).toEqual([2, 3, 4, 9, 10]);
    expect(entries.entry(entries.indexOfCowChunk(9)).originChunk).toBe(7);
  });

  it('a blank file: the header and area 0 the kernel would write, no data', async () => {
    const source = await sourceOf(new Uint8Array(1 << 20));
    expect(source.layout()).toMatchObject({ state: 'Valid', areas: 1, totalChunks: 256 });
    expect(source.entries.count).toBe(0);
    expect(source.entries.spenders()).toEqual([]);
  });

  it('an invalid file whose table breaks in area 1: Invalid, two areas, the exceptions before the break', async () => {
    const bytes = buildCowFile(INVALID, [[40, 2, 300]], 8, 2 << 20);
    new DataView(bytes.buffer).setBigUint64(258 * 4096 + 16 * 5 + 8, 2n ** 60n, true);
    const source = await sourceOf(bytes);
    expect(source.layout()).toMatchObject({ state: 'Invalid', areas: 2 });
    expect(source.entries.count).toBe(261);
  });

  it('an invalid file whose table is whole: its areas as read', async () => {
    const header = encodeHeader({ magic: SNAP_MAGIC, valid: 0, version: 1, chunkSectors: 16 });
    const bytes = new Uint8Array(1 << 20);
    bytes.set(header);
    const source = await sourceOf(bytes);
    expect(source.layout()).toMatchObject({ state: 'Invalid', areas: 1, chunkSectors: 16, totalChunks: 128 });
  });
});
