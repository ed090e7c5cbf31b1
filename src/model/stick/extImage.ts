// Making the ext4 filesystems a stick holds: the root image inside squashfs.img, built offline as
// livecd-creator builds it (mkfs, the distribution's files copied in, unmounted), and home.img, made empty
// by mkfs on its loop file. Also the two tree writers a base image and an Activity copy use.
//
// `writeTree` and `mkdirP` are the same steps src/model/scenario/fileScenario.ts takes privately; that
// file can import them from here (or both can move to src/model/fs/) so the two never drift apart.

import type { BlockSink } from '../fs/BlockSink';
import { NullSink } from '../fs/BlockSink';
import { buildTree, emptyFolders, type TreeFile, type TreeSpec } from '../fs/baseTree';
import { ExtFs } from '../fs/ext/ExtFs';
import { layoutFromGeometry } from '../fs/ext/ExtLayout';
import { computeGeometry, parseMkfsCommand } from '../fs/geometry';
import type { FileScenario } from '../scenario/fileScenario';
import { ExtVolume } from './ExtVolume';

/** A base filesystem as file-level scenarios describe it (`base` in f_liveos_4k.json). */
export type BaseImageSpec = FileScenario['base'];

/** An ext4 filesystem made by `mkfsCommand` (one device name, no block count) on `sizeBytes`. */
export function makeExtVolume(mkfsCommand: string, sizeBytes: number, sink: BlockSink): ExtVolume {
  const geometry = computeGeometry(parseMkfsCommand(mkfsCommand, sizeBytes));
  return new ExtVolume({
    fs: new ExtFs(layoutFromGeometry(geometry), sink),
    reservedBlocks: geometry.reservedBlocksCount,
    overheadBlocks: geometry.overheadBlocks,
  });
}

/**
 * The root image as the build leaves it: mkfs, the tree written (the folder skeleton first, as the
 * `filesystem` package makes it), `extraFolders` made, a sync, and unmounted. Its writes go nowhere (the
 * image is squashed afterwards); the volume is handed back unmounted, ready to be attached to live-rw.
 */
export function buildBaseImage(spec: BaseImageSpec, extraFolders: readonly string[] = []): ExtVolume {
  const volume = makeExtVolume(spec.mkfs, spec.size_bytes, new NullSink());
  const fs = volume.fs;
  fs.mount();
  const files = writeTree(fs, spec.tree, '', 'skeleton-first');
  for (const folder of extraFolders) mkdirP(fs, folder);
  fs.sync();
  if (spec.tree.read_after_build) {
    fs.advance(1000);
    for (const { path } of files) fs.read(path);
  }
  fs.umount();
  return volume;
}

/**
 * Writes a described tree into the filesystem; returns its files. A base image is built as a distribution
 * installs it: the folder skeleton first, then the files. A copied tree (`cp -a`) goes folder by folder,
 * each folder's files right after it.
 */
export function writeTree(
  fs: ExtFs,
  spec: TreeSpec,
  root: string,
  order: 'skeleton-first' | 'depth-first',
): TreeFile[] {
  if (root !== '') mkdirP(fs, root);
  for (const folder of emptyFolders(spec, root)) mkdirP(fs, folder);
  const files = buildTree(spec, root, fs.layout.blockSizeBytes);
  if (order === 'skeleton-first') {
    for (const folder of [...new Set(files.map(({ path }) => path.slice(0, path.lastIndexOf('/'))))].sort()) {
      mkdirP(fs, folder);
    }
  }
  for (const { path, sizeBytes } of files) {
    mkdirP(fs, path.slice(0, path.lastIndexOf('/')));
    fs.write(path, sizeBytes);
  }
  return files;
}

/** mkdir -p on an ExtFs. */
export function mkdirP(fs: ExtFs, path: string): void {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += `/${part}`;
    if (!fs.exists(at)) fs.mkdir(at);
  }
}
