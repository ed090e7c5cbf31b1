// The sandbox's "new stick" form, checked the way the learner's real stick would be: the choices become
// a livecd-iso-to-disk command for a fresh vfat stick of that size, the era's installer planner decides
// whether it fits (refusing with its own sentence, as the script would), and an accepted plan becomes the
// StickPlan the session builds. The root image is sized like the era's real SoaS image, so the stick
// picture shows squashfs.img at a realistic size.

import type { DeviceFilesystemKind } from '../store/DeviceFilesystem';
import type { EraId } from '../stick/eras';
import {
  CommandLineError,
  FEDORA_TODAY_IMAGE,
  MIB_BYTES,
  ONE_GB_VFAT_STICK,
  parseInstallCommand,
  planInstall,
  SOAS_2012_IMAGE,
  type InstallPlan,
  type InstallRefusal,
  type LiveImage,
} from '../stick/installer';
import type { BaseImageSpec } from '../stick/extImage';
import type { StickPlan } from '../stick/stickPlan';
import { sugarBase } from '../stick/sugarBase';
import { SECTOR_BYTES } from '../units';

export interface SandboxChoices {
  era: EraId;
  /** The size on the stick's label, in GB (10^9 bytes). */
  stickGb: number;
  overlayMib: number;
  homeMib: number;
}

export const STICK_SIZES_GB = [1, 2, 4, 8, 16] as const;

/** The wiki's 2012 stick: 1 GB, a 300 MiB overlay and a 200 MiB home.img. */
export const DEFAULT_SANDBOX: SandboxChoices = {
  era: 'soas-2012',
  stickGb: 1,
  overlayMib: 300,
  homeMib: 200,
};

/** Each era's starting stick (today's image alone is larger than a 1 GB stick). */
export const ERA_DEFAULTS: Record<EraId, SandboxChoices> = {
  'soas-2012': DEFAULT_SANDBOX,
  'fedora-today': { era: 'fedora-today', stickGb: 4, overlayMib: 1024, homeMib: 1024 },
};

/**
 * The same stick in another era; when the sizes do not fit that era's image or limits, the era's own
 * starting stick.
 */
export function choicesForEra(current: SandboxChoices, era: EraId): SandboxChoices {
  const same = { ...current, era };
  return sandboxPlan(same).ok ? same : ERA_DEFAULTS[era];
}

export type SandboxPlanResult =
  | { ok: true; plan: StickPlan; commandLine: string; install: InstallPlan }
  /** `refusal`: the planner's, with its numbers; null when the script cannot even read the sizes. */
  | { ok: false; message: string; commandLine: string; refusal: InstallRefusal | null };

/** FAT32's tables take about 1/512 of the partition, which starts 1 MiB in (as ONE_GB_VFAT_STICK). */
function filesystemMib(capacityMib: number): number {
  return Math.floor((capacityMib - 1) * (511 / 512));
}

/** The files the root image holds, so squashfs.img compresses to about the era's real size (ratio ≈ 3). */
const ROOT_BYTES_PER_SQUASHFS_BYTE = 2.5;

function realisticBase(era: EraId, rootMib: number, squashfsMib: number): BaseImageSpec {
  const base = sugarBase({
    era,
    rootMib,
    files: 3000,
    bytes: Math.round(squashfsMib * ROOT_BYTES_PER_SQUASHFS_BYTE * MIB_BYTES),
  });
  // The weekly software update (model/clock's PackageKit writer) replaces files in /usr/lib.
  const folders = Array.isArray(base.tree.folders) ? base.tree.folders : [];
  return { ...base, tree: { ...base.tree, folders: [...folders, '/usr/lib'] } };
}

/** The live image each era's sticks are made from (the sizes of squashfs.img, its root image, boot files). */
export const ERA_IMAGES: Record<EraId, LiveImage> = {
  'soas-2012': SOAS_2012_IMAGE,
  'fedora-today': FEDORA_TODAY_IMAGE,
};

