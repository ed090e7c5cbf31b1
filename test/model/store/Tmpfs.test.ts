// tmpfs: whole 4 KiB pages of file data, free folders and holes, a limit of half the RAM, ENOSPC that
// changes nothing, and nothing left after a reboot.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoreEvents } from '../../../src/model/store/storeTypes';
import { PAGE_BYTES, TMPFS_MAX_FILE_BYTES, Tmpfs, defaultTmpfsBytes } from '../../../src/model/store/Tmpfs';
import { CountingEmitter } from './countingEmitter';

const GIB = 1024 ** 3;

function makeTmpfs(sizeBytes = 64 * PAGE_BYTES): Tmpfs {
  return new Tmpfs({ sizeBytes });
}

function used(tmpfs: Tmpfs, path: string): number {
  const stat = tmpfs.stat(path);
  if (!stat.ok) throw new Error(`${path}: ${stat.error}`);
  return stat.value.usedBytes;
}

describe('tmpfs size', () => {
  it('is half of the RAM by default, in whole pages rounded down', () => {
    expect(new Tmpfs({ ramBytes: GIB }).capacityBytes).toBe(512 * 1024 * 1024);
    expect(defaultTmpfsBytes(1_000_000_001)).toBe(122_070 * PAGE_BYTES);
    expect(new Tmpfs({ ramBytes: 256 * 1024 * 1024 }).usage()).toEqual({
      usedBytes: 0,
      capacityBytes: 128 * 1024 * 1024,
    });
  });

  it('rounds a size= option up to whole pages', () => {
    expect(new Tmpfs({ sizeBytes: 10_000 }).capacityBytes).toBe(12_288);
    expect(new Tmpfs({ sizeBytes: 1 }).capacityBytes).toBe(4096);
  });

  it('refuses to be made without a size or a RAM size', () => {
    expect(() => new Tmpfs({})).toThrow('needs a size');
    expect(() => new Tmpfs({ sizeBytes: 0 })).toThrow('at least one page');
  });
});

describe('tmpfs pages', () => {
  it('gives a 1-byte file one 4096-byte page', () => {
    const tmpfs = makeTmpfs();
    expect(tmpfs.createFile('/note.txt', 1)).toEqual({ ok: true });
    expect(tmpfs.stat('/note.txt')).toEqual({
      ok: true,
      value: { path: '/note.txt', kind: 'file', sizeBytes: 1, usedBytes: 4096 },
    });
    expect(tmpfs.usedBytes).toBe(4096);
  });

  it('gives an empty file no page', () => {
    const tmpfs = makeTmpfs();
    tmpfs.createFile('/empty');
    expect(tmpfs.usedBytes).toBe(0);
  });

  it('takes a second page when an append crosses a page boundary', () => {
    const tmpfs = makeTmpfs();
    tmpfs.write('/log', 4096);
    expect(tmpfs.usedBytes).toBe(4096);
    tmpfs.append('/log', 1);
    expect(tmpfs.stat('/log')).toMatchObject({ value: { sizeBytes: 4097, usedBytes: 8192 } });
  });

  it('charges nothing for folders, however many', () => {
    const tmpfs = makeTmpfs();
    tmpfs.mkdir('/a/b/c', { parents: true });
    for (let i = 0; i < 50; i++) tmpfs.mkdir(`/a/d${i}`);
    expect(tmpfs.usedBytes).toBe(0);
    expect(tmpfs.stat('/a')).toMatchObject({ value: { kind: 'dir', sizeBytes: 40 + 51 * 20, usedBytes: 0 } });
  });

  it('makes a hole when truncate grows a file, and a page only where it is then written', () => {
    const tmpfs = new Tmpfs({ sizeBytes: 16 * 1024 * 1024 });
    expect(tmpfs.truncate('/overlay', 32 * GIB)).toEqual({ ok: true });
    expect(tmpfs.stat('/overlay')).toMatchObject({ value: { sizeBytes: 32 * GIB, usedBytes: 0 } });
    tmpfs.writeAt('/overlay', 32 * GIB - 1, 1);
    tmpfs.writeAt('/overlay', 8192, 4096);
    expect(tmpfs.usedBytes).toBe(8192);
    expect(tmpfs.stat('/overlay')).toMatchObject({ value: { sizeBytes: 32 * GIB } });
  });

  it('drops the pages past the new end when truncate shrinks a file', () => {
    const tmpfs = makeTmpfs();
    tmpfs.write('/f', 10_000);
    expect(tmpfs.usedBytes).toBe(12_288);
    tmpfs.truncate('/f', 4097);
    expect(tmpfs.stat('/f')).toMatchObject({ value: { sizeBytes: 4097, usedBytes: 8192 } });
    tmpfs.truncate('/f', 0);
    expect(tmpfs.usedBytes).toBe(0);
  });

  it('frees the old pages first when a file is overwritten', () => {
    const tmpfs = makeTmpfs(2 * PAGE_BYTES);
    tmpfs.write('/f', 8192);
    expect(tmpfs.write('/f', 8192)).toEqual({ ok: true });
    expect(tmpfs.write('/f', 100)).toEqual({ ok: true });
    expect(tmpfs.usedBytes).toBe(4096);
  });
});

