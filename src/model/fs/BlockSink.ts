// The device under a filesystem, as the filesystem sees it: numbered blocks that it writes. A filesystem
// on the root snapshot writes through the dm-snapshot target; home.img's writes land in a loop file.

export interface BlockSink {
  /** The device reports itself rotational (as USB sticks do): ext4's allocator then scans groups in order. */
  readonly rotational?: boolean;
  /** Writes `count` whole filesystem blocks from `firstBlock`; returns false when the device failed. */
  writeBlocks(firstBlock: number, count: number): boolean;
}

/** A sink that only counts: for building a base image, whose writes go to no snapshot. */
export class NullSink implements BlockSink {
  blocksWritten = 0;

  constructor(readonly rotational = false) {}

  writeBlocks(_firstBlock: number, count: number): boolean {
    this.blocksWritten += count;
    return true;
  }
}
