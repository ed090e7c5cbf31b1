// A saved filesystem comes back exactly: the same document, and the same writes for whatever comes next.

import { describe, expect, it } from 'vitest';
import type { BlockSink } from '../../../../src/model/fs/BlockSink';
import { buildBaseImage } from '../../../../src/model/fs/baseImage';
import { ExtFs } from '../../../../src/model/fs/ext/ExtFs';
import { applyFileOp, type FileOp } from '../../../../src/model/fs/fileOps';

class RecordingSink implements BlockSink {
  readonly writes: string[] = [];
  writeBlocks(first: number, count: number): boolean {
    this.writes.push(`${first}+${count}`);
    return true;
  }
}

const LATER: FileOp[] = [
  { op: 'write', path: '/etc/new.conf', bytes: 3000 },
  { op: 'write', path: '/usr/sbin/messages', bytes: 200000, how: 'append' },
  { op: 'rm', path: '/etc/file0' },
  { op: 'mkdir-p', path: '/home/liveuser/Activities/Maze.activity' },
  { op: 'advance', ms: 31000 },
  { op: 'sync' },
];

function liveFs(kind: 'ext3' | 'ext4') {
  const fs = buildBaseImage({
    fs: kind,
    size_bytes: 64 * 1024 * 1024,
    mkfs: `mkfs.${kind} -F root.img`,
    tree: { files: 40, bytes: 400 * 1024 },
  });
  fs.attach(new RecordingSink());
  fs.mount();
  applyFileOp(fs, { op: 'write', path: '/etc/pending', bytes: 5000 });
  return fs;
}

describe('saving an ext filesystem', () => {
  for (const kind of ['ext4', 'ext3'] as const) {
    it(`${kind}: save → JSON → restore gives the same document and the same later writes`, () => {
      const original = liveFs(kind);
      const saved = JSON.parse(JSON.stringify(original.save()));
      const copySink = new RecordingSink();
      const copy = ExtFs.restore(saved, copySink);
      expect(copy.save()).toEqual(saved);
      const originalSink = new RecordingSink();
      original.attach(originalSink);
      for (const op of LATER) {
        applyFileOp(original, op);
        applyFileOp(copy, op);
      }
      expect(copySink.writes).toEqual(originalSink.writes);
      expect(copySink.writes.length).toBeGreaterThan(5);
      expect(copy.save()).toEqual(original.save());
    });
  }

  it('saves and restores after a folder that had new folders made in it is gone', () => {
    const fs = liveFs('ext4');
    applyFileOp(fs, { op: 'mkdir-p', path: '/etc/x/y' });
    applyFileOp(fs, { op: 'rm', path: '/etc/x', recursive: true });
    const saved = JSON.parse(JSON.stringify(fs.save())) as ReturnType<ExtFs['save']>;
    expect(ExtFs.restore(saved, new RecordingSink()).save()).toEqual(saved);
  });

  it('refuses an older, newer or damaged document with a plain reason naming the part', () => {
    const saved = liveFs('ext4').save();
    const refusal = (doc: unknown) => {
      try {
        ExtFs.restore(doc, new RecordingSink());
      } catch (error) {
        return (error as Error).message;
      }
      return 'restored';
    };
    expect(refusal({ ...saved, version: 3 })).toBe('the saved filesystem.version is not 2');
    expect(refusal({ ...saved, version: 1 })).toBe('the saved filesystem.version is not 2');
    expect(refusal({ ...saved, allocator: { ...saved.allocator, lastGroup: 99 } })).toBe(
      'the saved filesystem.allocator.lastGroup is not a group of this filesystem',
    );
    expect(refusal({ ...saved, inodes: undefined })).toBe('the saved filesystem.inodes is missing');
    expect(refusal('garbage')).toMatch(/^the saved filesystem /);
  });
});

describe('a full filesystem', () => {
  it('refuses a write that cannot fit, at write time, and keeps what it had', () => {
    const fs = liveFs('ext4');
    const before = fs.usedBlocks();
    expect(() => applyFileOp(fs, { op: 'write', path: '/too-big', bytes: 1024 ** 3 })).toThrow(
      'No space left on device',
    );
    applyFileOp(fs, { op: 'sync' });
    // Nothing of the gibibyte was allocated (the few hundred blocks are the small-file preallocation).
    expect(fs.usedBlocks()).toBeLessThan(before + 1024);
    expect(fs.stat('/too-big')).toEqual({ kind: 'file', sizeBytes: 0 });
  });
});

describe("the superblock's free counts (written at mount and unmount only, as ext4_commit_super)", () => {
  it('stay at the mount’s while files are written, are kept through a save, and are current after umount', () => {
    const fs = liveFs('ext4'); // mounted, then a 5000-byte file written
    fs.sync(); // delayed allocation: its blocks are taken at writeback
    const atMount = fs.superblockFreeCounts();
    expect(fs.freeCounts().inodes).toBe(atMount.inodes - 1);
    expect(fs.freeCounts().blocks).toBeLessThan(atMount.blocks);
    const copy = ExtFs.restore(JSON.parse(JSON.stringify(fs.save())), new RecordingSink());
    expect(copy.superblockFreeCounts()).toEqual(atMount);
    fs.umount();
    expect(fs.superblockFreeCounts()).toEqual(fs.freeCounts());
  });

  it('are set to the bitmaps’ by a check that may write', () => {
    const fs = liveFs('ext3');
    fs.fixSuperblockCounts();
    expect(fs.superblockFreeCounts()).toEqual(fs.freeCounts());
  });
});
