// A snapshot device as a plain JSON document, and back: for saving in the Journal, undo and "mirror my
// stick". A persistent store is saved as what it is — the COW bytes that were written (header and metadata
// areas) — and loads from them as on `dmsetup create`; a transient store lives only in memory, so its
// table is saved as runs. What exists only in the running target (Overflow, an Invalid transient store)
// is saved as flags.

import { OriginDevice, type DeviceNumber } from '../block/BlockDevice';
import { base64ToBytes, bytesToBase64 } from '../block/base64';
import { CowDevice } from '../block/CowDevice';
import { ModelError } from '../errors';
import { SECTOR_BYTES } from '../units';
import type { Emitter } from '../events';
import type { ExceptionRun } from './ExceptionRuns';
import { SnapshotTarget, type SnapshotEvents } from './SnapshotTarget';
import { TransientStore } from './TransientStore';

export const SNAPSHOT_STATE_VERSION = 1;

export interface SnapshotState {
  version: typeof SNAPSHOT_STATE_VERSION;
  origin: { sizeSectors: number; deviceNumber: DeviceNumber };
  cow: { sizeSectors: number; deviceNumber: DeviceNumber; pages: [offsetBytes: number, base64: string][] };
  table: { store: string; chunkSectors: number; readOnly: boolean };
  valid: boolean;
  overflowed: boolean;
  transient?: { runs: ExceptionRun[]; nextFreeSectors: number };
}

export function saveSnapshot(target: SnapshotTarget): SnapshotState {
  const { store } = target;
  const status = target.status();
  return {
    version: SNAPSHOT_STATE_VERSION,
    origin: { sizeSectors: target.origin.sizeSectors, deviceNumber: { ...target.origin.deviceNumber } },
    cow: {
      sizeSectors: target.cow.sizeSectors,
      deviceNumber: { ...target.cow.deviceNumber },
      pages: target.cow.writtenPages().map(({ offsetBytes, bytes }) => [offsetBytes, bytesToBase64(bytes)]),
    },
    table: { store: store.type, chunkSectors: store.chunkSectors, readOnly: target.readOnly },
    valid: target.valid,
    overflowed: target.overflowed,
    ...(store instanceof TransientStore
      ? {
          transient: {
            runs: store.exceptions.toRuns(),
            nextFreeSectors:
              status.state === 'Valid' ? status.sectorsAllocated : store.usage().sectorsAllocated,
          },
        }
      : {}),
  };
}

export function restoreSnapshot(state: SnapshotState, events?: Emitter<SnapshotEvents>): SnapshotTarget {
  if (state.version !== SNAPSHOT_STATE_VERSION) {
    throw new ModelError(
      'EINVAL',
      `saved snapshot version ${String(state.version)} is not one this Cellar reads`,
    );
  }
  const origin = new OriginDevice(state.origin.sizeSectors, state.origin.deviceNumber);
  const cow = new CowDevice(state.cow.sizeSectors, state.cow.deviceNumber);
  for (const [offsetBytes, base64] of state.cow.pages) {
    const bytes = base64ToBytes(base64);
    cow.write(
      offsetBytes,
      bytes.subarray(0, Math.min(bytes.length, state.cow.sizeSectors * SECTOR_BYTES - offsetBytes)),
    );
  }
  const made = SnapshotTarget.create({
    origin,
    cow,
    store: state.table.store,
    chunkSectors: state.table.chunkSectors,
    readOnly: state.table.readOnly,
    events,
    resume: { valid: state.valid, overflowed: state.overflowed, transient: state.transient },
  });
  if (!made.ok) throw new ModelError('EINVAL', `the saved snapshot cannot be loaded: ${made.message}`);
  return made.target;
}
