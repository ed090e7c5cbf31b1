// A root image as livecd-creator makes it: mkfs, the tree installed, unmounted — built offline, so its
// writes go nowhere (they are the origin itself, squashed into squashfs.img).

import type { TreeSpec } from './baseTree';
import { NullSink } from './BlockSink';
import { ExtFs } from './ext/ExtFs';
import { extLayoutFor } from './ext/ExtLayout';
import { writeTree } from './fileOps';

export interface BaseImageSpec {
  fs: 'ext3' | 'ext4';
  size_bytes: number;
  /** The mkfs command line, e.g. `mkfs.ext4 -F -b 4096 -m 1 rootfs.img`. */
  mkfs: string;
  /** The image's "Directory Hash Seed" (a UUID), when it is known; else none (see extLayoutFor). */
  hash_seed?: string;
  tree: TreeSpec;
}

export function buildBaseImage(base: BaseImageSpec): ExtFs {
  const fs = new ExtFs(extLayoutFor(base.mkfs, base.size_bytes, base.hash_seed), new NullSink());
  fs.mount();
  const files = writeTree(fs, base.tree, '', 'skeleton-first');
  fs.sync();
  if (base.tree.read_after_build) {
    fs.advance(1000);
    for (const { path } of files) fs.read(path);
  }
  fs.umount();
  return fs;
}
