// vfat, the stick's own filesystem: whole clusters per file, folders that take clusters and never shrink,
// the 4 GiB − 1 byte file cap, vfat's names, and the numbers `df` would show.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceFilesystem } from '../../../src/model/store/DeviceFilesystem';
import { fatRulesForEra } from '../../../src/model/store/fatGeometry';
import type { StoreEvents } from '../../../src/model/store/storeTypes';
import { FAT_MAX_FILE_BYTES, LIVEOS_DIR, Vfat, type VfatState } from '../../../src/model/store/Vfat';
import { directorySlots, isShortName, vfatName } from '../../../src/model/store/vfatNames';
import { CountingEmitter } from './countingEmitter';

const MIB = 2 ** 20;

function makeVfat(partitionBytes = 1e9): Vfat {
  return new Vfat({ partitionBytes });
}

function clustersUsed(vfat: Vfat): number {
  return vfat.usedBytes / vfat.clusterBytes;
}

/** What the saved state says the filesystem holds, counted from scratch by the published rules. */
function recount(vfat: Vfat, state: VfatState = vfat.save()): number {
  const cb = vfat.clusterBytes;
  const dir = (slots: number) => Math.max(1, Math.ceil((slots * 32) / cb));
  let clusters = vfat.geometry.fatBits === 32 ? dir(state.rootHighWaterSlots) : 0;
  for (const entry of state.entries) {
    clusters += entry.kind === 'dir' ? dir(entry.highWaterSlots) : Math.ceil(entry.sizeBytes / cb);
  }
  return clusters;
}

describe('vfat space', () => {
  it('shows a new 1 GB FAT32 stick with only its root folder cluster in use', () => {
    const vfat = makeVfat();
    expect(vfat.usage()).toEqual({ usedBytes: 4096, capacityBytes: 243_652 * 4096 });
    expect(vfat.freeBytes).toBe(243_651 * 4096);
    expect(vfat.kind).toBe('vfat');
  });

  it('gives a file every cluster it touches, an empty file none', () => {
    const vfat = makeVfat();
    vfat.createFile('/EMPTY', 0);
    expect(clustersUsed(vfat)).toBe(1);
    vfat.createFile('/ONE', 1);
    expect(vfat.stat('/ONE')).toEqual({
      ok: true,
      value: { path: '/ONE', kind: 'file', sizeBytes: 1, usedBytes: 4096 },
    });
    vfat.createFile('/PHOTO.JPG', 10_000);
    expect(vfat.stat('/PHOTO.JPG')).toMatchObject({ value: { usedBytes: 12_288 } });
    expect(vfat.usedBytes).toBe(4096 + 4096 + 12_288);
  });

  it('frees a deleted file’s clusters', () => {
    const vfat = makeVfat();
    vfat.createFile('/PHOTO.JPG', 10_000);
    expect(vfat.usedBytes).toBe(16_384);
    expect(vfat.remove('/PHOTO.JPG')).toEqual({ ok: true });
    expect(vfat.usedBytes).toBe(4096);
  });

  it('has no sparse files: growing a file by truncate allocates its clusters', () => {
    const vfat = makeVfat();
    vfat.createFile('/f', 0);
    vfat.resize('/f', 100 * MIB);
    expect(vfat.usedBytes).toBe(4096 + 100 * MIB);
    vfat.resize('/f', 1);
    expect(vfat.usedBytes).toBe(4096 + 4096);
  });

  it('holds a SoaS LiveOS folder on a 1 GB stick with these exact numbers', () => {
    const vfat = makeVfat();
    expect(vfat.mkdir(LIVEOS_DIR)).toEqual({ ok: true });
    expect(vfat.createFile('/LiveOS/squashfs.img', 500_000_000)).toEqual({ ok: true });
    expect(vfat.createFile('/LiveOS/overlay-LIVE-1234-ABCD', 200 * MIB)).toEqual({ ok: true });
    expect(vfat.createFile('/LiveOS/home.img', 150 * MIB)).toEqual({ ok: true });
    // root 1 + LiveOS 1 + squashfs 122,071 + overlay 51,200 + home 38,400 clusters of 4 KiB
    expect(clustersUsed(vfat)).toBe(211_673);
    expect(vfat.freeBytes).toBe(31_979 * 4096);
    expect(vfat.list('/LiveOS')).toEqual({
      ok: true,
      value: [
        { name: 'home.img', kind: 'file', sizeBytes: 150 * MIB, usedBytes: 150 * MIB },
        { name: 'overlay-LIVE-1234-ABCD', kind: 'file', sizeBytes: 200 * MIB, usedBytes: 200 * MIB },
        { name: 'squashfs.img', kind: 'file', sizeBytes: 500_000_000, usedBytes: 122_071 * 4096 },
      ],
    });
  });
});

