// The stick itself, on the table: its filesystem (vfat, or ext4 after `--format`) with the boot files and
// LiveOS/ (squashfs.img, osmin.img in 2012, the overlay file, swap.img, home.img), and what those files
// hold that outlives a reboot — the overlay file's bytes (the COW), home.img's filesystem, and the root
// filesystem as the persistent overlay records it. A running system (LiveSystem) borrows these; a reboot
// gives them back unchanged.
//
// The installer makes the overlay and home.img as it does on each filesystem (installer/stickFiles.ts):
// full files of zeros on vfat and today's fallocate, sparse files (`dd seek=`) on a 2012 ext4 stick. Both
// are written through a LoopFile, so a sparse one takes the stick's space as the kernel writes into it;
// mkfs's own blocks in home.img (and an encrypted one's LUKS header) are written when it is made.
// swap.img is always written in full: `dd if=/dev/zero` (2012) or fallocate (today), as swapon needs.
//
// The root filesystem under a temporary overlay is thrown away at every shutdown. The next boot gets a
// copy of the base as it was built: the base's ExtFs state is saved once, when the stick is made, and
// restored (ExtFs.restore) for each temporary overlay. Restoring is cheaper than building the tree again
// (no allocator runs), does not depend on the tree's description still being at hand, and the saved
// document is the one a saved stick will carry anyway.

import { OriginDevice } from '../block/BlockDevice';
import { CowDevice } from '../block/CowDevice';
import type { SnapshotTarget } from '../dm/SnapshotTarget';
import { ModelError } from '../errors';
import { computeGeometry, parseMkfsCommand } from '../fs/geometry';
import type { DeviceFilesystem } from '../store/DeviceFilesystem';
import { SquashfsImage } from '../store/SquashfsImage';
import { LIVEOS_DIR } from '../store/Vfat';
import { SECTOR_BYTES } from '../units';
import { bootFilesFor } from './bootFiles';
import type { EraProfile } from './eras';
import type { ExtFsState } from '../fs/ext/ExtFsState';
import { NullSink } from '../fs/BlockSink';
import { makeDeviceFilesystem } from './deviceFilesystem';
import {
  buildRootImage,
  extSpaceFacts,
  makeExtVolume,
  restoreRootImage,
  type ExtSpaceFacts,
} from './extImage';
import type { ExtVolume } from './ExtVolume';
import { newFileAllocation } from './installer/stickFiles';
import { LoopFile } from './loopFile';
import { homeImageFacts } from './luksHome';
import { buildOsminCow, osminFileBytes } from './osminImage';
import { BUILT_IN_ACTIVITIES_DIR } from './sugarBase';
import {
  refuse,
  resolveStickPlan,
  type ResolvedStickPlan,
  type StickPlan,
  type StickRefusal,
} from './stickPlan';

/** livecd-iso-to-disk's recipe for an unencrypted home.img (profile chosen by size: 1 KiB blocks below 512 MiB). */
export { HOME_MKFS } from './luksHome';

/** Loop devices as dracut and livesys take them: squashfs.img, the root image, the overlay, osmin. */
export const LOOP = { squashfs: 0, rootImage: 1, overlay: 2, osminSquash: 3, osmin: 4 } as const;

export type StickMediaResult = { ok: true; media: StickMedia } | StickRefusal;

