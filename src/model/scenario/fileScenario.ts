// File-level scenarios (`cellar-scenario/v1` with "kind": "file"): a base filesystem built into the
// origin, an overlay over it, and steps of file operations as a learner (or the kernel lab's shell) does
// them. Each step ends with `sync`, as the lab's did, and is answered with the snapshot's status.

import { OriginDevice } from '../block/BlockDevice';
import { CowDevice } from '../block/CowDevice';
import { snapshotStatusLine } from '../dm/dmsetupFormat';
import { SnapshotTarget } from '../dm/SnapshotTarget';
import { ModelError } from '../errors';
import { applyFileOp, type FileOp } from '../fs/fileOps';
import { buildBaseImage, type BaseImageSpec } from '../fs/baseImage';
import { SnapshotSink } from '../fs/SnapshotSink';
import { SECTOR_BYTES } from '../units';

export interface FileScenario {
  schema: 'cellar-scenario/v1';
  kind: 'file';
  name: string;
  base: BaseImageSpec;
  overlay: { cow_sectors: number; store: string; chunk_sectors: number };
  steps: { name: string; ops: FileOp[] }[];
}

export type { FileOp };

export interface FileStepResult {
  name: string;
  ok: boolean;
  error?: string;
  status: string | null;
  sectorsAllocated: number | null;
}

/** Runs a file-level scenario; throws ModelError when an operation cannot be done. */
export function runFileScenario(scenario: FileScenario): FileStepResult[] {
  const fs = buildBaseImage(scenario.base);

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
  fs.attach(new SnapshotSink(() => target, fs.layout.blockSizeBytes));
  let mounted = false;

  const run = (op: FileOp): void => {
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
      default:
        applyFileOp(fs, op);
    }
  };

  return scenario.steps.map(({ name, ops }) => {
    let error: string | undefined;
    try {
      for (const op of ops) run(op);
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