describe('vfat file size cap', () => {
  it('takes a file of 4 GiB − 1 byte and refuses one byte more with EFBIG', () => {
    const vfat = makeVfat(16e9);
    expect(FAT_MAX_FILE_BYTES).toBe(4_294_967_295);
    expect(vfat.createFile('/LiveOS.img', 4_294_967_295)).toEqual({ ok: true });
    expect(vfat.stat('/LiveOS.img')).toMatchObject({ value: { usedBytes: 524_288 * 8192 } });
    const before = vfat.save();
    expect(vfat.append('/LiveOS.img', 1)).toEqual({ ok: false, error: 'EFBIG' });
    expect(vfat.resize('/LiveOS.img', 2 ** 32)).toEqual({ ok: false, error: 'EFBIG' });
    expect(vfat.createFile('/other', 2 ** 32)).toEqual({ ok: false, error: 'EFBIG' });
    expect(vfat.write('/other', 2 ** 32)).toEqual({ ok: false, error: 'EFBIG' });
    expect(vfat.save()).toEqual(before);
    expect(vfat.maxFileBytes).toBe(4_294_967_295);
  });
});

describe('vfat folders', () => {
  it('gives a new folder one cluster, and grows it a cluster when its slots run out', () => {
    const vfat = makeVfat();
    vfat.mkdir('/DIR');
    expect(vfat.usedBytes).toBe(2 * 4096);
    // A 4 KiB cluster holds 128 slots: `.`, `..` and 126 upper-case 8.3 names.
    for (let i = 1; i <= 126; i++) vfat.createFile(`/DIR/F${i}`, 0);
    expect(vfat.stat('/DIR')).toMatchObject({ value: { usedBytes: 4096 } });
    vfat.createFile('/DIR/F127', 0);
    expect(vfat.stat('/DIR')).toMatchObject({ value: { usedBytes: 8192, sizeBytes: 8192 } });
  });

  it('never gives a folder’s clusters back, but reuses its free slots', () => {
    const vfat = makeVfat();
    vfat.mkdir('/DIR');
    for (let i = 1; i <= 127; i++) vfat.createFile(`/DIR/F${i}`, 0);
    for (let i = 1; i <= 127; i++) vfat.remove(`/DIR/F${i}`);
    expect(vfat.stat('/DIR')).toMatchObject({ value: { usedBytes: 8192 } });
    for (let i = 1; i <= 127; i++) vfat.createFile(`/DIR/G${i}`, 0);
    expect(vfat.stat('/DIR')).toMatchObject({ value: { usedBytes: 8192 } });
    expect(vfat.remove('/DIR', { recursive: true })).toEqual({ ok: true });
    expect(vfat.usedBytes).toBe(4096);
  });

  it('fills the fixed FAT16 root folder at 512 slots, the label taking one', () => {
    const vfat = makeVfat(64 * MIB);
    expect(vfat.geometry).toMatchObject({ fatBits: 16, rootEntries: 512 });
    expect(vfat.usedBytes).toBe(0);
    for (let i = 1; i <= 511; i++) expect(vfat.createFile(`/F${i}`, 0)).toEqual({ ok: true });
    expect(vfat.createFile('/F512', 0)).toEqual({ ok: false, error: 'ENOSPC' });
    expect(vfat.mkdir('/D')).toEqual({ ok: false, error: 'ENOSPC' });
    vfat.remove('/F1');
    expect(vfat.mkdir('/D')).toEqual({ ok: true });
  });

  it('answers the errors mkdir, rm and rmdir give', () => {
    const vfat = makeVfat();
    vfat.mkdir('/a/b', { parents: true });
    vfat.createFile('/a/f', 1);
    expect(vfat.mkdir('/a')).toEqual({ ok: false, error: 'EEXIST' });
    expect(vfat.mkdir('/A')).toEqual({ ok: false, error: 'EEXIST' });
    expect(vfat.mkdir('/x/y')).toEqual({ ok: false, error: 'ENOENT' });
    expect(vfat.mkdir('/a/f/g', { parents: true })).toEqual({ ok: false, error: 'ENOTDIR' });
    expect(vfat.mkdir('/a/f', { parents: true })).toEqual({ ok: false, error: 'EEXIST' });
    expect(vfat.remove('/a')).toEqual({ ok: false, error: 'EISDIR' });
    expect(vfat.rmdir('/a')).toEqual({ ok: false, error: 'ENOTEMPTY' });
    expect(vfat.rmdir('/a/f')).toEqual({ ok: false, error: 'ENOTDIR' });
    expect(vfat.rmdir('/')).toEqual({ ok: false, error: 'EINVAL' });
    expect(vfat.rmdir('/a/b')).toEqual({ ok: true });
    expect(vfat.resize('/missing', 5)).toEqual({ ok: false, error: 'ENOENT' });
    expect(vfat.resize('/a', 5)).toEqual({ ok: false, error: 'EISDIR' });
    expect(vfat.createFile('/a/f', 5)).toEqual({ ok: false, error: 'EEXIST' });
  });
});

