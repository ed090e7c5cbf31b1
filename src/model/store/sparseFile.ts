// A file that holds its data in whole units (tmpfs pages, an ext4 stick's blocks) only where it was
// written, as the kernel keeps sparse files: what each kind of write would take, planned before the
// store checks its space, and applied only when it fits. Shared by Tmpfs and Ext4Device.

import type { Emitter } from '../events';
import type { FileTree, Slot } from './FileTree';
import { checkLinuxName } from './names';
import { PageRuns, type PageRun } from './PageRuns';
import { joinPath } from './paths';
import { damaged, readArray, readWhole } from './stateReader';
import { emitHeard, fail, type StoreEvents, type StoreFailure } from './storeTypes';

export interface SparseFile {
  sizeBytes: number;
  /** The units held (PageRuns counts them as pages, whatever their size). */
  pages: PageRuns;
}

/** A file a write may go to: its data (new, and not yet in its folder, when `isNew`), and where it is. */
export interface OpenedFile<D> {
  ok: true;
  file: SparseFile;
  isNew: boolean;
  slot: Slot<SparseFile, D>;
}

/**
 * open(2) for writing on a store with Linux names: the file at `path`, or (with `create`) a new one the
 * caller places once its write fits. EISDIR for a folder, ENOENT without `create`.
 */
export function openSparseFile<D>(
  tree: FileTree<SparseFile, D>,
  path: string,
  create: boolean,
): OpenedFile<D> | StoreFailure {
  const slot = tree.slot(path);
  if (!slot.ok) return slot.error === 'EINVAL' ? fail('EISDIR') : slot;
  const existing = slot.existing;
  if (existing?.kind === 'dir') return fail('EISDIR');
  if (existing) return { ok: true, file: existing.data, isNew: false, slot };
  if (!create) return fail('ENOENT');
  const bad = checkLinuxName(slot.name);
  if (bad) return bad;
  return { ok: true, file: { sizeBytes: 0, pages: new PageRuns() }, isNew: true, slot };
}

/** Puts a new file, whose write fitted, in its folder. */
export function placeSparseFile<D>(opened: OpenedFile<D>): void {
  const { slot, file } = opened;
  slot.parent.children.set(slot.key, { kind: 'file', name: slot.name, data: file });
}

/** The `file-written` event of a change that took `deltaUnits` units of `unitBytes` from the store. */
export function emitSparseWrite<D>(
  events: Emitter<StoreEvents>,
  opened: OpenedFile<D>,
  deltaUnits: number,
  unitBytes: number,
  usedBytes: number,
): void {
  const { slot, file } = opened;
  emitHeard(events, 'file-written', () => ({
    path: joinPath([...slot.parentNames, slot.name]),
    sizeBytes: file.sizeBytes,
    fileUsedBytes: file.pages.count * unitBytes,
    deltaUsedBytes: deltaUnits * unitBytes,
    usedBytes,
  }));
}

/** What a change would take (negative: free), and how to make it; or EFBIG past the largest file. */
export type SparsePlan = { newPages: number; apply: () => void } | 'EFBIG';

export function unitsFor(bytes: number, unitBytes: number): number {
  return Math.ceil(bytes / unitBytes);
}

/** `> file` then `sizeBytes` written: every unit of the new length held, nothing past it. */
export function planRewrite(file: SparseFile, unitBytes: number, sizeBytes: number): SparsePlan {
  const units = unitsFor(sizeBytes, unitBytes);
  return {
    newPages: units - file.pages.count,
    apply: () => {
      file.pages.dropFrom(0);
      file.pages.add(0, units);
      file.sizeBytes = sizeBytes;
    },
  };
}

/**
 * `dd seek= conv=notrunc`: the units of `[offset, offset + length)` held, the file grown to the range's
 * end; a gap before it stays a hole. EFBIG when the range ends past `maxBytes`.
 */
export function planRange(
  file: SparseFile,
  unitBytes: number,
  offsetBytes: number,
  lengthBytes: number,
  maxBytes: number,
): SparsePlan {
  if (offsetBytes + lengthBytes > maxBytes) return 'EFBIG';
  if (lengthBytes === 0) return { newPages: 0, apply: () => undefined };
  const first = Math.floor(offsetBytes / unitBytes);
  const count = unitsFor(offsetBytes + lengthBytes, unitBytes) - first;
  return {
    newPages: file.pages.missing(first, count),
    apply: () => {
      file.pages.add(first, count);
      file.sizeBytes = Math.max(file.sizeBytes, offsetBytes + lengthBytes);
    },
  };
}

/** truncate(1): shrinking drops the units past the new end, growing makes a hole. */
export function planTruncate(
  file: SparseFile,
  unitBytes: number,
  sizeBytes: number,
  maxBytes: number,
): SparsePlan {
  if (sizeBytes > maxBytes) return 'EFBIG';
  const keep = unitsFor(sizeBytes, unitBytes);
  const heldBelow = keep - file.pages.missing(0, keep);
  return {
    newPages: heldBelow - file.pages.count,
    apply: () => {
      file.pages.dropFrom(keep);
      file.sizeBytes = sizeBytes;
    },
  };
}

/** A saved file's units (`[first, count]` runs in order, none past its end), or a ModelError naming the fault. */
export function readUnitRuns(
  value: unknown,
  what: string,
  field: string,
  path: string,
  endUnits: number,
): PageRuns {
  const runs = readArray(value, what, field).map((run, r): PageRun => {
    const pair = readArray(run, what, `${field}[${String(r)}]`);
    if (pair.length !== 2) throw damaged(what, `${field}[${String(r)}] is not a run`);
    return [readWhole(pair[0], what, field), readWhole(pair[1], what, field)];
  });
  let end = 0;
  for (const [start, count] of runs) {
    if (count === 0 || start < end) throw damaged(what, `${path} has page runs out of order`);
    end = start + count;
  }
  if (end > endUnits) throw damaged(what, `${path} holds pages past its end`);
  return PageRuns.fromRuns(runs);
}
