// File-level scenarios (`cellar-scenario/v1` with "kind": "file"): a base filesystem built into the
// origin, an overlay over it, and steps of file operations as a learner (or the kernel lab's shell) does
// them. Each step ends with `sync`, as the lab's did, and is answered with the snapshot's status.

import { OriginDevice } from '../block/BlockDevice';
import { CowDevice } from '../block/CowDevice';
import { snapshotStatusLine } from '../dm/dmsetupFormat';
import { SnapshotTarget } from '../dm/SnapshotTarget';
import { ModelError } from '../errors';
import { buildTree, emptyFolders, type TreeSpec } from '../fs/baseTree';
import { NullSink } from '../fs/BlockSink';
import { ExtFs } from '../fs/ext/ExtFs';
import { extLayoutFor } from '../fs/ext/ExtLayout';
import { SnapshotSink } from '../fs/SnapshotSink';
import { SECTOR_BYTES } from '../units';

export type FileOp =
  | { op: 'mount' | 'umount' | 'remove' | 'create' | 'sync' }
  | { op: 'write'; path: string; bytes: number; how?: 'truncate' | 'in-place' | 'append' }
  | { op: 'rm'; path: string; recursive?: boolean; force?: boolean }
  | { op: 'mkdir' | 'mkdir-p' | 'read' | 'read-tree'; path: string }
  | { op: 'copy-tree'; to: string; tree: TreeSpec }
  | { op: 'touch'; path: string; time?: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'advance'; ms: number }
  | { op: 'repeat'; count: number; ops: FileOp[] };

export interface FileScenario {
  schema: 'cellar-scenario/v1';
  kind: 'file';
  name: string;
  base: { fs: 'ext3' | 'ext4'; size_bytes: number; mkfs: string; tree: TreeSpec };
  overlay: { cow_sectors: number; store: string; chunk_sectors: number };
  steps: { name: string; ops: FileOp[] }[];
}

export interface FileStepResult {
  name: string;
  ok: boolean;
  error?: string;
  status: string | null;
  sectorsAllocated: number | null;
}

/** Runs a file-level scenario; throws ModelError when an operation cannot be done. */
export function runFileScenario(scenario: FileScenario): FileStepResult[] {
  const layout = extLayoutFor(scenario.base.mkfs, scenario.base.size_bytes);
  const fs = new ExtFs(layout, new NullSink());
  fs.mount();
  const tree = writeTree(fs, scenario.base.tree, '', 'skeleton-first');
  fs.sync();
  if (scenario.base.tree.read_after_build) {
    fs.advance(1000);
    for (const { path } of tree) fs.read(path);
  }
  fs.umount();

  const origin = new OriginDevice(scenario.base.size_bytes / SECTOR_BYTES);
  const cow = new CowDevice(scenario.overlay.cow_sectors);
  let target: SnapshotTarget | null = null;
  const create = () => {
    const made = SnapshotTarget.create({
      origin,
      cow,
      store: scenario.overlay.store,
      chunkSectors: scenario.overlay.chunk_sectors,
    });
    if (!made.ok) throw new ModelError('EINVAL', made.message);
    target = made.target;
  };
  create();
  fs.attach(new SnapshotSink(() => target, layout.blockSizeBytes));
  let mounted = false;

  const run = (op: FileOp, i: number): void => {
    const at = (path: string) => path.replaceAll('{i}', String(i));
    switch (op.op) {
      case 'mount':
        fs.mount();
        mounted = true;
        return;
      case 'umount':
        fs.umount();
        mounted = false;
        return;
      case 'remove':
        target?.remove();
        target = null;
        return;
      case 'create':
        create();
        return;
      case 'sync':
        fs.sync();
        return;
      case 'write':
        fs.write(at(op.path), op.bytes, op.how);
        return;
      case 'rm':
        if (!op.force || fs.exists(at(op.path))) fs.rm(at(op.path), op.recursive);
        return;
      case 'mkdir':
        fs.mkdir(at(op.path));
        return;
      case 'mkdir-p':
        mkdirP(fs, at(op.path));
        return;
      case 'copy-tree':
        writeTree(fs, op.tree, at(op.to), 'depth-first');
        return;
      case 'read':
        fs.read(at(op.path));
        return;
      case 'read-tree':
        for (const file of fs.list(at(op.path))) fs.read(file.path);
        return;
      case 'touch':
        fs.touch(at(op.path), op.time === undefined ? undefined : Date.parse(op.time));
        return;
      case 'rename':
        fs.rename(at(op.from), at(op.to));
        return;
      case 'advance':
        fs.advance(op.ms);
        return;
      case 'repeat':
        for (let k = 1; k <= op.count; k++) for (const inner of op.ops) run(inner, k);
        return;
    }
  };

  return scenario.steps.map(({ name, ops }) => {
    let error: string | undefined;
    try {
      for (const op of ops) run(op, 0);
      if (mounted) fs.sync();
    } catch (caught) {
      // What a shell would print for a command that failed; the next steps go on, as the lab's did.
      if (!(caught instanceof ModelError)) throw caught;
      error = caught.message;
    }
    const current = target as SnapshotTarget | null;
    const status = current?.status();
    return {
      name,
      ok: error === undefined,
      ...(error === undefined ? {} : { error }),
      status: current ? snapshotStatusLine(current) : null,
      sectorsAllocated: status?.state === 'Valid' ? status.sectorsAllocated : null,
    };
  });
}

/**
 * Writes a described tree into the filesystem; returns its files. A base image is built as a distribution
 * installs it: the `filesystem` package makes the folder skeleton first, then packages add files. A copied
 * tree (`cp -a`) goes folder by folder, each folder's files right after it.
 */
function writeTree(fs: ExtFs, spec: TreeSpec, root: string, order: 'skeleton-first' | 'depth-first') {
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

function mkdirP(fs: ExtFs, path: string): void {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += `/${part}`;
    if (!fs.exists(at)) fs.mkdir(at);
  }
}