export function sandboxPlan(choices: SandboxChoices): SandboxPlanResult {
  const image = ERA_IMAGES[choices.era];
  const capacityBytes = choices.stickGb * 1e9;
  const capacityMib = capacityBytes / MIB_BYTES;
  const options = [
    // 0 means none; anything else, negative or a fraction too, goes to the script to judge.
    choices.overlayMib !== 0 ? `--overlay-size-mb ${choices.overlayMib}` : '',
    choices.homeMib !== 0 ? `--home-size-mb ${choices.homeMib} --unencrypted-home` : '',
  ].filter(Boolean);
  const commandLine = ['livecd-iso-to-disk', ...options, image.name, '/dev/sdb1'].join(' ');
  let command;
  try {
    command = parseInstallCommand(commandLine, choices.era);
  } catch (error) {
    // A size the script cannot read (negative, a fraction): its own complaint, as the terminal shows it.
    if (error instanceof CommandLineError)
      return { ok: false, message: error.message, commandLine, refusal: null };
    throw error;
  }
  const install = planInstall({
    era: choices.era,
    stick: { ...ONE_GB_VFAT_STICK, capacityMib, filesystemMib: filesystemMib(capacityMib) },
    image,
    command,
  });
  if (install.outcome === 'refused')
    return { ok: false, message: install.message, commandLine, refusal: install };
  const plan: StickPlan = {
    era: choices.era,
    capacityBytes,
    overlayMib: choices.overlayMib || null,
    homeMib: choices.homeMib || null,
    base: realisticBase(choices.era, image.rootImageMib, image.squashfsMib),
  };
  return { ok: true, plan, commandLine, install };
}

/** A real stick's sizes for "mirror my stick", each as found on it (or chosen for it by the caller). */
export interface MirroredSizes {
  era: EraId;
  deviceFilesystem: DeviceFilesystemKind;
  /** The overlay file, exactly (the COW's sectors); null: no overlay file. */
  overlaySectors: number | null;
  homeMib: number | null;
  /** The root image inside squashfs.img (the snapshot's origin). */
  rootMib: number;
  squashfsMib: number;
}

/** An ext4 stick keeps about 5 % for its own structures and root reserve (ESTIMATE). */
const EXT4_ROOM = 0.95;

/**
 * A plan with the real stick's sizes, exactly, on the smallest of the form's sticks whose filesystem holds
 * them with the era's boot files (beyond the form's largest, twice as large until one does): no installer
 * rule applies, since the learner's stick exists already.
 */
export function mirroredStickPlan(sizes: MirroredSizes): { plan: StickPlan; stickGb: number } {
  const image = ERA_IMAGES[sizes.era];
  const neededMib =
    image.bootFilesMib +
    (image.osminMib ?? 0) +
    sizes.squashfsMib +
    ((sizes.overlaySectors ?? 0) * SECTOR_BYTES) / MIB_BYTES +
    (sizes.homeMib ?? 0);
  const room = sizes.deviceFilesystem === 'ext4' ? EXT4_ROOM : 1;
  const larger = (gb: number): number => STICK_SIZES_GB.find((size) => size > gb) ?? gb * 2;
  let stickGb: number = STICK_SIZES_GB[0];
  while (filesystemMib((stickGb * 1e9) / MIB_BYTES) * room < neededMib) stickGb = larger(stickGb);
  const plan: StickPlan = {
    era: sizes.era,
    capacityBytes: stickGb * 1e9,
    deviceFilesystem: sizes.deviceFilesystem,
    overlayMib: null,
    ...(sizes.overlaySectors !== null && { overlaySectors: sizes.overlaySectors }),
    homeMib: sizes.homeMib,
    base: realisticBase(sizes.era, sizes.rootMib, sizes.squashfsMib),
  };
  return { plan, stickGb };
}
