// "Mirror my stick": the plan of a model stick like the learner's, read from what Cellar knows of it. Each
// size comes from the real stick when it was read (the overlay from the status's total sectors or the
// overlay file, home.img and squashfs.img from the LiveOS listing, the root image from the snapshot's
// origin); what was not read is guessed from the era's image, and the guess is listed with its reason so
// the view can say so. The session then makes the stick and brings its overlay to the real usage
// (`session.apply({ type: 'mirror-stick', plan, usedSectors, state })`).

import {
  ERA_DEFAULTS,
  ERA_IMAGES,
  mirroredStickPlan,
  STICK_SIZES_GB,
  type SandboxChoices,
} from '../model/session/sandboxPlan';
import type { SessionCommand } from '../model/session/sessionCommands';
import { ERAS, ramOverlaySectors, type EraId } from '../model/stick/eras';
import { getsJournal } from '../model/stick/extImage';
import { FAT_MAX_FILE_BYTES, MIB_BYTES } from '../model/stick/installer';
import { HOME_MKFS } from '../model/stick/luksHome';
import { resolveStickPlan, type StickPlan } from '../model/stick/stickPlan';
import type { DeviceFilesystemKind } from '../model/store/DeviceFilesystem';
import { SECTOR_BYTES } from '../model/units';
import type { RealFile, RealStick } from './realStick';

export type MirrorState = Extract<SessionCommand, { type: 'mirror-stick' }>['state'];

/** A size Cellar had to choose because the reading did not tell it (the view words each by `size`). */
export interface MirrorGuess {
  size: 'era' | 'overlay' | 'usage' | 'home' | 'root' | 'squashfs' | 'filesystem' | 'stick';
  /** Why, in English (a detail under the view's sentence). */
  reason: string;
}

export type MirrorResult =
  | {
      ok: true;
      plan: StickPlan;
      /** The sizes as the sandbox form shows them (overlayMib exact, so it may be a fraction; 0: none). */
      choices: SandboxChoices;
      /** The real status's allocated sectors; null when no figures were read (the overlay stays as booted). */
      usedSectors: number | null;
      state: MirrorState;
      guesses: MirrorGuess[];
    }
  | { ok: false; reason: string };

/** The root images the model builds, in MiB: from a lab's small image to five times today's. */
const ROOT_MIB_RANGE = [16, 32768] as const;

const LARGEST_STICK_GB = 2048;

/** Sectors in one MiB. */
const MIB_SECTORS = MIB_BYTES / SECTOR_BYTES;

/** The largest share of the root image the realistic base's files may fill (ESTIMATE; see realisticBase). */
const MAX_SQUASHFS_PER_ROOT = 0.2;

export function mirrorPlan(stick: RealStick): MirrorResult {
  const guesses: MirrorGuess[] = [];
  const guess = (size: MirrorGuess['size'], reason: string) => guesses.push({ size, reason });
  const kind = overlayKind(stick, guess);
  if (typeof kind === 'object') return kind;

  const era: EraId = stick.era ?? 'fedora-today';
  if (stick.era === null) guess('era', 'the reading did not tell the era; today’s Fedora is the likelier');
  const status = stick.snapshot?.status ?? null;
  const state = status?.state ?? 'Valid';
  if (!isMirrorState(state)) {
    return { ok: false, reason: `the snapshot's status is "${state}", which Cellar cannot mirror` };
  }
  const usedSectors = status?.state === 'Valid' ? status.sectorsAllocated : null;
  if (!status) guess('usage', 'no `dmsetup status` was read: the overlay is mirrored as just booted');

  const rootMib = rootImageMib(stick, era, guess);
  const overlaySectors = kind === 'temporary' ? null : persistentOverlaySectors(stick, era, rootMib, guess);
  if (
    kind === 'temporary' &&
    status?.state === 'Valid' &&
    status.totalSectors !== ramOverlaySectors(ERAS[era])
  ) {
    guess('overlay', `the model's temporary overlay is dracut's usual ${ERAS[era].ramOverlayMib} MiB`);
  }
  const homeMib = homeImageMib(stick, era, guess);
  const squashfsMib = squashfsImageMib(stick, era, rootMib, guess);
  const deviceFilesystem = stickFilesystem(stick, era, overlaySectors, homeMib, guess);

  const { plan, stickGb } = mirroredStickPlan({
    era,
    deviceFilesystem,
    overlaySectors,
    homeMib,
    rootMib,
    squashfsMib,
  });
  if (stickGb > LARGEST_STICK_GB) {
    return { ok: false, reason: `the images need a ${stickGb} GB stick; Cellar models sticks up to 2 TB` };
  }
  const resolved = resolveStickPlan(plan);
  if (!resolved.ok) return { ok: false, reason: resolved.message };
  if (stickGb > STICK_SIZES_GB.at(-1)!)
    guess('stick', `the images need a ${stickGb} GB stick, larger than the sandbox offers`);
  return {
    ok: true,
    plan,
    choices: { era, stickGb, overlayMib: (overlaySectors ?? 0) / MIB_SECTORS, homeMib: homeMib ?? 0 },
    usedSectors,
    state,
    guesses,
  };
}

function isMirrorState(state: string): state is MirrorState {
  return state === 'Valid' || state === 'Invalid' || state === 'Overflow';
}

