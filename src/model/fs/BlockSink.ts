// The device under a filesystem, as the filesystem sees it: numbered blocks that it writes. A filesystem
// on the root snapshot writes through the dm-snapshot target; home.img's writes land in a loop file.

export interface BlockSink {
  /** Writes `count` whole filesystem blocks from `firstBlock`; returns false when the device failed. */
  writeBlocks(firstBlock: number, count: number): boolean;
}

/** A sink that only counts: for building a base image, whose writes go to no snapshot. */
export class NullSink implements BlockSink {
  blocksWritten = 0;

  writeBlocks(_firstBlock: number, count: number): boolean {
    this.blocksWritten += count;
    return true;
  }
}
