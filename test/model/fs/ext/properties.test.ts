// Properties of the file system model over random operation sequences (fast-check): the overlay under it
// never frees, the file system never holds more than it has, and a bad request is a ModelError, never a
// crash.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OriginDevice } from '../../../../src/model/block/BlockDevice';
import { CowDevice } from '../../../../src/model/block/CowDevice';
import { SnapshotTarget } from '../../../../src/model/dm/SnapshotTarget';
import { ModelError } from '../../../../src/model/errors';
import { buildBaseImage } from '../../../../src/model/fs/baseImage';
import { NullSink } from '../../../../src/model/fs/BlockSink';
import { ExtFs } from '../../../../src/model/fs/ext/ExtFs';
import { applyFileOp, type FileOp } from '../../../../src/model/fs/fileOps';
import { SnapshotSink } from '../../../../src/model/fs/SnapshotSink';

const SIZE_BYTES = 32 * 1024 * 1024;
const BASE = buildBaseImage({
  fs: 'ext4',
  size_bytes: SIZE_BYTES,
  mkfs: 'mkfs.ext4 -F root.img',
  tree: { files: 20, bytes: 200 * 1024 },
}).save();

/** The base image under a fresh 24 MiB P 8 overlay, mounted. */
function liveRoot() {
  const made = SnapshotTarget.create({
    origin: new OriginDevice(SIZE_BYTES / 512),
    cow: new CowDevice(24 * 2048),
    store: 'P',
    chunkSectors: 8,
  });
  if (!made.ok) throw new Error(made.message);
  const fs = ExtFs.restore(BASE, new NullSink());
  fs.attach(new SnapshotSink(() => made.target, fs.layout.blockSizeBytes));
  fs.mount();
  return { fs, target: made.target };
}

const path = fc.constantFrom('/a', '/b', '/c', '/d', '/d/e', '/etc/file1', '/etc');
const step: fc.Arbitrary<FileOp | 'remount'> = fc.oneof(
  fc.record({
    op: fc.constant('write' as const),
    path,
    bytes: fc.nat(3 * 1024 * 1024),
    how: fc.constantFrom('truncate' as const, 'append' as const, 'in-place' as const),
  }),
  fc.record({ op: fc.constant('rm' as const), path, recursive: fc.boolean() }),
  fc.record({ op: fc.constant('mkdir' as const), path }),
  fc.record({ op: fc.constant('rename' as const), from: path, to: path }),
  fc.record({ op: fc.constantFrom('touch' as const, 'read' as const), path }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.nat(60_000) }),
  fc.constant({ op: 'sync' as const }),
  fc.constant('remount' as const),
);

describe('the file system model', () => {
  it('never frees overlay space, never exceeds its size, and answers bad requests with ModelError only', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const { fs, target } = liveRoot();
        let allocated = 0;
        for (const op of steps) {
          try {
            if (op === 'remount') {
              fs.umount();
              fs.mount();
            } else applyFileOp(fs, op);
          } catch (error) {
            if (!(error instanceof ModelError)) throw error;
          }
          const status = target.status();
          if (status.state === 'Valid') {
            expect(status.sectorsAllocated).toBeGreaterThanOrEqual(allocated);
            allocated = status.sectorsAllocated;
          }
          expect(fs.usedBlocks()).toBeLessThanOrEqual(fs.layout.blocksCount);
        }
      }),
      { numRuns: 150 },
    );
  });
});