describe('tmpfs when full', () => {
  it('answers ENOSPC and leaves everything as it was', () => {
    const tmpfs = makeTmpfs(4 * PAGE_BYTES);
    tmpfs.write('/a', 3 * PAGE_BYTES);
    const before = JSON.stringify(tmpfs.save());
    expect(tmpfs.write('/b', 2 * PAGE_BYTES)).toEqual({ ok: false, error: 'ENOSPC' });
    expect(tmpfs.append('/a', PAGE_BYTES + 1)).toEqual({ ok: false, error: 'ENOSPC' });
    expect(tmpfs.writeAt('/c', 0, 5 * PAGE_BYTES)).toEqual({ ok: false, error: 'ENOSPC' });
    expect(JSON.stringify(tmpfs.save())).toBe(before);
    expect(tmpfs.stat('/b')).toEqual({ ok: false, error: 'ENOENT' });
    expect(tmpfs.write('/b', PAGE_BYTES)).toEqual({ ok: true });
    expect(tmpfs.freeBytes).toBe(0);
  });

  it('answers EFBIG for a write past the largest file the model holds', () => {
    const tmpfs = makeTmpfs();
    expect(tmpfs.writeAt('/f', TMPFS_MAX_FILE_BYTES, 1)).toEqual({ ok: false, error: 'EFBIG' });
    tmpfs.truncate('/f', TMPFS_MAX_FILE_BYTES);
    expect(tmpfs.append('/f', 1)).toEqual({ ok: false, error: 'EFBIG' });
    expect(tmpfs.usedBytes).toBe(0);
  });

  it('still lets a write into pages the file already holds succeed', () => {
    const tmpfs = makeTmpfs(2 * PAGE_BYTES);
    tmpfs.write('/a', 2 * PAGE_BYTES);
    expect(tmpfs.writeAt('/a', 100, 4000)).toEqual({ ok: true });
    expect(tmpfs.truncate('/a', 10 * GIB)).toEqual({ ok: true });
  });
});