/** Persistent or temporary (the model has both), or why this stick cannot be mirrored. */
function overlayKind(
  stick: RealStick,
  guess: Guess,
): 'persistent' | 'temporary' | { ok: false; reason: string } {
  switch (stick.persistence) {
    case 'persistent':
    case 'temporary':
      return stick.persistence;
    case 'overlayfs':
      return {
        ok: false,
        reason:
          'this stick keeps its changes with OverlayFS (files in an upper folder, no chunks and no ' +
          '`dmsetup status`); Cellar models dm-snapshot overlays only, so it cannot mirror it',
      };
    case 'none':
      return { ok: false, reason: 'this is not a LiveOS stick: there is no live-rw overlay to mirror' };
    case 'unknown': {
      // A transient store is lost at shutdown, as the model's temporary overlay; any other snapshot read
      // (a status line alone says nothing of the file behind it) is taken as the usual overlay file.
      if (stick.snapshot?.store === 'N') return 'temporary';
      if (!stick.snapshot) {
        return { ok: false, reason: 'the reading does not say how this stick keeps its changes' };
      }
      guess('overlay', 'the reading did not say where the changes are kept: taken as an overlay file');
      return 'persistent';
    }
  }
}

type Guess = (size: MirrorGuess['size'], reason: string) => void;

/**
 * The COW's sectors: the status's total (the kernel's own figure), else the overlay file's length, else the
 * era's usual size; for an overlay that filled up, small enough that the root's writes could fill it.
 */
function persistentOverlaySectors(stick: RealStick, era: EraId, rootMib: number, guess: Guess): number {
  const status = stick.snapshot?.status;
  if (status?.state === 'Valid') return status.totalSectors;
  // A loop device ends at the file's last whole sector.
  const fileBytes = sizeOf(stick.overlayFile);
  if (fileBytes !== null) return Math.floor(fileBytes / SECTOR_BYTES);
  const usual = ERA_DEFAULTS[era].overlayMib;
  const mib = status ? Math.min(usual, Math.floor(rootMib / 4)) : usual;
  guess('overlay', `neither the status nor the overlay file gave its size: ${mib} MiB`);
  return mib * MIB_SECTORS;
}

/** home.img in whole MiB as the model makes it, within the era's FAT limit; null when the stick has none. */
function homeImageMib(stick: RealStick, era: EraId, guess: Guess): number | null {
  const bytes = sizeOf(stick.homeImage);
  if (bytes === null) {
    if (stick.files.length === 0)
      guess('home', 'the LiveOS folder was not read: mirrored without a home.img');
    return null;
  }
  const exact = bytes / MIB_BYTES;
  let mib = Math.min(Math.max(1, Math.round(exact)), ERAS[era].vfatMaxImageMib);
  // A home.img too small for ext4's journal (a few MiB) is made at the smallest size that has one.
  while (!getsJournal(HOME_MKFS, mib * MIB_BYTES)) mib++;
  if (mib !== exact) guess('home', `home.img is ${exact.toFixed(2)} MiB: the model makes ${mib} MiB`);
  return mib;
}

/** The root image (the snapshot's origin) in whole MiB, within what the model builds; else the era's image. */
function rootImageMib(stick: RealStick, era: EraId, guess: Guess): number {
  const sectors = stick.snapshot?.originSectors ?? null;
  const mib = sectors !== null && sectors % MIB_SECTORS === 0 ? sectors / MIB_SECTORS : null;
  if (mib !== null && mib >= ROOT_MIB_RANGE[0] && mib <= ROOT_MIB_RANGE[1]) return mib;
  const usual = ERA_IMAGES[era].rootImageMib;
  guess('root', `the root image's size was not read as whole MiB the model builds: the era's, ${usual} MiB`);
  return usual;
}

/** squashfs.img in MiB; else the era's image's, scaled to the root image. Capped so its files fit the root. */
function squashfsImageMib(stick: RealStick, era: EraId, rootMib: number, guess: Guess): number {
  const largest = Math.floor(rootMib * MAX_SQUASHFS_PER_ROOT);
  const image = ERA_IMAGES[era];
  const bytes = sizeOf(stick.squashfsImage);
  const read = bytes === null ? null : Math.max(1, Math.round(bytes / MIB_BYTES));
  const mib = read ?? Math.round((image.squashfsMib * rootMib) / image.rootImageMib);
  if (read === null) guess('squashfs', `squashfs.img was not read: about ${mib} MiB, as the era's image`);
  if (mib <= largest) return mib;
  guess('squashfs', `squashfs.img is modelled as ${largest} MiB so its files fit the ${rootMib} MiB root`);
  return largest;
}

/** The stick's own filesystem, from its mount; else vfat, unless an image is larger than FAT allows. */
function stickFilesystem(
  stick: RealStick,
  era: EraId,
  overlaySectors: number | null,
  homeMib: number | null,
  guess: Guess,
): DeviceFilesystemKind {
  const mountPath = stick.devicePath ?? ERAS[era].deviceMountPath;
  const fstype = stick.mounts.find((m) => m.target === mountPath)?.fstype;
  if (fstype === 'vfat' || fstype === 'ext4') return fstype;
  const largest = Math.max((overlaySectors ?? 0) * SECTOR_BYTES, (homeMib ?? 0) * MIB_BYTES);
  const kind = largest > FAT_MAX_FILE_BYTES ? 'ext4' : 'vfat';
  guess(
    'filesystem',
    `the stick's mount was not read: ${kind}, ${kind === 'vfat' ? 'as most sticks are' : 'since FAT holds no file that large'}`,
  );
  return kind;
}

/** A file's length as read, or null when it was not read or cannot be a length. */
function sizeOf(file: RealFile | null): number | null {
  return file && Number.isSafeInteger(file.sizeBytes) && file.sizeBytes > 0 ? file.sizeBytes : null;
}
