// The stick's filesystem formatted ext4: mke2fs's own structures left out of df's size, whole blocks per
// file, sparse files that take blocks only where written, folders that grow and never shrink, inodes,
// root's reserve, no 4 GiB cap, and a saved state that comes back exactly.

import { describe, expect, it } from 'vitest';
import { computeGeometry, parseMkfsCommand } from '../../../src/model/fs/geometry';
import { direntBytes, Ext4Device, type Ext4DeviceState } from '../../../src/model/store/Ext4Device';
import { FAT_MAX_FILE_BYTES } from '../../../src/model/store/Vfat';
import type { StoreEvents } from '../../../src/model/store/storeTypes';
import { CountingEmitter } from './countingEmitter';

const MIB = 2 ** 20;
const GIB = 2 ** 30;
const MKFS = 'mkfs.ext4 -L LIVE /dev/sdb1';

function makeExt4(partitionBytes = GIB): Ext4Device {
  return new Ext4Device({ partitionBytes, mkfsCommand: MKFS, label: 'LIVE' });
}

describe('ext4 stick space', () => {
  it('shows df’s numbers for a fresh filesystem: the size less mke2fs’s overhead, the root’s reserve apart', () => {
    const ext4 = makeExt4();
    const g = computeGeometry(parseMkfsCommand(MKFS, GIB));
    expect(ext4.blockBytes).toBe(4096);
    expect(ext4.capacityBytes).toBe((g.blocksCount - g.overheadBlocks) * 4096);
    expect(ext4.freeBytes).toBe(g.freeBlocksCount * 4096);
    expect(ext4.usedBytes).toBe(ext4.capacityBytes - ext4.freeBytes);
    expect(ext4.reservedBytes).toBe(g.reservedBlocksCount * 4096);
    expect(ext4.reservedBytes / (g.blocksCount * 4096)).toBeCloseTo(0.05, 3);
    expect(ext4.list('/')).toMatchObject({ ok: true, value: [{ name: 'lost+found', kind: 'dir' }] });
    expect(ext4.kind).toBe('ext4');
    expect(ext4.label).toBe('LIVE');
  });

  it('uses 1 KiB blocks below 512 MiB, as mke2fs’s small profile does', () => {
    expect(makeExt4(200 * MIB).blockBytes).toBe(1024);
    expect(makeExt4(512 * MIB).blockBytes).toBe(4096);
  });

  it('gives a written file every block it touches and frees them when it goes', () => {
    const ext4 = makeExt4();
    const free = ext4.freeBytes;
    expect(ext4.createFile('/photo.jpg', 10_000)).toEqual({ ok: true });
    expect(ext4.stat('/photo.jpg')).toEqual({
      ok: true,
      value: { path: '/photo.jpg', kind: 'file', sizeBytes: 10_000, usedBytes: 12_288 },
    });
    expect(ext4.freeBytes).toBe(free - 12_288);
    expect(ext4.remove('/photo.jpg')).toEqual({ ok: true });
    expect(ext4.freeBytes).toBe(free);
  });

  it('keeps a file made with truncate or dd seek= sparse: its blocks come only as they are written', () => {
    const ext4 = makeExt4();
    const free = ext4.freeBytes;
    expect(ext4.createFile('/overlay', 0)).toEqual({ ok: true });
    expect(ext4.resize('/overlay', 300 * MIB)).toEqual({ ok: true });
    expect(ext4.stat('/overlay')).toMatchObject({ value: { sizeBytes: 300 * MIB, usedBytes: 0 } });
    expect(ext4.freeBytes).toBe(free);
    expect(ext4.writeAt('/overlay', 0, 8192)).toEqual({ ok: true });
    expect(ext4.freeBytes).toBe(free - 8192);
    expect(ext4.writeAt('/overlay', 0, 8192)).toEqual({ ok: true });
    expect(ext4.freeBytes).toBe(free - 8192);
    expect(ext4.writeAt('/overlay', 100 * MIB, 1)).toEqual({ ok: true });
    expect(ext4.stat('/overlay')).toMatchObject({ value: { sizeBytes: 300 * MIB, usedBytes: 3 * 4096 } });
    expect(ext4.resize('/overlay', 4096)).toEqual({ ok: true });
    expect(ext4.stat('/overlay')).toMatchObject({ value: { sizeBytes: 4096, usedBytes: 4096 } });
  });

  it('holds a file larger than FAT’s 4 GiB − 1 byte, and refuses one past 2^32 blocks (EFBIG)', () => {
    const ext4 = makeExt4(8 * GIB);
    expect(ext4.write('/big.img', 5 * GIB)).toEqual({ ok: true });
    expect(ext4.stat('/big.img')).toMatchObject({ value: { sizeBytes: 5 * GIB } });
    expect(5 * GIB).toBeGreaterThan(FAT_MAX_FILE_BYTES);
    expect(ext4.maxFileBytes).toBe((2 ** 32 - 1) * 4096);
    expect(ext4.resize('/big.img', ext4.maxFileBytes + 1)).toEqual({ ok: false, error: 'EFBIG' });
    expect(ext4.resize('/big.img', ext4.maxFileBytes)).toEqual({ ok: true });
  });

  it('lets root write into the reserve and refuses a write that does not fit, whole (ENOSPC)', () => {
    const ext4 = makeExt4(64 * MIB);
    const room = ext4.freeBytes - ext4.blockBytes;
    expect(room).toBeGreaterThan(ext4.reservedBytes);
    expect(ext4.write('/fill', room)).toEqual({ ok: true });
    const before = ext4.save();
    expect(ext4.write('/more', 2 * ext4.blockBytes)).toEqual({ ok: false, error: 'ENOSPC' });
    expect(ext4.writeAt('/fill', room, 2 * ext4.blockBytes)).toEqual({ ok: false, error: 'ENOSPC' });
    expect(ext4.save()).toEqual(before);
    expect(ext4.write('/last', ext4.blockBytes)).toEqual({ ok: true });
    expect(ext4.freeBytes).toBe(0);
  });

  it('grows a folder by a block when its entries no longer fit, and never shrinks it', () => {
    const ext4 = makeExt4();
    ext4.mkdir('/photos');
    expect(ext4.stat('/photos')).toMatchObject({ value: { usedBytes: 4096 } });
    const name = (i: number) => `picture-number-${String(i).padStart(4, '0')}.jpg`;
    const perBlock = Math.floor((4096 - 12 - 24) / direntBytes(name(0)));
    for (let i = 0; i <= perBlock; i++)
      expect(ext4.createFile(`/photos/${name(i)}`, 0)).toEqual({ ok: true });
    expect(ext4.stat('/photos')).toMatchObject({ value: { usedBytes: 8192 } });
    for (let i = 0; i <= perBlock; i++) ext4.remove(`/photos/${name(i)}`);
    expect(ext4.stat('/photos')).toMatchObject({ value: { usedBytes: 8192 } });
  });

  it('runs out of inodes before blocks when a small stick holds many empty files', () => {
    const ext4 = makeExt4(16 * MIB);
    const inodes = ext4.freeInodes;
    let made = 0;
    while (ext4.createFile(`/f${made}`, 0).ok) made++;
    expect(made).toBe(inodes);
    expect(ext4.freeInodes).toBe(0);
    expect(ext4.freeBytes).toBeGreaterThan(0);
    expect(ext4.mkdir('/one-more')).toEqual({ ok: false, error: 'ENOSPC' });
  });

  it('is case-sensitive and takes any Linux name', () => {
    const ext4 = makeExt4();
    expect(ext4.createFile('/Photo', 1)).toEqual({ ok: true });
    expect(ext4.createFile('/photo', 1)).toEqual({ ok: true });
    expect(ext4.createFile('/what?.txt', 1)).toEqual({ ok: true });
    expect(ext4.createFile(`/${'x'.repeat(256)}`, 1)).toEqual({ ok: false, error: 'ENAMETOOLONG' });
  });

  it('renames, replacing a file and giving its blocks back', () => {
    const ext4 = makeExt4();
    ext4.createFile('/a', 8192);
    ext4.createFile('/b', 4096 * 10);
    const free = ext4.freeBytes;
    expect(ext4.rename('/a', '/b')).toEqual({ ok: true });
    expect(ext4.freeBytes).toBe(free + 4096 * 10);
    expect(ext4.stat('/b')).toMatchObject({ value: { sizeBytes: 8192 } });
    expect(ext4.stat('/a')).toEqual({ ok: false, error: 'ENOENT' });
  });

  it('builds no event payload when nobody listens', () => {
    const events = new CountingEmitter<StoreEvents>();
    const ext4 = new Ext4Device({ partitionBytes: GIB, mkfsCommand: MKFS, label: null, events });
    ext4.createFile('/a', 1);
    ext4.remove('/a');
    expect(events.emitted).toBe(0);
    const seen: number[] = [];
    events.on('file-written', (e) => seen.push(e.deltaUsedBytes));
    ext4.writeAt('/sparse', 4096 * 3, 1);
    expect(seen).toEqual([4096]);
  });
});

