// The device under home.img's filesystem: a loop device over a file on the stick. The file was made full
// size (livecd-iso-to-disk fills it with zeros, or random bytes for LUKS), so writing inside it never
// changes its size or the stick's free space; the sink only counts what was written, for views.

import type { BlockSink } from '../fs/BlockSink';

export class LoopFileSink implements BlockSink {
  blocksWritten = 0;

  writeBlocks(_firstBlock: number, count: number): boolean {
    this.blocksWritten += count;
    return true;
  }
}
