// File operations as scenarios, lessons and the quiet background writers describe them, applied to an ext
// filesystem: one vocabulary for "write 1 KiB to /var/lib/NetworkManager/timestamps" wherever it comes from.

import { buildTree, emptyFolders, type TreeSpec } from './baseTree';
import type { ExtFs } from './ext/ExtFs';

/** An operation; `mount`, `umount`, `remove` and `create` concern the device and are the caller's. */
export type FileOp =
  | { op: 'mount' | 'umount' | 'remove' | 'create' | 'sync' }
  | {
      op: 'write';
      path: string;
      bytes: number;
      how?: 'truncate' | 'in-place' | 'append';
      /** The writer keeps the file open afterwards (a daemon's log), until a `close`. */
      keepOpen?: boolean;
    }
  | { op: 'rm'; path: string; recursive?: boolean; force?: boolean }
  | { op: 'mkdir' | 'mkdir-p' | 'read' | 'read-tree' | 'close'; path: string }
  | { op: 'copy-tree'; to: string; tree: TreeSpec }
  | { op: 'touch'; path: string; time?: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'advance'; ms: number }
  | { op: 'repeat'; count: number; ops: FileOp[] };

/** Applies one filesystem operation; `{i}` in paths becomes `i` (the count of an enclosing `repeat`). */
export function applyFileOp(fs: ExtFs, op: FileOp, i = 0): void {
  switch (op.op) {
    case 'sync':
      fs.sync();
      return;
    case 'write':
      fs.write(withCount(op.path, i), op.bytes, op.how, op.keepOpen);
      return;
    case 'close':
      fs.close(withCount(op.path, i));
      return;
    case 'rm':
      if (!op.force || fs.exists(withCount(op.path, i))) fs.rm(withCount(op.path, i), op.recursive);
      return;
    case 'mkdir':
      fs.mkdir(withCount(op.path, i));
      return;
    case 'mkdir-p':
      mkdirP(fs, withCount(op.path, i));
      return;
    case 'copy-tree':
      writeTree(fs, op.tree, withCount(op.to, i), 'depth-first');
      return;
    case 'read':
      fs.read(withCount(op.path, i));
      return;
    case 'read-tree':
      for (const file of fs.list(withCount(op.path, i))) fs.read(file.path);
      return;
    case 'touch':
      fs.touch(withCount(op.path, i), op.time === undefined ? undefined : Date.parse(op.time));
      return;
    case 'rename':
      fs.rename(withCount(op.from, i), withCount(op.to, i));
      return;
    case 'advance':
      fs.advance(op.ms);
      return;
    case 'repeat':
      for (let k = 1; k <= op.count; k++) for (const inner of op.ops) applyFileOp(fs, inner, k);
      return;
    default:
      throw new Error(`${op.op} is an operation on the device, not on the filesystem`);
  }
}

/** A path with `{i}` replaced by the count of the enclosing `repeat`. */
export function withCount(path: string, i: number): string {
  return path.includes('{i}') ? path.replaceAll('{i}', String(i)) : path;
}

/**
 * Writes a described tree into the filesystem; returns its files. A base image is built as a distribution
 * installs it: the `filesystem` package makes the folder skeleton first, then packages add files. A copied
 * tree (`cp -a`) goes folder by folder, each folder's files right after it.
 */
export function writeTree(fs: ExtFs, spec: TreeSpec, root: string, order: 'skeleton-first' | 'depth-first') {
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

export function mkdirP(fs: ExtFs, path: string): void {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += `/${part}`;
    if (!fs.exists(at)) fs.mkdir(at);
  }
}
