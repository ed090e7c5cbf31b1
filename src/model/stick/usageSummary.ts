// What the views draw: each place data can live, with its used and total sizes, and the overlay's exact
// `dmsetup status` line. A snapshot that is Invalid or has overflowed prints no figures in its status,
// but its store still knows how many chunks it handed out; the gauge shows those.

import type { StoreUsage } from '../dm/ExceptionStore';
import type { SnapshotStatus } from '../dm/SnapshotTarget';
import type { DeviceFilesystemKind } from '../store/DeviceFilesystem';
import { SECTOR_BYTES } from '../units';
import type { LiveSystem, OverlayKind, RootState } from './LiveSystem';
import type { HomeState } from './luksHome';
import type { StickMedia } from './StickMedia';

export interface OverlayUsage {
  /** `none`: the stick is off and has no overlay file. */
  kind: OverlayKind | 'none';
  /** null while the stick is off (no live-rw exists). */
  state: SnapshotStatus['state'] | null;
  statusLine: string | null;
  allocatedSectors: number;
  totalSectors: number;
  metadataSectors: number;
  chunkSectors: number;
  /** The overlay file on the stick (null for a temporary overlay or none). */
  fileBytes: number | null;
  /** A temporary overlay's COW is a sparse file in RAM. */
  inRam: boolean;
}

export interface HomeUsage {
  /** Used and total as df shows them inside home.img (the filesystem, after any LUKS header). */
  usedBytes: number;
  sizeBytes: number;
  /** home.img's size on the stick, which never changes. */
  fileBytes: number;
  /** An encrypted home.img's LUKS header: the bytes in front of the filesystem (null: unencrypted). */
  luks: { version: 'LUKS1' | 'LUKS2'; headerBytes: number } | null;
  /** Mounted on /home, locked (encrypted, not opened: /home is the overlay's), or `off` (stick off). */
  state: HomeState | 'off';
}

export interface RamUsage {
  ramBytes: number;
  /** swap.img's size while livesys has it on (tmpfs pages can go there; the temporary overlay's cannot). */
  swapBytes: number;
  tmpfsUsedBytes: number;
  /** The tmpfs mounts' sizes added up (each may take half of the RAM; together they can promise more). */
  tmpfsSizeBytes: number;
  mounts: { mountPoint: string; usedBytes: number; sizeBytes: number; movedToRam: boolean }[];
  /** RAM the temporary overlay's chunks take (0 with a persistent overlay). */
  temporaryOverlayBytes: number;
  /**
   * RAM the temporary overlay may still take before it runs out: the RAM less its chunks and the tmpfs
   * pages swap cannot hold (null with a persistent overlay, or while off).
   */
  temporaryOverlayRoomBytes: number | null;
}

export interface DeviceUsage {
  /** The stick's own filesystem. */
  filesystem: DeviceFilesystemKind;
  capacityBytes: number;
  usedBytes: number;
  /** What root (the installer, livesys, the loop devices) can still write. */
  freeBytes: number;
  /** Of the free bytes, those ext4 keeps for root: df's Avail is freeBytes less these (vfat: 0). */
  reservedBytes: number;
  /** The images' sizes (ls -l). */
  images: {
    squashfsBytes: number;
    overlayBytes: number;
    homeBytes: number;
    swapBytes: number;
    osminBytes: number;
    bootFilesBytes: number;
  };
  /**
   * The space the overlay file and home.img take on the stick (du): their size when written in full, less
   * for a sparse file (2012 on ext4), which takes a block only where the kernel has written.
   */
  taken: { overlayBytes: number; homeBytes: number };
}

export interface SquashfsUsage {
  compressedBytes: number;
  rootImageBytes: number;
  rootImageUsedBytes: number;
  compressionRatio: number;
}

export interface StickUsage {
  power: 'off' | 'running' | 'emergency';
  rootState: RootState | null;
  overlay: OverlayUsage;
  home: HomeUsage | null;
  ram: RamUsage;
  device: DeviceUsage;
  squashfs: SquashfsUsage;
}