describe('ext4 stick save and restore', () => {
  it('comes back exactly, sparse files and grown folders included', () => {
    const ext4 = makeExt4();
    ext4.mkdir('/LiveOS');
    ext4.createFile('/LiveOS/overlay', 0);
    ext4.resize('/LiveOS/overlay', 100 * MIB);
    ext4.writeAt('/LiveOS/overlay', 0, 40 * 4096);
    ext4.createFile('/LiveOS/squashfs.img', 3 * MIB + 1);
    const saved = JSON.parse(JSON.stringify(ext4.save())) as Ext4DeviceState;
    const back = Ext4Device.restore(saved);
    expect(back.save()).toEqual(saved);
    expect(back.usage()).toEqual(ext4.usage());
    expect(back.freeInodes).toBe(ext4.freeInodes);
  });

  it('refuses a damaged or newer document, naming the fault', () => {
    const saved = makeExt4().save();
    const withFile = (blocks: [number, number][]) => ({
      ...saved,
      entries: [...saved.entries, { path: '/f', kind: 'file', sizeBytes: 4096, blocks }],
    });
    expect(() => Ext4Device.restore(withFile([[0, 2]]))).toThrow(/holds pages past its end/);
    expect(() => Ext4Device.restore(withFile([[0, 0]]))).toThrow(/out of order/);
    expect(() => Ext4Device.restore({ ...saved, version: 2 })).toThrow(/newer than this Cellar reads/);
    expect(() => Ext4Device.restore({ ...saved, mkfsCommand: 'mkfs.ext3 /dev/sdb1' })).toThrow(
      /cannot format it/,
    );
    const huge = {
      ...saved,
      entries: [{ path: '/f', kind: 'file', sizeBytes: 2 * GIB, blocks: [[0, 2 * 262_144]] }],
    };
    expect(() => Ext4Device.restore(huge)).toThrow(/more blocks than it has/);
  });
});
