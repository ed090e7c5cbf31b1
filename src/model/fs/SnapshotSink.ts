// A filesystem on a snapshot (the root on live-rw): its block writes become writes through the dm-snapshot
// target. A write the snapshot refuses (Invalid, or Overflow) is remembered, because ext4 reacts to it —
// it aborts its journal and the root becomes read-only — and whoever owns the filesystem must learn of it.

import type { IoError, SnapshotTarget } from '../dm/SnapshotTarget';
import { SECTOR_BYTES } from '../units';
import type { BlockSink } from './BlockSink';

export class SnapshotSink implements BlockSink {
  private readonly sectorsPerBlock: number;
  private failure: IoError | null = null;
  /** Every block write that failed, since the sink was made (for views). */
  failedWrites = 0;

  constructor(
    private readonly target: () => SnapshotTarget | null,
    blockSizeBytes: number,
    /** Whether the devices under the snapshot say they are rotational (a USB stick's do). */
    readonly rotational = false,
  ) {
    this.sectorsPerBlock = blockSizeBytes / SECTOR_BYTES;
  }

  writeBlocks(firstBlock: number, count: number): boolean {
    const target = this.target();
    const result = target
      ? target.write(firstBlock * this.sectorsPerBlock, count * this.sectorsPerBlock)
      : ({ ok: false, error: 'EIO' } as const);
    if (!result.ok) {
      this.failedWrites++;
      this.failure ??= result.error ?? 'EIO';
    }
    return result.ok;
  }

  /** The first write error since the last call, and forgets it. */
  takeFailure(): IoError | null {
    const failure = this.failure;
    this.failure = null;
    return failure;
  }
}