describe('vfat names', () => {
  it('finds names without case but keeps the case they were made with', () => {
    const vfat = makeVfat();
    vfat.mkdir('/LiveOS');
    expect(vfat.mkdir('/liveos')).toEqual({ ok: false, error: 'EEXIST' });
    expect(vfat.createFile('/LIVEOS/squashfs.img', 10)).toEqual({ ok: true });
    expect(vfat.stat('/liveos/SQUASHFS.IMG')).toMatchObject({
      ok: true,
      value: { path: '/LiveOS/squashfs.img' },
    });
  });

  it('refuses the characters vfat refuses and drops trailing dots', () => {
    const vfat = makeVfat();
    expect(vfat.createFile('/a:b', 1)).toEqual({ ok: false, error: 'EINVAL' });
    expect(vfat.createFile('/what?', 1)).toEqual({ ok: false, error: 'EINVAL' });
    expect(vfat.createFile(`/${'x'.repeat(256)}`, 1)).toEqual({ ok: false, error: 'ENAMETOOLONG' });
    expect(vfat.createFile('/notes.', 1)).toEqual({ ok: true });
    expect(vfat.stat('/notes')).toMatchObject({ ok: true, value: { path: '/notes' } });
    expect(vfatName('...')).toEqual({ ok: false, error: 'EINVAL' });
  });

  it('costs one slot for an upper-case 8.3 name and one more per 13 characters otherwise', () => {
    expect(directorySlots('LIVEOS')).toBe(1);
    expect(directorySlots('SYSLINUX.CFG')).toBe(1);
    expect(directorySlots('LiveOS')).toBe(2);
    expect(directorySlots('squashfs.img')).toBe(2);
    expect(directorySlots('overlay-LIVE-1234-ABCD')).toBe(3);
    expect(isShortName('A.B.C')).toBe(false);
    expect(isShortName('TOOLONGNAME')).toBe(false);
    expect(isShortName('A+B')).toBe(false);
  });
});

