// readAheadSource: once two reads of one length show a stride, the next reads along it are started at once
// (several in flight), the reader gets the same bytes as without it, nothing is read past the end, and a read
// ahead that fails and is never asked for is not an unhandled rejection.

import { describe, expect, it } from 'vitest';
import { bytesSource, readOverlay, type ByteSource } from '../../src/model/dm/overlayFile';
import { blobSource } from '../../src/real/blobSource';
import { readAheadSource } from '../../src/real/readAheadSource';
import { fullOverlay } from '../helpers/fullOverlay';

/** An asynchronous source over bytes that records each read when it starts. */
function recorded(bytes: Uint8Array) {
  const starts: number[] = [];
  const source: ByteSource = {
    sizeBytes: bytes.length,
    async read(offsetBytes, lengthBytes) {
      starts.push(offsetBytes);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return bytes.slice(offsetBytes, offsetBytes + lengthBytes);
    },
  };
  return { source, starts };
}

const pattern = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 251);

describe('readAheadSource', () => {
  it('starts the next reads along a stride before they are asked for, and hands them out', async () => {
    const { source, starts } = recorded(pattern);
    const ahead = readAheadSource(source, { depth: 4 });
    expect(await ahead.read(0, 16)).toEqual(pattern.slice(0, 16));
    expect(await ahead.read(1000, 100)).toEqual(pattern.slice(1000, 1100));
    expect(starts).toEqual([0, 1000]);
    // The second read of 100 bytes shows the stride 5000: the four after it start at once.
    expect(await ahead.read(6000, 100)).toEqual(pattern.slice(6000, 6100));
    expect(starts).toEqual([0, 1000, 6000, 11000, 16000, 21000, 26000]);
    // Handed out, not read again; and topped up only once half of them are gone, in one batch.
    expect(await ahead.read(11000, 100)).toEqual(pattern.slice(11000, 11100));
    expect(starts.at(-1)).toBe(26000);
    expect(await ahead.read(16000, 100)).toEqual(pattern.slice(16000, 16100));
    expect(starts.slice(7)).toEqual([31000, 36000]);
    expect(starts.filter((at) => at === 11000 || at === 16000)).toHaveLength(2);
  });

  it('asks a source that reads many slices at once for each batch in one request', async () => {
    const batches: number[][] = [];
    const single: number[] = [];
    const source: ByteSource = {
      sizeBytes: pattern.length,
      read(offsetBytes, lengthBytes) {
        single.push(offsetBytes);
        return pattern.slice(offsetBytes, offsetBytes + lengthBytes);
      },
      async readMany(ranges) {
        batches.push(ranges.map((r) => r.offsetBytes));
        return ranges.map(({ offsetBytes, lengthBytes }) =>
          pattern.slice(offsetBytes, offsetBytes + lengthBytes),
        );
      },
    };
    const ahead = readAheadSource(source, { depth: 4 });
    await ahead.read(0, 10);
    await ahead.read(100, 10);
    expect(batches).toEqual([[200, 300, 400, 500]]);
    for (const at of [200, 300, 400]) expect(await ahead.read(at, 10)).toEqual(pattern.slice(at, at + 10));
    expect(batches.slice(1)).toEqual([[600, 700]]);
    expect(single).toEqual([0, 100]);
  });

  it('blobSource reads many slices of a Blob as one and cuts them apart in order', async () => {
    const source = blobSource(new Blob([pattern]));
    const slices = await source.readMany!([
      { offsetBytes: 5000, lengthBytes: 3 },
      { offsetBytes: 10, lengthBytes: 4 },
      { offsetBytes: 99_998, lengthBytes: 2 },
    ]);
    expect(slices).toEqual([pattern.slice(5000, 5003), pattern.slice(10, 14), pattern.slice(99_998)]);
  });

  it('never reads past the end, nor more than maxAheadBytes ahead', async () => {
    const { source, starts } = recorded(pattern);
    const ahead = readAheadSource(source, { depth: 64, maxAheadBytes: 300 });
    await ahead.read(0, 100);
    await ahead.read(1000, 100);
    expect(starts).toEqual([0, 1000, 2000, 3000, 4000]);
    await ahead.read(85_000, 100);
    await ahead.read(90_000, 100);
    expect(starts.slice(5)).toEqual([85_000, 90_000, 95_000]);
  });

  it('a jump or another length starts afresh', async () => {
    const { source, starts } = recorded(pattern);
    const ahead = readAheadSource(source, { depth: 2 });
    await ahead.read(0, 10);
    await ahead.read(10, 10);
    expect(starts).toEqual([0, 10, 20, 30]);
    expect(await ahead.read(5, 20)).toEqual(pattern.slice(5, 25));
    expect(await ahead.read(20, 10)).toEqual(pattern.slice(20, 30));
    expect(starts).toEqual([0, 10, 20, 30, 5, 20]);
  });

  it('gives readOverlay the same table, with many area reads in flight', async () => {
    const full = fullOverlay(64 << 20);
    const bytes = new Uint8Array(full.sizeBytes);
    for (const { offsetBytes, bytes: page } of full.pages) bytes.set(page, offsetBytes);
    let inFlight = 0;
    let most = 0;
    const slow: ByteSource = {
      sizeBytes: bytes.length,
      async read(offsetBytes, lengthBytes) {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 0));
        inFlight--;
        return bytes.slice(offsetBytes, offsetBytes + lengthBytes);
      },
    };
    const read = await readOverlay(readAheadSource(slow));
    const plain = await readOverlay(bytesSource(bytes));
    expect(read.status).toEqual(plain.status);
    expect(read.exceptions.toRuns()).toEqual(plain.exceptions.toRuns());
    expect(read.exceptions.length).toBe(full.exceptions);
    expect(most).toBeGreaterThan(8);
  });

  it('a read ahead that fails is only an error for a reader that asks for it', async () => {
    const failing: ByteSource = {
      sizeBytes: 1000,
      read: (offsetBytes) =>
        offsetBytes >= 300 ? Promise.reject(new Error(`disk error at ${offsetBytes}`)) : new Uint8Array(10),
    };
    const ahead = readAheadSource(failing, { depth: 3 });
    await ahead.read(0, 10);
    await ahead.read(100, 10); // starts 200, 300 and 400 ahead; 300 and 400 fail, unasked
    await expect(Promise.resolve(ahead.read(200, 10))).resolves.toHaveLength(10);
    await expect(Promise.resolve(ahead.read(300, 10))).rejects.toThrow('disk error at 300');
  });
});