describe('tmpfs files and folders', () => {
  it('lists a folder in name order and tells files from folders', () => {
    const tmpfs = makeTmpfs();
    tmpfs.write('/b', 5);
    tmpfs.mkdir('/a');
    tmpfs.write('/C', 5000);
    expect(tmpfs.list('/')).toEqual({
      ok: true,
      value: [
        { name: 'C', kind: 'file', sizeBytes: 5000, usedBytes: 8192 },
        { name: 'a', kind: 'dir', sizeBytes: 40, usedBytes: 0 },
        { name: 'b', kind: 'file', sizeBytes: 5, usedBytes: 4096 },
      ],
    });
    expect(tmpfs.list('/b')).toEqual({ ok: false, error: 'ENOTDIR' });
    expect(tmpfs.list('/nope')).toEqual({ ok: false, error: 'ENOENT' });
  });

  it('tells names apart by case', () => {
    const tmpfs = makeTmpfs();
    tmpfs.write('/a', 1);
    expect(tmpfs.createFile('/A', 1)).toEqual({ ok: true });
    expect(tmpfs.createFile('/a')).toEqual({ ok: false, error: 'EEXIST' });
  });

  it('answers the errors mkdir, rm and rmdir give', () => {
    const tmpfs = makeTmpfs();
    tmpfs.mkdir('/d');
    tmpfs.write('/d/f', 1);
    expect(tmpfs.mkdir('/d')).toEqual({ ok: false, error: 'EEXIST' });
    expect(tmpfs.mkdir('/x/y')).toEqual({ ok: false, error: 'ENOENT' });
    expect(tmpfs.mkdir('/d/f/g')).toEqual({ ok: false, error: 'ENOTDIR' });
    expect(tmpfs.mkdir('/d/f/g', { parents: true })).toEqual({ ok: false, error: 'ENOTDIR' });
    expect(tmpfs.mkdir('/d/f', { parents: true })).toEqual({ ok: false, error: 'EEXIST' });
    expect(tmpfs.mkdir('/d', { parents: true })).toEqual({ ok: true });
    expect(tmpfs.remove('/d')).toEqual({ ok: false, error: 'EISDIR' });
    expect(tmpfs.rmdir('/d')).toEqual({ ok: false, error: 'ENOTEMPTY' });
    expect(tmpfs.rmdir('/d/f')).toEqual({ ok: false, error: 'ENOTDIR' });
    expect(tmpfs.write('/d', 1)).toEqual({ ok: false, error: 'EISDIR' });
    expect(tmpfs.remove('/d', { recursive: true })).toEqual({ ok: true });
    expect(tmpfs.usedBytes).toBe(0);
    expect(tmpfs.remove('/d')).toEqual({ ok: false, error: 'ENOENT' });
  });

  it('refuses a name longer than 255 bytes', () => {
    const tmpfs = makeTmpfs();
    expect(tmpfs.write(`/${'a'.repeat(255)}`, 1)).toEqual({ ok: true });
    expect(tmpfs.write(`/${'a'.repeat(256)}`, 1)).toEqual({ ok: false, error: 'ENAMETOOLONG' });
    expect(tmpfs.mkdir(`/${'é'.repeat(128)}`)).toEqual({ ok: false, error: 'ENAMETOOLONG' });
  });

  it('renames, replacing a file and freeing its pages', () => {
    const tmpfs = makeTmpfs();
    tmpfs.write('/old', 10_000);
    tmpfs.write('/new', 100);
    expect(tmpfs.rename('/old', '/new')).toEqual({ ok: true });
    expect(tmpfs.usedBytes).toBe(12_288);
    expect(tmpfs.stat('/new')).toMatchObject({ value: { sizeBytes: 10_000 } });
    expect(tmpfs.stat('/old')).toEqual({ ok: false, error: 'ENOENT' });
  });

  it('answers the errors rename gives', () => {
    const tmpfs = makeTmpfs();
    tmpfs.mkdir('/d/e', { parents: true });
    tmpfs.write('/f', 1);
    tmpfs.write('/d/e/g', 1);
    expect(tmpfs.rename('/d', '/d/e/inside')).toEqual({ ok: false, error: 'EINVAL' });
    expect(tmpfs.rename('/f', '/d')).toEqual({ ok: false, error: 'EISDIR' });
    expect(tmpfs.rename('/d', '/f')).toEqual({ ok: false, error: 'ENOTDIR' });
    tmpfs.mkdir('/z');
    expect(tmpfs.rename('/z', '/d')).toEqual({ ok: false, error: 'ENOTEMPTY' });
    expect(tmpfs.rename('/missing', '/m')).toEqual({ ok: false, error: 'ENOENT' });
    expect(tmpfs.rename('/d', '/z')).toEqual({ ok: true });
    expect(tmpfs.stat('/z/e/g')).toMatchObject({ ok: true, value: { path: '/z/e/g' } });
    expect(tmpfs.rename('/f', '/f')).toEqual({ ok: true });
  });
});

describe('tmpfs at a reboot', () => {
  it('is empty afterwards, and says what it freed', () => {
    const tmpfs = makeTmpfs();
    const cleared: StoreEvents['cleared'][] = [];
    tmpfs.events.on('cleared', (event) => cleared.push(event));
    tmpfs.mkdir('/yum/cache', { parents: true });
    tmpfs.write('/yum/cache/repomd.xml', 5000);
    tmpfs.reboot();
    expect(tmpfs.list('/')).toEqual({ ok: true, value: [] });
    expect(tmpfs.usage()).toEqual({ usedBytes: 0, capacityBytes: 64 * PAGE_BYTES });
    expect(cleared).toEqual([{ reason: 'reboot', freedBytes: 8192, usedBytes: 0 }]);
  });
});

