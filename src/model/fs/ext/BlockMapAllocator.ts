// How the kernel (ext4's driver, which mounts ext3 too) allocates for a block-mapped file — one without
// extents, as on ext3: at write time, block by block as the file grows, with no delayed allocation.
// - The first 16 blocks come from the locality group's preallocation, like any small file.
// - After that, each time the file runs out of preallocated blocks, mballoc reserves a window sized by the
//   file's current size (ext4_mb_normalize_request: 16 KiB, 32 KiB, … 1 MiB, then 2, 4, 8 MiB), aligned in
//   the file and starting where the file has nothing yet. The file is open, so this is a stream allocation:
//   the window goes to the lowest free buddy of its size from the group of the last stream allocation. So a
//   growing file is laid out in doubling pieces, and a new file goes on from where the last one stopped.
// - Indirect blocks (12 direct pointers, then single, double and triple indirect blocks of blockSize/4
//   pointers) are allocated when first needed, each on its own, in the lowest free block of that group.

import { ModelError } from '../../errors';
import type { ExtLayout } from './ExtLayout';
import type { Extent, MbAllocator } from './MbAllocator';

const DIRECT_POINTERS = 12;
const SMALL_FILE_BLOCKS = 16;
const KIB = 1024;
const MIB = 1024 * KIB;

/** What a block-mapped file keeps between writes. */
export interface BlockMappedFile {
  extents: Extent[];
  /** Blocks the extents hold. */
  blocks: number;
  /** Indirect blocks by their place in the tree ("1", "2", "2/5", …). */
  mapping: Map<string, number>;
  /** The rest of the current preallocation window. */
  window: { logical: number; physical: number; count: number } | null;
}

export class BlockMapAllocator {
  private readonly pointersPerBlock: number;

  constructor(
    private readonly layout: ExtLayout,
    private readonly allocator: MbAllocator,
    /** A new indirect block: metadata, journaled and written in place. */
    private readonly onMappingBlock: (block: number) => void,
  ) {
    this.pointersPerBlock = layout.blockSizeBytes / 4;
  }

  /** Allocates logical blocks [from, to) of the file, in order; returns the data extents taken. */
  allocate(file: BlockMappedFile, from: number, to: number, inodeGroup: number): Extent[] {
    const taken: Extent[] = [];
    for (let logical = from; logical < to;) {
      const group = this.groupBefore(file, inodeGroup);
      for (const key of this.mappingKeys(logical)) {
        if (!file.mapping.has(key)) file.mapping.set(key, this.single(group));
      }
      let extent: Extent;
      if (logical < SMALL_FILE_BLOCKS) {
        extent = this.allocator.fromLocalityGroup(1, inodeGroup) ?? this.must(this.allocator.streamWindow(1));
      } else {
        if (!file.window || file.window.logical !== logical || file.window.count === 0) {
          file.window = this.newWindow(logical);
        }
        const count = Math.min(file.window.count, to - logical, this.blocksToBoundary(logical));
        extent = [file.window.physical, count];
        file.window = {
          logical: logical + count,
          physical: file.window.physical + count,
          count: file.window.count - count,
        };
      }
      appendExtent(file.extents, extent);
      file.blocks += extent[1];
      taken.push(extent);
      logical += extent[1];
    }
    return taken;
  }

  /** The indirect blocks a file of `blocks` logical blocks needs, in the order they appear. */
  private mappingKeys(logical: number): string[] {
    const p = this.pointersPerBlock;
    let index = logical - DIRECT_POINTERS;
    if (index < 0) return [];
    if (index < p) return ['1'];
    index -= p;
    if (index < p * p) return ['2', `2/${Math.floor(index / p)}`];
    index -= p * p;
    return ['3', `3/${Math.floor(index / (p * p))}`, `3/${Math.floor(index / p)}`];
  }

  /** Data blocks up to the next place where another indirect block is needed. */
  private blocksToBoundary(logical: number): number {
    const p = this.pointersPerBlock;
    if (logical < DIRECT_POINTERS) return DIRECT_POINTERS - logical;
    const index = (logical - DIRECT_POINTERS) % p;
    return p - index;
  }

  private newWindow(logical: number): { logical: number; physical: number; count: number } {
    const block = this.layout.blockSizeBytes;
    const windowBlocks = Math.min(windowBytes((logical + 1) * block) / block, this.layout.blocksPerGroup);
    const start = Math.floor(logical / windowBlocks) * windowBlocks;
    const count = start + windowBlocks - logical;
    const [physical, got] = this.must(this.allocator.streamWindow(count));
    return { logical, physical, count: got };
  }

  private single(group: number): number {
    const block = this.allocator.single(group);
    if (block === null) throw new ModelError('ENOSPC', 'No space left on device');
    this.onMappingBlock(block);
    return block;
  }

  private groupBefore(file: BlockMappedFile, inodeGroup: number): number {
    const last = file.extents.at(-1);
    if (!last) return inodeGroup;
    return Math.floor((last[0] + last[1] - 1 - this.layout.firstDataBlock) / this.layout.blocksPerGroup);
  }

  private must(extent: Extent | null): Extent {
    if (!extent) throw new ModelError('ENOSPC', 'No space left on device');
    return extent;
  }
}

/** ext4_mb_normalize_request's window for a file of `sizeBytes`. */
function windowBytes(sizeBytes: number): number {
  for (const size of [16 * KIB, 32 * KIB, 64 * KIB, 128 * KIB, 256 * KIB, 512 * KIB, MIB]) {
    if (sizeBytes <= size) return size;
  }
  if (sizeBytes <= 4 * MIB) return 2 * MIB;
  if (sizeBytes <= 8 * MIB) return 4 * MIB;
  return 8 * MIB;
}

function appendExtent(extents: Extent[], [first, count]: Extent): void {
  const last = extents.at(-1);
  if (last && last[0] + last[1] === first) last[1] += count;
  else extents.push([first, count]);
}