export class StickMedia {
  readonly plan: ResolvedStickPlan;
  readonly era: EraProfile;
  /** The stick's own filesystem: device space. */
  readonly device: DeviceFilesystem;
  /** squashfs.img: replaced by a refresh (a new base), else as the installer wrote it. */
  private squashfsImage: SquashfsImage;
  /** The root image on its loop device: the origin of every snapshot. */
  readonly origin: OriginDevice;
  /**
   * The overlay file's bytes (header and metadata areas), name, and the file on the stick the COW's
   * chunks land in; null when the stick has none.
   */
  readonly overlay: { path: string; cow: CowDevice; file: LoopFile } | null;
  /** home.img: its filesystem, written through the file on the stick. */
  readonly home: { path: string; volume: ExtVolume; sink: LoopFile } | null;
  readonly osmin: { path: string; cow: CowDevice } | null;
  /** LiveOS/swap.img, which livesys turns on at boot. */
  readonly swap: { path: string; sizeBytes: number } | null;
  /**
   * The root filesystem as the persistent overlay holds it (null without an overlay file); each snapshot
   * of the overlay reads it through rootOn, which answers the base image when the store holds nothing.
   */
  persistentRoot: ExtVolume | null;
  /** A freshly built base nobody has mounted yet: the first temporary overlay may use it. */
  private pristineRoot: ExtVolume | null;
  /** The base as built or last refreshed (ExtFs's saved document), copied for every temporary overlay. */
  private base: ExtFsState;
  /** The root image's reserved and overhead blocks (its mkfs and size never change). */
  readonly baseFacts: ExtSpaceFacts;
  /** Folders the learner moved to RAM: a tmpfs is mounted on each at every boot. */
  readonly ramFolders: string[] = [];
  /** The root image's filesystem block size (4 KiB for livecd-creator's roots). */
  readonly rootBlockSizeBytes: number;
  /** Journal entries saved on this stick so far (names the next one). */
  journalEntriesSaved = 0;

  private constructor(parts: StickMediaParts) {
    this.plan = parts.plan;
    this.era = parts.plan.era;
    this.device = parts.device;
    this.squashfsImage = parts.squashfs;
    this.origin = parts.origin;
    this.overlay = parts.overlay;
    this.home = parts.home;
    this.osmin = parts.osmin;
    this.swap = parts.swap;
    this.persistentRoot = parts.persistentRoot;
    this.pristineRoot = parts.pristineRoot;
    this.rootBlockSizeBytes = parts.rootBlockSizeBytes;
    this.base = parts.baseState;
    this.baseFacts = extSpaceFacts(parts.plan.base.mkfs, parts.plan.base.size_bytes);
    this.overlay?.cow.setBacking(this.overlay.file);
  }

  /** A stick put together from parts already checked (a saved stick being restored). */
  static assemble(parts: Omit<StickMediaParts, 'pristineRoot'>): StickMedia {
    return new StickMedia({ ...parts, pristineRoot: null });
  }

  get squashfs(): SquashfsImage {
    return this.squashfsImage;
  }

  get baseState(): ExtFsState {
    return this.base;
  }

  /**
   * A refresh made a new base image: squashfs.img now holds `state`, and every root starts from it. (The
   * stick's file for squashfs.img is resized by the caller.)
   */
  replaceBase(state: ExtFsState, squashfs: SquashfsImage): void {
    this.base = state;
    this.squashfsImage = squashfs;
    this.pristineRoot = null;
  }

  /**
   * The root a valid snapshot of the overlay file shows. ExtFs keeps the root as the overlay's writes left
   * it, but the COW decides: a store holding no exceptions (the kernel made a new one over a zeroed header,
   * or the table ends at its first entry) sends every read to the origin, so the root is the base image
   * again, whatever was written before. A transient store (`N`) never reads the file, so it says nothing.
   * (A new stick's first boot takes the base as built, instead of restoring a copy of it.)
   */
  rootOn(target: SnapshotTarget): ExtVolume {
    if (target.store.type !== 'N' && target.remapsNothing) this.persistentRoot = this.freshRoot();
    else this.pristineRoot = null; // handed out as it is: whoever mounts it may change it
    return this.persistentRoot!;
  }

  /** A root filesystem restored from the base image, on no device yet. */
  baseRoot(): ExtVolume {
    return restoreRootImage(this.base, this.baseFacts, new NullSink());
  }

