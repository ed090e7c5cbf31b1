// Files a program keeps open for writing (auditd's log): allocated as open files are, with a stream
// preallocation that later appends take from, given back only when the file is closed.

import { describe, expect, it } from 'vitest';
import { buildBaseImage } from '../../../../src/model/fs/baseImage';
import { ExtFs } from '../../../../src/model/fs/ext/ExtFs';
import { NullSink } from '../../../../src/model/fs/BlockSink';

const LOG = '/etc/daemon.log';
const FLUSHER_MS = 31_000;

function mountedFs(): ExtFs {
  const fs = buildBaseImage({
    fs: 'ext4',
    size_bytes: 64 * 1024 * 1024,
    mkfs: 'mkfs.ext4 -F root.img',
    tree: { files: 40, bytes: 400 * 1024 },
  });
  fs.attach(new NullSink());
  fs.mount();
  return fs;
}

/** The log's inode and the preallocated blocks it still has. */
function logState(fs: ExtFs) {
  const saved = fs.save();
  const etc = saved.inodes.find((inode) => inode.entries?.some(([name]) => name === 'daemon.log'))!;
  const ino = etc.entries!.find(([name]) => name === 'daemon.log')![1];
  const inode = saved.inodes.find((candidate) => candidate.ino === ino)!;
  const pas = saved.allocator.inodePas.find(([owner]) => owner === ino)?.[1] ?? [];
  return {
    extents: inode.extents.length,
    preallocated: pas.reduce((sum, pa) => sum + pa.free, 0),
    open: saved.openFiles.includes(ino),
  };
}

describe('a file kept open for writing', () => {
  it('gets a stream preallocation that its next appends take, and closing gives the rest back', () => {
    const fs = mountedFs();
    fs.write(LOG, 100 * 1024, 'append', true);
    fs.advance(FLUSHER_MS);
    const first = logState(fs);
    expect(first).toMatchObject({ extents: 1, open: true });
    expect(first.preallocated).toBeGreaterThan(0);
    fs.write(LOG, 10 * 1024, 'append', true);
    fs.advance(FLUSHER_MS);
    const second = logState(fs);
    expect(second.extents).toBe(1);
    expect(second.preallocated).toBe(first.preallocated - 10);
    fs.close(LOG);
    expect(logState(fs)).toMatchObject({ extents: 1, preallocated: 0, open: false });
  });

  it('is not given a preallocation when its writer closes it, as a shell append does', () => {
    const fs = mountedFs();
    fs.write(LOG, 100 * 1024, 'append');
    fs.advance(FLUSHER_MS);
    expect(logState(fs)).toMatchObject({ preallocated: 0, open: false });
  });

  it('keeps its preallocation when another writer appends and closes', () => {
    const fs = mountedFs();
    fs.write(LOG, 100 * 1024, 'append', true);
    fs.advance(FLUSHER_MS);
    fs.write(LOG, 1024, 'append');
    expect(logState(fs).preallocated).toBeGreaterThan(0);
  });

  it('refuses to close a file nobody kept open, and forgets open files at mount (programs end)', () => {
    const fs = mountedFs();
    fs.write(LOG, 1024);
    expect(() => fs.close(LOG)).toThrow(`${LOG} is not kept open`);
    fs.write(LOG, 1024, 'append', true);
    fs.umount();
    fs.mount();
    expect(() => fs.close(LOG)).toThrow(`${LOG} is not kept open`);
  });

  it('is still open after a save and restore; a document keeping a folder open is refused', () => {
    const fs = mountedFs();
    fs.write(LOG, 100 * 1024, 'append', true);
    const saved = JSON.parse(JSON.stringify(fs.save())) as ReturnType<ExtFs['save']>;
    const copy = ExtFs.restore(saved, new NullSink());
    expect(logState(copy).open).toBe(true);
    expect(() => ExtFs.restore({ ...saved, openFiles: [2] }, new NullSink())).toThrow(
      'the saved filesystem.openFiles[0] is not a file of this filesystem',
    );
    const older: Partial<typeof saved> = { ...saved };
    delete older.openFiles;
    expect(logState(ExtFs.restore(older, new NullSink())).open).toBe(false);
  });
});
