// The stick itself, on the table: its vfat filesystem with the boot files and LiveOS/ (squashfs.img,
// osmin.img in 2012, the overlay file, home.img), and what those files hold that outlives a reboot — the
// overlay file's bytes (the COW), home.img's filesystem, and the root filesystem as the persistent overlay
// records it. A running system (LiveSystem) borrows these; a reboot gives them back unchanged.
//
// The root filesystem under a temporary overlay is thrown away at every shutdown. The next boot gets a
// copy of the base as it was built: the base's ExtFs state is saved once, when the stick is made, and
// restored (ExtFs.restore) for each temporary overlay. Restoring is cheaper than building the tree again
// (no allocator runs), does not depend on the tree's description still being at hand, and the saved
// document is the one a saved stick will carry anyway.

import { OriginDevice } from '../block/BlockDevice';
import { CowDevice } from '../block/CowDevice';
import { ModelError } from '../errors';
import { fatRulesForEra } from '../store/fatGeometry';
import { SquashfsImage } from '../store/SquashfsImage';
import { LIVEOS_DIR, Vfat } from '../store/Vfat';
import { SECTOR_BYTES } from '../units';
import { bootFilesFor } from './bootFiles';
import type { EraProfile } from './eras';
import type { ExtFsState } from '../fs/ext/ExtFsState';
import { NullSink } from '../fs/BlockSink';
import {
  buildRootImage,
  extSpaceFacts,
  makeExtVolume,
  restoreRootImage,
  type ExtSpaceFacts,
} from './extImage';
import type { ExtVolume } from './ExtVolume';
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
  readonly vfat: Vfat;
  /** squashfs.img: replaced by a refresh (a new base), else as the installer wrote it. */
  private squashfsImage: SquashfsImage;
  /** The root image on its loop device: the origin of every snapshot. */
  readonly origin: OriginDevice;
  /** The overlay file's bytes (header and metadata areas) and name; null when the stick has none. */
  readonly overlay: { path: string; cow: CowDevice } | null;
  readonly home: { path: string; volume: ExtVolume; sink: NullSink } | null;
  readonly osmin: { path: string; cow: CowDevice } | null;
  /** The root filesystem as the persistent overlay holds it (null without an overlay file). */
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
    this.vfat = parts.vfat;
    this.squashfsImage = parts.squashfs;
    this.origin = parts.origin;
    this.overlay = parts.overlay;
    this.home = parts.home;
    this.osmin = parts.osmin;
    this.persistentRoot = parts.persistentRoot;
    this.pristineRoot = parts.pristineRoot;
    this.rootBlockSizeBytes = parts.rootBlockSizeBytes;
    this.base = parts.baseState;
    this.baseFacts = extSpaceFacts(parts.plan.base.mkfs, parts.plan.base.size_bytes);
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

    let vfat: Vfat;
    try {
      vfat = new Vfat({
        partitionBytes: plan.partitionBytes,
        rules: fatRulesForEra(era.id),
        label: plan.label || null,
      });
    } catch (error) {
      if (error instanceof ModelError) return refuse('bad-plan', error.message);
      throw error;
    }

    const files: [path: string, bytes: number][] = bootFilesFor(era.id).map((f) => [f.path, f.sizeBytes]);
    files.push([`${LIVEOS_DIR}/squashfs.img`, squashfs.compressedBytes]);
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
      files.push([osmin.path, osminFileBytes(plan.osminCowSectors)]);
    }
    let overlay: StickMedia['overlay'] = null;
    if (plan.overlayBytes !== null) {
      const path = `${LIVEOS_DIR}/${overlayFileName(plan.label, plan.uuid)}`;
      overlay = {
        path,
        cow: new CowDevice(plan.overlayBytes / SECTOR_BYTES, { major: 7, minor: LOOP.overlay }),
      };
      files.push([path, plan.overlayBytes]);
    }
    let home: StickMedia['home'] = null;
    if (plan.homeBytes !== null) {
      try {
        home = { path: `${LIVEOS_DIR}/home.img`, ...makeHomeVolume(plan, plan.homeBytes) };
      } catch (error) {
        if (error instanceof ModelError)
          return refuse('bad-plan', `home.img cannot be formatted: ${error.message}`);
        throw error;
      }
      files.push([home.path, plan.homeBytes]);
    }

    for (const [path, bytes] of files) {
      const folder = path.slice(0, path.lastIndexOf('/'));
      const made = vfat.mkdir(folder, { parents: true });
      const written = made.ok ? vfat.write(path, bytes) : made;
      if (!written.ok) {
        if (written.error === 'EFBIG') {
          return refuse('fat-limit', `${path} (${bytes} bytes) is larger than a FAT file can be`);
        }
        const mib = (n: number) => (n / 2 ** 20).toFixed(1);
        return refuse(
          'no-space',
          `${path} needs ${mib(bytes)} MiB but only ${mib(vfat.freeBytes)} MiB of the stick is left ` +
            `(the stick's filesystem holds ${mib(vfat.capacityBytes)} MiB)`,
        );
      }
    }
    return {
      ok: true,
      media: new StickMedia({
        plan,
        vfat,
        squashfs,
        origin,
        overlay,
        home,
        osmin,
        persistentRoot: overlay ? base : null,
        pristineRoot: overlay ? null : base,
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
    return [`${LIVEOS_DIR}/squashfs.img`, this.overlay?.path, this.home?.path, this.osmin?.path].filter(
      (p): p is string => p !== undefined,
    );
  }

  /** A root filesystem fresh from the base image, for a temporary overlay. */
  freshRoot(): ExtVolume {
    const pristine = this.pristineRoot;
    this.pristineRoot = null;
    return pristine ?? this.baseRoot();
  }
}

export interface StickMediaParts {
  plan: ResolvedStickPlan;
  vfat: Vfat;
  squashfs: SquashfsImage;
  origin: OriginDevice;
  overlay: StickMedia['overlay'];
  home: StickMedia['home'];
  osmin: StickMedia['osmin'];
  persistentRoot: ExtVolume | null;
  pristineRoot: ExtVolume | null;
  rootBlockSizeBytes: number;
  baseState: ExtFsState;
}

/**
 * home.img's filesystem, empty, as livecd-iso-to-disk makes it: mkfs on the file, or — encrypted — on
 * the opened LUKS volume, smaller by its header. Throws ModelError when mkfs cannot format it.
 */
export function makeHomeVolume(
  plan: ResolvedStickPlan,
  homeBytes: number,
): { volume: ExtVolume; sink: NullSink } {
  const facts = homeImageFacts(plan, homeBytes);
  const sink = new NullSink();
  return { volume: makeExtVolume(facts.mkfs, facts.filesystemBytes, sink), sink };
}

export function overlayFileName(label: string, uuid: string): string {
  return `overlay-${label}-${uuid}`;
}

/** Folders every Fedora live root has, which the running system mounts on or Sugar fills. */
export function systemFolders(era: EraProfile): string[] {
  return ['/home', '/tmp', '/var/tmp', '/var/cache/yum', BUILT_IN_ACTIVITIES_DIR, era.deviceMountPath];
}