describe('tmpfs events', () => {
  it('builds no event when nobody listens', () => {
    const events = new CountingEmitter<StoreEvents>();
    const tmpfs = new Tmpfs({ sizeBytes: GIB, events });
    tmpfs.write('/a', 10);
    tmpfs.mkdir('/d');
    tmpfs.rename('/a', '/d/a');
    tmpfs.remove('/d', { recursive: true });
    tmpfs.reboot();
    expect(events.emitted).toBe(0);
  });

  it('tells a listener what each change did to the store', () => {
    const tmpfs = makeTmpfs();
    const seen: unknown[] = [];
    for (const type of ['file-written', 'freed', 'folder-made', 'renamed'] as const) {
      tmpfs.events.on(type, (event) => seen.push([type, event]));
    }
    tmpfs.mkdir('/d');
    tmpfs.write('/d/a', 5000);
    tmpfs.truncate('/d/a', 10);
    tmpfs.rename('/d/a', '/b');
    tmpfs.remove('/b');
    expect(seen).toEqual([
      ['folder-made', { path: '/d', deltaUsedBytes: 0, usedBytes: 0 }],
      [
        'file-written',
        { path: '/d/a', sizeBytes: 5000, fileUsedBytes: 8192, deltaUsedBytes: 8192, usedBytes: 8192 },
      ],
      [
        'file-written',
        { path: '/d/a', sizeBytes: 10, fileUsedBytes: 4096, deltaUsedBytes: -4096, usedBytes: 4096 },
      ],
      ['renamed', { fromPath: '/d/a', toPath: '/b', deltaUsedBytes: 0, usedBytes: 4096 }],
      ['freed', { path: '/b', freedBytes: 4096, usedBytes: 0 }],
    ]);
  });
});

describe('tmpfs save and restore', () => {
  it('refuses a document from a newer Cellar by saying so', () => {
    const state = { ...makeTmpfs().save(), version: 2 };
    expect(() => Tmpfs.restore(state)).toThrow('version 2, newer than this Cellar reads (1)');
  });

  it('refuses a file that holds pages past its end', () => {
    const state = makeTmpfs().save();
    state.entries.push({ path: '/f', kind: 'file', sizeBytes: 4096, pages: [[1, 1]] });
    expect(() => Tmpfs.restore(state)).toThrow('/f holds pages past its end');
  });
});

// Random operations on a small tmpfs, with a reference model: a Set of held pages per file path.
type Op =
  | { op: 'write' | 'append' | 'truncate'; file: number; bytes: number }
  | { op: 'writeAt'; file: number; offset: number; bytes: number }
  | { op: 'remove' | 'mkdir'; file: number }
  | { op: 'rename'; file: number; to: number };

const FILES = ['/a', '/b', '/d/c', '/d/e', '/d'];
const CAPACITY_PAGES = 24;

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constantFrom('write' as const, 'append' as const, 'truncate' as const),
    file: fc.nat(FILES.length - 1),
    bytes: fc.nat(40_000),
  }),
  fc.record({
    op: fc.constant('writeAt' as const),
    file: fc.nat(FILES.length - 1),
    offset: fc.nat(120_000),
    bytes: fc.nat(20_000),
  }),
  fc.record({ op: fc.constantFrom('remove' as const, 'mkdir' as const), file: fc.nat(FILES.length - 1) }),
  fc.record({
    op: fc.constant('rename' as const),
    file: fc.nat(FILES.length - 1),
    to: fc.nat(FILES.length - 1),
  }),
);

function apply(tmpfs: Tmpfs, op: Op): string {
  const path = FILES[op.file];
  switch (op.op) {
    case 'write':
      return JSON.stringify(tmpfs.write(path, op.bytes));
    case 'append':
      return JSON.stringify(tmpfs.append(path, op.bytes));
    case 'truncate':
      return JSON.stringify(tmpfs.truncate(path, op.bytes));
    case 'writeAt':
      return JSON.stringify(tmpfs.writeAt(path, op.offset, op.bytes));
    case 'remove':
      return JSON.stringify(tmpfs.remove(path, { recursive: true }));
    case 'mkdir':
      return JSON.stringify(tmpfs.mkdir(path));
    case 'rename':
      return JSON.stringify(tmpfs.rename(path, FILES[op.to]));
  }
}

/** Pages each file holds, by brute force: the rules written out one page at a time. */
class ReferencePages {
  files = new Map<string, { size: number; pages: Set<number> }>();

  total(): number {
    let pages = 0;
    for (const file of this.files.values()) pages += file.pages.size;
    return pages;
  }