export function summarizeUsage(
  media: StickMedia,
  system: LiveSystem | null,
  offOverlay: { usage: StoreUsage; chunkSectors: number } | null,
  bootFilesBytes: number,
): StickUsage {
  const fileStat = (path: string | undefined) => {
    const found = path === undefined ? null : media.device.stat(path);
    return found?.ok ? found.value : { sizeBytes: 0, usedBytes: 0 };
  };
  const fileSize = (path: string | undefined) => fileStat(path).sizeBytes;
  const liveRw = system?.liveRw ?? null;
  const usage = liveRw ? system?.overlayUsage() : offOverlay?.usage;
  const kind: OverlayUsage['kind'] = system ? system.overlayKind : media.overlay ? 'persistent' : 'none';
  const overlay: OverlayUsage = {
    kind,
    state: liveRw ? liveRw.status().state : null,
    statusLine: system?.liveRwStatusLine() ?? null,
    allocatedSectors: usage?.sectorsAllocated ?? 0,
    totalSectors: usage?.totalSectors ?? (media.overlay ? media.overlay.cow.sizeSectors : 0),
    metadataSectors: usage?.metadataSectors ?? 0,
    chunkSectors: liveRw?.chunkSectors ?? offOverlay?.chunkSectors ?? media.era.chunkSectors,
    fileBytes: kind === 'persistent' && media.overlay ? fileSize(media.overlay.path) : null,
    inRam: kind === 'temporary',
  };
  const mounts = (system?.mounts.list() ?? [])
    .filter((m) => m.fsType === 'tmpfs')
    .map((m) => ({
      mountPoint: m.mountPoint,
      usedBytes: m.volume.usedBytes(),
      sizeBytes: m.volume.capacityBytes(),
      movedToRam: m.movedToRam,
    }));
  const tmpfsUsedBytes = mounts.reduce((sum, m) => sum + m.usedBytes, 0);
  const temporaryOverlayBytes = kind === 'temporary' ? overlay.allocatedSectors * SECTOR_BYTES : 0;
  const ramOverlay = system?.ramOverlay;
  return {
    power: system ? system.state : 'off',
    rootState: system ? system.rootState : null,
    overlay,
    home: media.home
      ? {
          usedBytes: media.home.volume.usedBytes(),
          sizeBytes: media.home.volume.capacityBytes(),
          fileBytes: fileSize(media.home.path),
          luks: media.plan.homeLuks && { ...media.plan.homeLuks },
          state: system ? system.homeState : 'off',
        }
      : null,
    ram: {
      ramBytes: media.plan.ramBytes,
      swapBytes: system?.swapBytes ?? 0,
      tmpfsUsedBytes,
      tmpfsSizeBytes: mounts.reduce((sum, m) => sum + m.sizeBytes, 0),
      mounts,
      temporaryOverlayBytes,
      temporaryOverlayRoomBytes: ramOverlay
        ? Math.max(0, media.plan.ramBytes - temporaryOverlayBytes - ramOverlay.tmpfsInRamBytes())
        : null,
    },
    device: {
      filesystem: media.device.kind,
      capacityBytes: media.device.capacityBytes,
      usedBytes: media.device.usedBytes,
      freeBytes: media.device.freeBytes,
      reservedBytes: media.device.reservedBytes,
      images: {
        squashfsBytes: fileSize('/LiveOS/squashfs.img'),
        overlayBytes: fileSize(media.overlay?.path),
        homeBytes: fileSize(media.home?.path),
        swapBytes: fileSize(media.swap?.path),
        osminBytes: fileSize(media.osmin?.path),
        bootFilesBytes,
      },
      taken: {
        overlayBytes: fileStat(media.overlay?.path).usedBytes,
        homeBytes: fileStat(media.home?.path).usedBytes,
      },
    },
    squashfs: {
      compressedBytes: media.squashfs.compressedBytes,
      rootImageBytes: media.squashfs.rootImageBytes,
      rootImageUsedBytes: media.squashfs.rootImageUsedBytes,
      compressionRatio: media.squashfs.compressionRatio,
    },
  };
}