describe('vfat rename', () => {
  it('replaces a file and frees its clusters', () => {
    const vfat = makeVfat();
    vfat.createFile('/OLD', 10_000);
    vfat.createFile('/NEW', 100_000);
    expect(vfat.rename('/OLD', '/NEW')).toEqual({ ok: true });
    expect(vfat.usedBytes).toBe(4096 + 12_288);
    expect(vfat.list('/')).toMatchObject({ value: [{ name: 'NEW', sizeBytes: 10_000 }] });
  });

  it('changes only the case of a name', () => {
    const vfat = makeVfat();
    vfat.createFile('/readme', 1);
    expect(vfat.rename('/readme', '/README')).toEqual({ ok: true });
    expect(vfat.list('/')).toMatchObject({ value: [{ name: 'README' }] });
  });

  it('answers the errors rename gives', () => {
    const vfat = makeVfat();
    vfat.mkdir('/d/e', { parents: true });
    vfat.createFile('/f', 1);
    vfat.createFile('/d/e/g', 1);
    expect(vfat.rename('/d', '/d/e/inside')).toEqual({ ok: false, error: 'EINVAL' });
    expect(vfat.rename('/f', '/d')).toEqual({ ok: false, error: 'EISDIR' });
    expect(vfat.rename('/d', '/f')).toEqual({ ok: false, error: 'ENOTDIR' });
    vfat.mkdir('/z');
    expect(vfat.rename('/z', '/D')).toEqual({ ok: false, error: 'ENOTEMPTY' });
    expect(vfat.rename('/nope', '/x')).toEqual({ ok: false, error: 'ENOENT' });
    expect(vfat.rename('/f', '/bad|name')).toEqual({ ok: false, error: 'EINVAL' });
    expect(vfat.rename('/d', '/z')).toEqual({ ok: true });
    expect(vfat.stat('/z/e/g')).toMatchObject({ ok: true });
  });
});

describe('vfat when full', () => {
  it('answers ENOSPC and leaves everything as it was', () => {
    const vfat = makeVfat(8 * MIB);
    expect(vfat.geometry).toMatchObject({ fatBits: 12, clusterBytes: 2048, clusterCount: 4081 });
    expect(vfat.createFile('/BIG', 4000 * 2048)).toEqual({ ok: true });
    const before = JSON.stringify(vfat.save());
    expect(vfat.createFile('/MORE', 82 * 2048)).toEqual({ ok: false, error: 'ENOSPC' });
    expect(vfat.append('/BIG', 81 * 2048 + 1)).toEqual({ ok: false, error: 'ENOSPC' });
    expect(JSON.stringify(vfat.save())).toBe(before);
    expect(vfat.append('/BIG', 81 * 2048)).toEqual({ ok: true });
    expect(vfat.freeBytes).toBe(0);
    expect(vfat.mkdir('/D')).toEqual({ ok: false, error: 'ENOSPC' });
    expect(vfat.createFile('/EMPTY', 0)).toEqual({ ok: true });
  });
});

describe('vfat formats and eras', () => {
  it('is empty after a new mkfs.fat', () => {
    const vfat = makeVfat();
    const cleared: StoreEvents['cleared'][] = [];
    vfat.events.on('cleared', (event) => cleared.push(event));
    vfat.mkdir('/LiveOS');
    vfat.createFile('/LiveOS/squashfs.img', 5000);
    vfat.format();
    expect(vfat.list('/')).toEqual({ ok: true, value: [] });
    expect(vfat.usedBytes).toBe(4096);
    expect(cleared).toEqual([{ reason: 'format', freedBytes: 3 * 4096, usedBytes: 4096 }]);
  });

  it('has the 2012 mkdosfs cluster size on a 2012 stick', () => {
    const vfat = new Vfat({ partitionBytes: 64e9, rules: fatRulesForEra('soas-2012') });
    expect(vfat.clusterBytes).toBe(16_384);
    expect(vfat.label).toBe('LIVE');
  });

  it('is a DeviceFilesystem', () => {
    const device: DeviceFilesystem = makeVfat();
    expect(device.createFile('/a', 1)).toEqual({ ok: true });
    expect(device.usage().usedBytes).toBe(8192);
  });

  it('refuses a partition mkfs.fat cannot format, and a label FAT cannot hold', () => {
    expect(() => makeVfat(1000)).toThrow('mkfs.fat cannot format this partition');
    expect(() => new Vfat({ partitionBytes: 1e9, label: 'SUGAR-ON-A-STICK' })).toThrow('at most 11');
    expect(new Vfat({ partitionBytes: 1e9, label: null }).save().rootHighWaterSlots).toBe(0);
  });
});

