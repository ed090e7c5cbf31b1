// A filesystem on the root snapshot: its block writes become writes through the dm-snapshot target.

import type { SnapshotTarget } from '../dm/SnapshotTarget';
import { SECTOR_BYTES } from '../units';
import type { BlockSink } from './BlockSink';

export class SnapshotSink implements BlockSink {
  private readonly sectorsPerBlock: number;

  constructor(
    private readonly target: () => SnapshotTarget | null,
    blockSizeBytes: number,
  ) {
    this.sectorsPerBlock = blockSizeBytes / SECTOR_BYTES;
  }

  writeBlocks(firstBlock: number, count: number): boolean {
    const target = this.target();
    return target?.write(firstBlock * this.sectorsPerBlock, count * this.sectorsPerBlock).ok ?? false;
  }
}
