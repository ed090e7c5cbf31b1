// squashfs.img: read-only (every write is EROFS), its size on the stick beside the root image inside it,
// and the estimate of that size from the root image's bytes in use.

import { describe, expect, it } from 'vitest';
import { ERAS } from '../../../src/model/stick/eras';
import {
  DEFAULT_SQUASHFS_RATIO,
  SquashfsImage,
  estimateSquashedBytes,
  type SquashfsEvents,
} from '../../../src/model/store/SquashfsImage';
import { CountingEmitter } from './countingEmitter';

const GIB = 2 ** 30;

function soas2012(): SquashfsImage {
  // The 2012 wiki's ext3fs.img: 8,388,608 sectors (`live-rw: 0 8388608 snapshot Invalid`).
  return SquashfsImage.fromRootImage({
    rootImageName: ERAS['soas-2012'].rootImageName,
    rootImageBytes: 4 * GIB,
    rootImageUsedBytes: 1.5 * GIB,
  });
}

describe('squashfs size estimate', () => {
  it('divides the bytes in use by the ratio and pads to 4 KiB', () => {
    expect(DEFAULT_SQUASHFS_RATIO).toBe(3);
    expect(estimateSquashedBytes(3 * GIB)).toBe(GIB);
    expect(estimateSquashedBytes(1)).toBe(4096);
    expect(estimateSquashedBytes(0)).toBe(4096);
    expect(estimateSquashedBytes(10_000_000, 2.5)).toBe(977 * 4096);
  });

  it('charges nothing for the root image’s free space', () => {
    const small = SquashfsImage.fromRootImage({
      rootImageName: 'rootfs.img',
      rootImageBytes: 512 * 2 ** 20,
      rootImageUsedBytes: 40_000_000,
    });
    const large = SquashfsImage.fromRootImage({
      rootImageName: 'rootfs.img',
      rootImageBytes: 6 * GIB,
      rootImageUsedBytes: 40_000_000,
    });
    expect(large.compressedBytes).toBe(small.compressedBytes);
  });

  it('refuses a ratio that is not a positive number', () => {
    expect(() => estimateSquashedBytes(10, 0)).toThrow('positive');
    expect(() => estimateSquashedBytes(10, Number.NaN)).toThrow('positive');
    expect(() => estimateSquashedBytes(-1)).toThrow('whole number');
  });
});

describe('squashfs image', () => {
  it('holds LiveOS/ext3fs.img in 2012 and LiveOS/rootfs.img today', () => {
    const image = soas2012();
    expect(image.list('/')).toEqual({
      ok: true,
      value: [{ name: 'LiveOS', kind: 'dir', sizeBytes: 0, usedBytes: 0 }],
    });
    expect(image.list('/LiveOS')).toEqual({
      ok: true,
      value: [{ name: 'ext3fs.img', kind: 'file', sizeBytes: 4 * GIB, usedBytes: 512 * 2 ** 20 }],
    });
    expect(image.rootImagePath).toBe('/LiveOS/ext3fs.img');
    expect(image.rootImageSectors).toBe(8_388_608);
    expect(ERAS['fedora-today'].rootImageName).toBe('rootfs.img');
    expect(image.stat('/LiveOS/rootfs.img')).toEqual({ ok: false, error: 'ENOENT' });
    expect(image.stat('/LiveOS/ext3fs.img/x')).toEqual({ ok: false, error: 'ENOTDIR' });
    expect(image.list('/LiveOS/ext3fs.img')).toEqual({ ok: false, error: 'ENOTDIR' });
  });

  it('costs its compressed size on the stick and compares it with the root image', () => {
    const image = soas2012();
    expect(image.usage()).toEqual({ usedBytes: 512 * 2 ** 20, capacityBytes: 512 * 2 ** 20 });
    expect(image.compressionRatio).toBe(3);
  });

  it('refuses every write with EROFS and says so to a listener', () => {
    const image = soas2012();
    const refused: SquashfsEvents['write-refused'][] = [];
    image.events.on('write-refused', (event) => refused.push(event));
    expect(image.write('/LiveOS/ext3fs.img')).toEqual({ ok: false, error: 'EROFS' });
    expect(image.createFile('/new')).toEqual({ ok: false, error: 'EROFS' });
    expect(image.append('/LiveOS/ext3fs.img')).toEqual({ ok: false, error: 'EROFS' });
    expect(image.resize('/LiveOS/ext3fs.img')).toEqual({ ok: false, error: 'EROFS' });
    expect(image.remove('/LiveOS')).toEqual({ ok: false, error: 'EROFS' });
    expect(image.mkdir('/tmp')).toEqual({ ok: false, error: 'EROFS' });
    expect(image.rename('/LiveOS', '/Other')).toEqual({ ok: false, error: 'EROFS' });
    expect(refused.map((event) => event.operation)).toEqual([
      'write',
      'create',
      'append',
      'truncate',
      'remove',
      'mkdir',
      'rename',
    ]);
    expect(refused.at(-1)).toEqual({ path: '/LiveOS', operation: 'rename', toPath: '/Other' });
    expect(image.save()).toEqual(soas2012().save());
  });

  it('builds no event when nobody listens', () => {
    const events = new CountingEmitter<SquashfsEvents>();
    const image = new SquashfsImage({ ...soas2012().save(), events });
    image.write('/x');
    expect(events.emitted).toBe(0);
  });

  it('refuses an impossible image', () => {
    const spec = soas2012().save();
    expect(() => new SquashfsImage({ ...spec, rootImageUsedBytes: spec.rootImageBytes + 1 })).toThrow(
      'more bytes',
    );
    expect(() => new SquashfsImage({ ...spec, compressedBytes: 0 })).toThrow('never empty');
    expect(() => new SquashfsImage({ ...spec, rootImageBytes: 1.5 })).toThrow('whole number');
  });

  it('round-trips through save → JSON → restore', () => {
    const image = soas2012();
    expect(SquashfsImage.restore(JSON.parse(JSON.stringify(image.save()))).save()).toEqual(image.save());
  });

  it('refuses a document from a newer Cellar by saying so', () => {
    expect(() => SquashfsImage.restore({ ...soas2012().save(), version: 2 })).toThrow(
      'the saved squashfs image is version 2, newer than this Cellar reads (1)',
    );
  });
});
