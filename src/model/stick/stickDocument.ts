// The saved stick, `cellar-stick/v2`: a plain JSON document holding everything a stick needs to continue
// exactly — off or running — and nothing that can be made again from it.
//
//   schema          "cellar-stick/v2"
//   plan            the plan it was made from, sizes in MiB as given (homePassphrase, a pretend one, too),
//                   with the stick's filesystem (deviceFilesystem) and swap.img's size (swapMib)
//   clockMs         the simulated clock
//   device          the stick's filesystem (Vfat.save or Ext4Device.save): every file and folder with its
//                   size (on ext4 also the blocks a sparse file holds)
//   base            squashfs.img (SquashfsImage.save) and the root image inside it (ExtFs.save), once
//   overlay         the overlay file's COW: its size and the 4 KiB pages ever written (header, metadata
//                   areas), base64, in offset order; and its usage as last seen with the stick off
//   root            the root as the persistent overlay holds it: "base" while it is still the base
//   home            home.img's filesystem (ExtFs.save) and the blocks accepted writes hold back
//   ramFolders      folders moved to RAM (mounted at every boot); journalEntriesSaved
//   system          null when off; else the running system: its state, the dm devices by name and
//                   number, live-rw's flags and usage (and, for a temporary overlay, its COW pages in RAM),
//                   the mounts in order (a tmpfs with its files, Tmpfs.save), the log, the boot's figures
//
// Not saved, because the plan makes them again: the boot files, osmin.img's COW (2012), the origin
// device, the devices' numbers, and what the running system derives (dmsetup lines, the mount volumes).
//
// Version 1 (before the ext4 stick and swap.img) is still read: its plan has neither deviceFilesystem
// nor swapMib, and its stick is vfat without swap.img, which is what such a plan means in version 2.

import type { StoreUsage } from '../dm/ExceptionStore';
import type { ExtFsState } from '../fs/ext/ExtFsState';
import type { DeviceFilesystemKind } from '../store/DeviceFilesystem';
import type { Ext4DeviceState } from '../store/Ext4Device';
import type { SquashfsState } from '../store/SquashfsImage';
import type { TmpfsState } from '../store/Tmpfs';
import type { VfatState } from '../store/Vfat';
import type { BootLogLine } from './bootTexts';
import type { EraId } from './eras';
import type { BaseImageSpec } from './extImage';
import type { OverlayKind, RootState } from './LiveSystem';
import type { HomeState } from './luksHome';
import type { StoreKind } from './MountTable';
import type { VolumeFsType } from './Volume';

export const STICK_SCHEMA = 'cellar-stick/v2';

/** The schema's version number (the `v2` of `cellar-stick/v2`). */
export const STICK_SCHEMA_VERSION = 2;

/** The oldest version this Cellar still reads (see above). */
export const OLDEST_STICK_SCHEMA_VERSION = 1;

export interface StickDocument {
  schema: typeof STICK_SCHEMA;
  plan: SavedPlan;
  clockMs: number;
  device: VfatState | Ext4DeviceState;
  base: { squashfs: SquashfsState; root: ExtFsState };
  overlay: SavedOverlay | null;
  root: SavedExtVolume | 'base' | null;
  home: SavedExtVolume | null;
  ramFolders: string[];
  journalEntriesSaved: number;
  system: SavedSystem | null;
}

export interface SavedPlan {
  era: EraId;
  capacityBytes: number;
  deviceFilesystem: DeviceFilesystemKind;
  overlayMib: number | null;
  /** Only for a plan given an exact overlay size (a mirrored real stick). */
  overlaySectors?: number;
  homeMib: number | null;
  swapMib: number | null;
  homeEncrypted: boolean;
  homePassphrase: string | null;
  ramBytes: number;
  base: BaseImageSpec;
  label: string;
  uuid: string;
  devicePath: string;
  osminCowSectors: number;
}

/** A COW device: its size and the pages ever written, as [offset in bytes, base64 of up to 4 KiB]. */
export interface SavedCow {
  sizeSectors: number;
  pages: [offsetBytes: number, base64: string][];
}

export interface SavedOverlay extends SavedCow {
  /** The overlay's usage when the stick was last shut down (null: not since it was made or reset). */
  whenOff: { usage: StoreUsage; chunkSectors: number } | null;
}

export interface SavedExtVolume {
  fs: ExtFsState;
  /** Blocks accepted writes hold back until writeback, as [blocks, dirtiedMs]. */
  pending: [blocks: number, dirtiedMs: number][];
}

export type SavedDmName = 'live-base' | 'live-rw' | 'live-osimg-min' | 'EncHome';

export interface SavedSystem {
  state: 'running' | 'emergency';
  rootState: RootState;
  overlayKind: OverlayKind;
  homeState: HomeState;
  /** The device-mapper devices in the order they were made, with their minor numbers. */
  devices: { name: SavedDmName; minor: number }[];
  liveRw: SavedLiveRw | null;
  /** The mounted root: the persistent overlay's (`persistent`), a temporary one's, or none (emergency). */
  root: SavedExtVolume | 'persistent' | 'base' | null;
  mounts: SavedMount[];
  log: BootLogLine[];
  bootLineCount: number;
  statusAtCreate: string | null;
  chunksAtCreate: number;
  failedRootWrites: number;
}

export interface SavedLiveRw {
  valid: boolean;
  overflowed: boolean;
  /** The chunks its store handed out (checked against the pages; kept as is for an Invalid one). */
  usage: StoreUsage;
  /** A temporary overlay's COW in RAM; null: live-rw is on the overlay file. */
  ramCow: SavedCow | null;
}

export interface SavedMount {
  mountPoint: string;
  source: string;
  fsType: VolumeFsType;
  store: Exclude<StoreKind, 'base-readonly'>;
  readOnly: boolean;
  persistent: boolean;
  movedToRam: boolean;
  /** A tmpfs mount's files. */
  tmpfs?: TmpfsState;
}

export type StickRestoreFailureCode = 'not-a-stick' | 'older-version' | 'newer-version' | 'damaged';

export interface StickRestoreFailure {
  ok: false;
  code: StickRestoreFailureCode;
  message: string;
}
