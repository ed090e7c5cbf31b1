// What the stores whose files hold data only where it was written (tmpfs, an ext4 stick) share: the write
// calls, each a plan from sparseFile.ts that the store's own `change` carries out whole or refuses, and
// the "freed" event, counted in the store's unit (a page, a block).

import type { Emitter } from '../events';
import { planRange, planRewrite, type SparseFile, type SparsePlan } from './sparseFile';
import { emitHeard, fail, requireWhole, type StoreEvents, type StoreOutcome } from './storeTypes';

export abstract class SparseFileStore {
  abstract readonly events: Emitter<StoreEvents>;
  /** The largest file the filesystem holds. */
  abstract readonly maxFileBytes: number;
  abstract get usedBytes(): number;
  /** What a file's space is counted in: a page of RAM, a block of the stick. */
  protected abstract get unitBytes(): number;

  /**
   * One file change: finds the file (or, with `create`, the place for a new one), asks `plan` what it
   * would take, and refuses it whole (EFBIG, ENOSPC) or applies it.
   */
  protected abstract change(
    path: string,
    create: boolean,
    plan: (file: SparseFile) => SparsePlan,
  ): StoreOutcome;

  /** `> file`: creates or empties the file, then writes `sizeBytes` bytes. */
  write(path: string, sizeBytes: number): StoreOutcome {
    requireWhole(sizeBytes, 'a file size');
    if (sizeBytes > this.maxFileBytes) return fail('EFBIG');
    return this.change(path, true, (file) => planRewrite(file, this.unitBytes, sizeBytes));
  }

  /** `>> file`: writes `bytes` more at the end; creates the file when missing. */
  append(path: string, bytes: number): StoreOutcome {
    requireWhole(bytes, 'an append');
    return this.change(path, true, (file) =>
      planRange(file, this.unitBytes, file.sizeBytes, bytes, this.maxFileBytes),
    );
  }

  /** `dd seek= conv=notrunc`: writes `lengthBytes` at `offsetBytes`; a gap before it stays a hole. */
  writeAt(path: string, offsetBytes: number, lengthBytes: number): StoreOutcome {
    requireWhole(offsetBytes, 'an offset');
    requireWhole(lengthBytes, 'a length');
    return this.change(path, true, (file) =>
      planRange(file, this.unitBytes, offsetBytes, lengthBytes, this.maxFileBytes),
    );
  }

  protected emitFreed(path: string, freedUnits: number): void {
    emitHeard(this.events, 'freed', () => ({
      path,
      freedBytes: freedUnits * this.unitBytes,
      usedBytes: this.usedBytes,
    }));
  }
}