describe('vfat events', () => {
  it('builds no event when nobody listens', () => {
    const events = new CountingEmitter<StoreEvents>();
    const vfat = new Vfat({ partitionBytes: 1e9, events });
    vfat.mkdir('/d');
    vfat.createFile('/d/a', 10);
    vfat.rename('/d/a', '/b');
    vfat.remove('/d', { recursive: true });
    vfat.format();
    expect(events.emitted).toBe(0);
  });

  it('tells a listener what each change did to the stick', () => {
    const vfat = makeVfat();
    const seen: unknown[] = [];
    for (const type of ['file-written', 'freed', 'folder-made', 'renamed'] as const) {
      vfat.events.on(type, (event) => seen.push([type, event]));
    }
    vfat.mkdir('/D');
    vfat.createFile('/D/A', 5000);
    vfat.rename('/d/a', '/B');
    vfat.remove('/B');
    expect(seen).toEqual([
      ['folder-made', { path: '/D', deltaUsedBytes: 4096, usedBytes: 8192 }],
      [
        'file-written',
        { path: '/D/A', sizeBytes: 5000, fileUsedBytes: 8192, deltaUsedBytes: 8192, usedBytes: 16_384 },
      ],
      ['renamed', { fromPath: '/D/A', toPath: '/B', deltaUsedBytes: 0, usedBytes: 16_384 }],
      ['freed', { path: '/B', freedBytes: 8192, usedBytes: 8192 }],
    ]);
  });
});

describe('vfat save and restore', () => {
  it('refuses a document from a newer Cellar by saying so', () => {
    expect(() => Vfat.restore({ ...makeVfat().save(), version: 7 })).toThrow(
      'version 7, newer than this Cellar',
    );
  });

  it('refuses files that need more clusters than the partition has', () => {
    const state = makeVfat(8 * MIB).save();
    state.entries.push(
      { path: '/a', kind: 'file', sizeBytes: 4 * MIB },
      { path: '/b', kind: 'file', sizeBytes: 4 * MIB },
    );
    expect(() => Vfat.restore(state)).toThrow('folder / has too few slots');
    state.rootHighWaterSlots = 5; // the label, then two lower-case names of two slots each
    expect(() => Vfat.restore(state)).toThrow('need more clusters than it has');
  });

  it('refuses two names that differ only in case', () => {
    const state = makeVfat().save();
    state.entries.push(
      { path: '/a', kind: 'file', sizeBytes: 1 },
      { path: '/A', kind: 'file', sizeBytes: 1 },
    );
    expect(() => Vfat.restore(state)).toThrow('/A appears twice');
  });
});

// Random operations: small files on a small FAT12 partition, where ENOSPC comes quickly.
type Op =
  | { op: 'createFile' | 'write' | 'resize' | 'append'; path: number; bytes: number }
  | { op: 'remove' | 'mkdir'; path: number }
  | { op: 'rename'; path: number; to: number };

const PATHS = ['/A', '/b.txt', '/Dir', '/Dir/C', '/Dir/a long file name.img', '/dir/Sub', '/Dir/Sub/E'];