  /** Makes the stick as livecd-iso-to-disk leaves it, or says why it cannot be made. */
  static create(input: StickPlan): StickMediaResult {
    const resolved = resolveStickPlan(input);
    if (!resolved.ok) return resolved;
    const plan = resolved.plan;
    const era = plan.era;

    let base: ExtVolume;
    try {
      base = buildRootImage(plan.base, systemFolders(era));
    } catch (error) {
      if (error instanceof ModelError)
        return refuse('bad-base', `the root image cannot be built: ${error.message}`);
      throw error;
    }
    const rootImageBytes = plan.base.size_bytes;
    const squashfs = SquashfsImage.fromRootImage({
      rootImageName: era.rootImageName,
      rootImageBytes,
      rootImageUsedBytes: base.fs.usedBlocks() * base.blockSizeBytes,
    });
    const origin = new OriginDevice(squashfs.rootImageSectors, { major: 7, minor: LOOP.rootImage });

    let device: DeviceFilesystem;
    try {
      device = makeDeviceFilesystem(plan);
    } catch (error) {
      if (error instanceof ModelError) return refuse('bad-plan', error.message);
      throw error;
    }
    const sparse = newFileAllocation(era.id, plan.deviceFilesystem) === 'sparse';

    /** Each file the installer writes: its size, and the byte ranges written in a sparse one. */
    const files: [path: string, bytes: number, written: [number, number][] | null][] = bootFilesFor(
      era.id,
    ).map((f) => [f.path, f.sizeBytes, null]);
    files.push([`${LIVEOS_DIR}/squashfs.img`, squashfs.compressedBytes, null]);
    let osmin: StickMedia['osmin'] = null;
    if (era.hasOsmin) {
      let cow: CowDevice;
      try {
        cow = buildOsminCow(origin, plan.osminCowSectors, era.chunkSectors, { major: 7, minor: LOOP.osmin });
      } catch (error) {
        if (error instanceof ModelError) return refuse('bad-plan', error.message);
        throw error;
      }
      osmin = { path: `${LIVEOS_DIR}/osmin.img`, cow };
      files.push([osmin.path, osminFileBytes(plan.osminCowSectors), null]);
    }
    let overlay: StickMedia['overlay'] = null;
    if (plan.overlayBytes !== null) {
      const path = `${LIVEOS_DIR}/${overlayFileName(plan.label, plan.uuid)}`;
      overlay = {
        path,
        cow: new CowDevice(plan.overlayBytes / SECTOR_BYTES, { major: 7, minor: LOOP.overlay }),
        file: new LoopFile(device, path),
      };
      files.push([path, plan.overlayBytes, sparse ? [] : null]);
    }
    let swap: StickMedia['swap'] = null;
    if (plan.swapBytes !== null) {
      swap = { path: `${LIVEOS_DIR}/swap.img`, sizeBytes: plan.swapBytes };
      files.push([swap.path, swap.sizeBytes, null]);
    }
    let home: StickMedia['home'] = null;
    if (plan.homeBytes !== null) {
      let mkfsWritten: [number, number][];
      try {
        home = { path: `${LIVEOS_DIR}/home.img`, ...makeHomeVolume(plan, plan.homeBytes, device) };
        mkfsWritten = homeBytesWrittenByMkfs(plan, plan.homeBytes);
      } catch (error) {
        if (error instanceof ModelError)
          return refuse('bad-plan', `home.img cannot be formatted: ${error.message}`);
        throw error;
      }
      files.push([home.path, plan.homeBytes, sparse ? mkfsWritten : null]);
    }

    for (const [path, bytes, written] of files) {
      const folder = path.slice(0, path.lastIndexOf('/'));
      const made = device.mkdir(folder, { parents: true });
      const done = made.ok ? writeImage(device, path, bytes, written) : made;
      if (!done.ok) {
        if (done.error === 'EFBIG') {
          return refuse('fat-limit', `${path} (${bytes} bytes) is larger than a FAT file can be`);
        }
        const mib = (n: number) => (n / 2 ** 20).toFixed(1);
        return refuse(
          'no-space',
          `${path} needs ${mib(bytes)} MiB but only ${mib(device.freeBytes)} MiB of the stick is left ` +
            `(the stick's filesystem holds ${mib(device.capacityBytes)} MiB)`,
        );
      }
    }
    return {
      ok: true,
      media: new StickMedia({
        plan,
        device,
        squashfs,
        origin,
        overlay,
        home,
        osmin,
        swap,
        persistentRoot: overlay ? base : null,
        pristineRoot: base,
        rootBlockSizeBytes: base.blockSizeBytes,
        baseState: base.fs.save(),
      }),
    };
  }

  /** The overlay file's name dracut looks for: overlay-<LABEL>-<UUID> of the live device. */
  get overlayName(): string {
    return overlayFileName(this.plan.label, this.plan.uuid);
  }

