// The LiveOS images the kernel writes through a loop device — the overlay file under live-rw, home.img
// under /home — as the file on the stick's filesystem that each write lands in. A full file (vfat, or any
// file today's script fallocates) already holds every byte: writing costs the stick nothing. A sparse
// one (2012's `dd seek=` on an ext4 stick) takes a block the first time a write reaches it, so the stick
// fills as the overlay and home.img do; when no block is left the loop device's write fails (ENOSPC in
// the file under it) and the device above sees an I/O error.

import type { CowBacking } from '../block/CowDevice';
import type { BlockSink } from '../fs/BlockSink';
import type { DeviceFilesystem } from '../store/DeviceFilesystem';

/**
 * USB sticks report themselves rotational, and so does every loop device on a file on them and every
 * device-mapper device built only on those (live-rw): ext4's allocator then scans groups in order first.
 */
export const STICK_IS_ROTATIONAL = true;

/** Remembers that a write was refused for want of space, until the running system asks. */
export class SpaceRefusals {
  protected refused = false;

  /** Whether a write was refused since the last call (and forgets it). */
  takeRefusal(): boolean {
    const refused = this.refused;
    this.refused = false;
    return refused;
  }
}

export class LoopFile extends SpaceRefusals implements CowBacking, BlockSink {
  readonly rotational = STICK_IS_ROTATIONAL;

  constructor(
    private readonly device: DeviceFilesystem,
    readonly path: string,
    /** Where a filesystem inside starts (an encrypted home.img's LUKS header comes first). */
    private readonly offsetBytes = 0,
    /** The block size of the filesystem inside, for writeBlocks. */
    private readonly blockBytes = 4096,
  ) {
    super();
  }

  /** The overlay: the snapshot store writes its chunks from the start of the file, in order. */
  holds(endBytes: number): boolean {
    return this.write(0, endBytes);
  }

  /** home.img: its filesystem's blocks, behind the LUKS header when there is one. */
  writeBlocks(firstBlock: number, count: number): boolean {
    return this.write(this.offsetBytes + firstBlock * this.blockBytes, count * this.blockBytes);
  }

  private write(offsetBytes: number, lengthBytes: number): boolean {
    // A file no longer on the stick costs it nothing (the loop device holds what it had open).
    if (!this.device.stat(this.path).ok) return true;
    const written = this.device.writeAt(this.path, offsetBytes, lengthBytes);
    if (!written.ok) this.refused = true;
    return written.ok;
  }
}
