// The device under the root filesystem: its block writes go through the live-rw snapshot, and a write the
// snapshot refuses (an Invalid or overflowed overlay) is remembered, because ext4 reacts to it — it aborts
// its journal and the root becomes read-only — and the stick must learn that it happened.

import type { IoError, SnapshotTarget } from '../dm/SnapshotTarget';
import type { BlockSink } from '../fs/BlockSink';
import { SECTOR_BYTES } from '../units';

export class RootSink implements BlockSink {
  private readonly sectorsPerBlock: number;
  private failure: IoError | null = null;
  /** Every block write that failed, since the stick was made (for views). */
  failedWrites = 0;

  constructor(
    private readonly target: () => SnapshotTarget | null,
    blockSizeBytes: number,
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
