// The jbd2 journal as overlay cost sees it: a ring of journal blocks on disk. Each commit writes descriptor
// blocks (tags for the metadata blocks it carries), a copy of every metadata block of the transaction,
// revoke blocks for metadata that was freed, and a commit block, at the head of the ring, wrapping past the
// end back to block 1 (block 0 is the journal's own superblock). After a clean unmount the ring starts again
// at block 1, over blocks the overlay already holds: that is why a NetworkManager rewrite costs about ten
// chunks before the first reboot and one after.

/** A journal block's header (magic, block type, sequence). */
const HEADER_BYTES = 12;
/** The first tag of a descriptor carries the journal UUID too. */
const UUID_BYTES = 16;
/** A revoke block's header: the journal header and a byte count. */
const REVOKE_HEADER_BYTES = 16;

/**
 * The journal's format, which decides how many tags a descriptor holds (jbd2's journal_tag_bytes): ext4 with
 * metadata_csum has 64-bit tags with a v3 checksum (16 bytes) and a 4-byte checksum tail on descriptor and
 * revoke blocks; an ext3 journal has 8-byte tags, 4-byte revoke records and no tail.
 */
export interface JournalFormat {
  tagBytes: number;
  tailBytes: number;
  revokeRecordBytes: number;
}

export const EXT4_JOURNAL: JournalFormat = { tagBytes: 16, tailBytes: 4, revokeRecordBytes: 8 };
export const EXT3_JOURNAL: JournalFormat = { tagBytes: 8, tailBytes: 0, revokeRecordBytes: 4 };

/** Writes a run of physical filesystem blocks. */
export type RunWriter = (first: number, count: number) => void;

export class Jbd2Journal {
  /** The next journal block (index into the ring) a commit writes. */
  private head = 1;
  /** Whether the journal superblock must be written before the next commit (its start moved). */
  private superblockStale = true;
  readonly lengthBlocks: number;

  constructor(
    private readonly extents: [number, number][],
    private readonly blockSizeBytes: number,
    private readonly format: JournalFormat,
  ) {
    this.lengthBlocks = extents.reduce((sum, [, count]) => sum + count, 0);
  }

  /** A clean mount (or unmount) empties the log: the next commit starts at block 1 again. */
  reset(): void {
    this.head = 1;
    this.superblockStale = true;
  }

  /** The journal blocks one commit of `metadataBlocks` blocks and `revokes` revoke records takes. */
  commitLength(metadataBlocks: number, revokes: number): number {
    const { tagBytes, tailBytes, revokeRecordBytes } = this.format;
    const tagsPerDescriptor = Math.floor(
      (this.blockSizeBytes - HEADER_BYTES - tailBytes - UUID_BYTES) / tagBytes,
    );
    const descriptors = Math.ceil(metadataBlocks / tagsPerDescriptor);
    const recordsPerRevoke = Math.floor(
      (this.blockSizeBytes - REVOKE_HEADER_BYTES - tailBytes) / revokeRecordBytes,
    );
    const revokeBlocks = Math.ceil(revokes / recordsPerRevoke);
    return descriptors + metadataBlocks + revokeBlocks + 1;
  }

  /** Writes one commit at the head of the ring, its physical blocks through `write`; returns its length. */
  commit(metadataBlocks: number, revokes: number, write: RunWriter): number {
    const length = this.commitLength(metadataBlocks, revokes);
    if (this.superblockStale) {
      this.physical(0, 1, write);
      this.superblockStale = false;
    }
    let remaining = length;
    while (remaining > 0) {
      const run = Math.min(remaining, this.lengthBlocks - this.head);
      this.physical(this.head, run, write);
      remaining -= run;
      this.head += run;
      if (this.head >= this.lengthBlocks) this.head = 1;
    }
    return length;
  }

  /** Unmount: the journal superblock is marked empty, and the ring starts over at the next mount. */
  markEmpty(write: RunWriter): void {
    this.reset();
    this.superblockStale = true;
    this.physical(0, 1, write);
  }

  /** Writes the physical blocks of journal blocks [index, index + count). */
  private physical(index: number, count: number, write: RunWriter): void {
    let skip = index;
    let left = count;
    for (const [first, length] of this.extents) {
      if (left === 0) break;
      if (skip >= length) {
        skip -= length;
        continue;
      }
      const take = Math.min(length - skip, left);
      write(first + skip, take);
      left -= take;
      skip = 0;
    }
  }

  save(): { head: number; superblockStale: boolean } {
    return { head: this.head, superblockStale: this.superblockStale };
  }

  restore(state: { head: number; superblockStale: boolean }): void {
    this.head = state.head;
    this.superblockStale = state.superblockStale;
  }
}