  /** The paths of the images a running system keeps open. */
  imagePaths(): string[] {
    return [
      `${LIVEOS_DIR}/squashfs.img`,
      this.overlay?.path,
      this.home?.path,
      this.osmin?.path,
      this.swap?.path,
    ].filter((p): p is string => p !== undefined);
  }

  /** Whether the installer made the overlay and home.img sparse (`dd seek=` on a 2012 ext4 stick). */
  get sparseImages(): boolean {
    return newFileAllocation(this.era.id, this.plan.deviceFilesystem) === 'sparse';
  }

  /** A root filesystem fresh from the base image (for a temporary overlay, or an empty store). */
  freshRoot(): ExtVolume {
    const pristine = this.pristineRoot;
    this.pristineRoot = null;
    return pristine ?? this.baseRoot();
  }
}

export interface StickMediaParts {
  plan: ResolvedStickPlan;
  device: DeviceFilesystem;
  squashfs: SquashfsImage;
  origin: OriginDevice;
  overlay: StickMedia['overlay'];
  home: StickMedia['home'];
  osmin: StickMedia['osmin'];
  swap: StickMedia['swap'];
  persistentRoot: ExtVolume | null;
  pristineRoot: ExtVolume | null;
  rootBlockSizeBytes: number;
  baseState: ExtFsState;
}

/**
 * home.img's filesystem, empty, as livecd-iso-to-disk makes it: mkfs on the file, or — encrypted — on
 * the opened LUKS volume, smaller by its header; its writes land in the file on `device`. Throws
 * ModelError when mkfs cannot format it.
 */
export function makeHomeVolume(
  plan: ResolvedStickPlan,
  homeBytes: number,
  device: DeviceFilesystem,
): { volume: ExtVolume; sink: LoopFile } {
  const sink = homeLoopFile(plan, homeBytes, device);
  const facts = homeImageFacts(plan, homeBytes);
  return { volume: makeExtVolume(facts.mkfs, facts.filesystemBytes, sink), sink };
}

/** home.img's file on the stick, with its filesystem behind the LUKS header when encrypted. */
export function homeLoopFile(plan: ResolvedStickPlan, homeBytes: number, device: DeviceFilesystem): LoopFile {
  const facts = homeImageFacts(plan, homeBytes);
  const blockBytes = computeGeometry(parseMkfsCommand(facts.mkfs, facts.filesystemBytes)).blockSizeBytes;
  return new LoopFile(device, `${LIVEOS_DIR}/home.img`, homeBytes - facts.filesystemBytes, blockBytes);
}

/**
 * The bytes of home.img that making it writes, as [offset, length]: cryptsetup luksFormat's header, then
 * every block mkfs marks in use (superblocks, tables, the journal, the two folders; inode tables mkfs
 * leaves to ext4lazyinit are counted too, as the first mount zeroes them).
 */
function homeBytesWrittenByMkfs(plan: ResolvedStickPlan, homeBytes: number): [number, number][] {
  const facts = homeImageFacts(plan, homeBytes);
  const header = homeBytes - facts.filesystemBytes;
  const geometry = computeGeometry(parseMkfsCommand(facts.mkfs, facts.filesystemBytes));
  const bs = geometry.blockSizeBytes;
  const written: [number, number][] = header > 0 ? [[0, header]] : [];
  for (const run of geometry.usedRuns) written.push([header + run.firstBlock * bs, run.blocksCount * bs]);
  return written;
}

/** Writes one of the installer's files: in full, or (`written` given) sparse with those ranges written. */
function writeImage(
  device: DeviceFilesystem,
  path: string,
  bytes: number,
  written: [number, number][] | null,
) {
  if (written === null) return device.write(path, bytes);
  const made = device.createFile(path, 0);
  if (!made.ok) return made;
  for (const [offset, length] of written) {
    const done = device.writeAt(path, offset, length);
    if (!done.ok) return done;
  }
  return device.resize(path, bytes);
}

export function overlayFileName(label: string, uuid: string): string {
  return `overlay-${label}-${uuid}`;
}

/** Folders every Fedora live root has, which the running system mounts on or Sugar fills. */
export function systemFolders(era: EraProfile): string[] {
  return ['/home', '/tmp', '/var/tmp', '/var/cache/yum', BUILT_IN_ACTIVITIES_DIR, era.deviceMountPath];
}