  /** Mirrors a flat-namespace op that the real store accepted. */
  apply(op: Op): void {
    const path = FILES[op.file];
    const file = this.files.get(path) ?? { size: 0, pages: new Set<number>() };
    this.files.set(path, file);
    const writeRange = (offset: number, bytes: number) => {
      if (bytes === 0) return;
      for (let p = Math.floor(offset / 4096); p < Math.ceil((offset + bytes) / 4096); p++) file.pages.add(p);
      file.size = Math.max(file.size, offset + bytes);
    };
    if (op.op === 'write') {
      file.pages.clear();
      file.size = 0;
      writeRange(0, op.bytes);
      file.size = op.bytes;
    } else if (op.op === 'append') writeRange(file.size, op.bytes);
    else if (op.op === 'writeAt') writeRange(op.offset, op.bytes);
    else if (op.op === 'truncate') {
      for (const p of [...file.pages]) if (p >= Math.ceil(op.bytes / 4096)) file.pages.delete(p);
      file.size = op.bytes;
    }
  }
}

describe('tmpfs properties', () => {
  it('agrees page for page with a brute-force reference, and never passes its limit', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const tmpfs = makeTmpfs(CAPACITY_PAGES * PAGE_BYTES);
        const reference = new ReferencePages();
        for (const op of ops) {
          if (op.op !== 'write' && op.op !== 'append' && op.op !== 'truncate' && op.op !== 'writeAt')
            continue;
          if (op.file >= 2) continue;
          const outcome = JSON.parse(apply(tmpfs, op)) as { ok: boolean; error?: string };
          if (outcome.ok) reference.apply(op);
          else expect(outcome.error).toBe('ENOSPC');
          expect(tmpfs.usedBytes).toBe(reference.total() * PAGE_BYTES);
          expect(tmpfs.usedBytes).toBeLessThanOrEqual(tmpfs.capacityBytes);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps usage within capacity and equal to what its files hold, whatever is done to it', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const tmpfs = makeTmpfs(CAPACITY_PAGES * PAGE_BYTES);
        for (const op of ops) {
          apply(tmpfs, op);
          const held = tmpfs
            .save()
            .entries.reduce(
              (sum, e) => sum + (e.kind === 'file' ? e.pages.reduce((s, [, n]) => s + n, 0) : 0),
              0,
            );
          expect(tmpfs.usedBytes).toBe(held * PAGE_BYTES);
          expect(tmpfs.usedBytes).toBeLessThanOrEqual(tmpfs.capacityBytes);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is empty after a reboot, whatever was in it', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        const tmpfs = makeTmpfs(CAPACITY_PAGES * PAGE_BYTES);
        for (const op of ops) apply(tmpfs, op);
        tmpfs.reboot();
        expect(tmpfs.list('/')).toEqual({ ok: true, value: [] });
        expect(tmpfs.usedBytes).toBe(0);
        expect(tmpfs.save().entries).toEqual([]);
      }),
    );
  });

  it('frees exactly what a removed file or folder held', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.nat(FILES.length - 1), (ops, victim) => {
        const tmpfs = makeTmpfs(CAPACITY_PAGES * PAGE_BYTES);
        for (const op of ops) apply(tmpfs, op);
        const path = FILES[victim];
        const stat = tmpfs.stat(path);
        if (!stat.ok) return;
        const held =
          stat.value.kind === 'file'
            ? used(tmpfs, path)
            : tmpfs
                .save()
                .entries.filter((e) => e.path.startsWith(`${path}/`))
                .reduce(
                  (sum, e) => sum + (e.kind === 'file' ? e.pages.reduce((s, [, n]) => s + n, 0) : 0),
                  0,
                ) * PAGE_BYTES;
        const before = tmpfs.usedBytes;
        expect(tmpfs.remove(path, { recursive: true })).toEqual({ ok: true });
        expect(before - tmpfs.usedBytes).toBe(held);
      }),
    );
  });

  it('round-trips through save → JSON → restore and then behaves the same', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.array(opArb, { maxLength: 15 }), (ops, more) => {
        const tmpfs = makeTmpfs(CAPACITY_PAGES * PAGE_BYTES);
        for (const op of ops) apply(tmpfs, op);
        const copy = Tmpfs.restore(JSON.parse(JSON.stringify(tmpfs.save())));
        expect(copy.save()).toEqual(tmpfs.save());
        for (const op of more) expect(apply(copy, op)).toBe(apply(tmpfs, op));
        expect(copy.save()).toEqual(tmpfs.save());
        expect(copy.usage()).toEqual(tmpfs.usage());
      }),
    );
  });
});