function opArb(maxBytes: number): fc.Arbitrary<Op> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constantFrom('createFile' as const, 'write' as const, 'resize' as const, 'append' as const),
        path: fc.nat(PATHS.length - 1),
        bytes: fc.oneof(fc.nat(maxBytes), fc.integer({ min: maxBytes - 5000, max: maxBytes })),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constantFrom('remove' as const, 'mkdir' as const),
        path: fc.nat(PATHS.length - 1),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('rename' as const),
        path: fc.nat(PATHS.length - 1),
        to: fc.nat(PATHS.length - 1),
      }),
    },
  );
}

function apply(vfat: Vfat, op: Op): string {
  const path = PATHS[op.path];
  switch (op.op) {
    case 'createFile':
    case 'write':
    case 'resize':
    case 'append':
      return JSON.stringify(vfat[op.op](path, op.bytes));
    case 'remove':
      return JSON.stringify(vfat.remove(path, { recursive: true }));
    case 'mkdir':
      return JSON.stringify(vfat.mkdir(path));
    case 'rename':
      return JSON.stringify(vfat.rename(path, PATHS[op.to]));
  }
}

describe('vfat properties', () => {
  it('never uses more than its capacity, and its count always matches a recount from scratch', () => {
    fc.assert(
      fc.property(fc.array(opArb(3 * MIB), { maxLength: 40 }), (ops) => {
        const vfat = makeVfat(8 * MIB);
        for (const op of ops) {
          apply(vfat, op);
          expect(vfat.usedBytes).toBeLessThanOrEqual(vfat.capacityBytes);
          expect(clustersUsed(vfat)).toBe(recount(vfat));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never holds a file over 4 GiB − 1 byte', () => {
    fc.assert(
      fc.property(fc.array(opArb(2 ** 32 + 10), { maxLength: 30 }), (ops) => {
        const vfat = makeVfat(64e9);
        for (const op of ops) {
          const outcome = JSON.parse(apply(vfat, op)) as { ok: boolean; error?: string };
          if (!outcome.ok) expect(outcome.error).not.toBe('ENOSPC');
        }
        for (const entry of vfat.save().entries) {
          if (entry.kind === 'file') expect(entry.sizeBytes).toBeLessThanOrEqual(FAT_MAX_FILE_BYTES);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('frees exactly the clusters a removed file or folder used', () => {
    fc.assert(
      fc.property(fc.array(opArb(MIB), { maxLength: 30 }), fc.nat(PATHS.length - 1), (ops, victim) => {
        const vfat = makeVfat(8 * MIB);
        for (const op of ops) apply(vfat, op);
        const stat = vfat.stat(PATHS[victim]);
        if (!stat.ok) return;
        const prefix = `${stat.value.path}/`.toLowerCase();
        const below = vfat
          .save()
          .entries.filter((e) => e.path.toLowerCase().startsWith(prefix))
          .reduce((sum, e) => {
            const cb = vfat.clusterBytes;
            return (
              sum +
              (e.kind === 'dir'
                ? Math.max(1, Math.ceil((e.highWaterSlots * 32) / cb))
                : Math.ceil(e.sizeBytes / cb))
            );
          }, 0);
        const held = stat.value.usedBytes + below * vfat.clusterBytes;
        const before = vfat.usedBytes;
        expect(vfat.remove(PATHS[victim], { recursive: true })).toEqual({ ok: true });
        expect(before - vfat.usedBytes).toBe(held);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through save → JSON → restore and then behaves the same', () => {
    fc.assert(
      fc.property(
        fc.array(opArb(MIB), { maxLength: 30 }),
        fc.array(opArb(MIB), { maxLength: 15 }),
        (ops, more) => {
          const vfat = makeVfat(8 * MIB);
          for (const op of ops) apply(vfat, op);
          const copy = Vfat.restore(JSON.parse(JSON.stringify(vfat.save())));
          expect(copy.save()).toEqual(vfat.save());
          expect(copy.usage()).toEqual(vfat.usage());
          for (const op of more) expect(apply(copy, op)).toBe(apply(vfat, op));
          expect(copy.save()).toEqual(vfat.save());
        },
      ),
    );
  });
});
