// A COW on a file that may refuse to grow (a sparse overlay file on a full stick, the temporary overlay
// in RAM): the loop device's failed write is an I/O error on the COW, and dm-snapshot invalidates the
// snapshot with "Error reading/writing." whatever its store type (dm-snap.c pending_complete).

import { describe, expect, it } from 'vitest';
import { OriginDevice } from '../../../src/model/block/BlockDevice';
import { CowDevice } from '../../../src/model/block/CowDevice';
import { SnapshotTarget } from '../../../src/model/dm/SnapshotTarget';
import { makeTarget } from '../../helpers/makeTarget';

/** A COW whose file holds at most `limitBytes`, and the ends it was asked to hold. */
function limitedCow(limitBytes: number): { cow: CowDevice; asked: number[] } {
  const cow = new CowDevice(2464);
  const asked: number[] = [];
  cow.setBacking({ holds: (end) => (asked.push(end), end <= limitBytes) });
  return { cow, asked };
}

describe('a COW whose file cannot grow', () => {
  for (const store of ['P', 'PO', 'N'] as const) {
    it(`invalidates a ${store} snapshot with "Error reading/writing." and commits nothing of the write`, () => {
      const { cow } = limitedCow(20 * 4096);
      const messages: string[] = [];
      const target = makeTarget({ cow, store });
      target.events.on('kernel-message', ({ text }) => messages.push(text));
      expect(target.write(0, 8 * 10)).toMatchObject({ ok: true, newChunks: 10 });
      const before = target.store.usage().sectorsAllocated;
      expect(target.write(8 * 10, 8 * 20)).toEqual({ ok: false, error: 'EIO', newChunks: 0 });
      expect(target.status()).toEqual({ state: 'Invalid' });
      expect(messages).toEqual(['device-mapper: snapshots: Invalidating snapshot: Error reading/writing.']);
      expect(target.isCopied(10)).toBe(false);
      expect(target.store.usage().sectorsAllocated).toBeGreaterThan(before);
    });
  }

  it('asks the file to hold every chunk handed out, header and metadata areas included', () => {
    const { cow, asked } = limitedCow(Infinity);
    const target = makeTarget({ cow });
    target.write(0, 8 * 300);
    // 300 data chunks, the header, area 0 and area 1 (started when area 0 filled): 303 chunks.
    expect(asked).toEqual([2 * 4096, 303 * 4096]);
  });

  it('asks nothing for a write to chunks already copied', () => {
    const { cow, asked } = limitedCow(Infinity);
    const target = makeTarget({ cow });
    target.write(0, 8);
    asked.length = 0;
    target.write(0, 8);
    expect(asked).toEqual([]);
  });

  it('fails `dmsetup create` when the file cannot even hold a new store’s header and first area', () => {
    const { cow } = limitedCow(4096);
    const made = SnapshotTarget.create({
      origin: new OriginDevice(131072),
      cow,
      store: 'P',
      chunkSectors: 8,
    });
    expect(made).toEqual({ ok: false, message: 'Failed to read snapshot metadata' });
  });
});
