// What a stick is made from: a simple plan (era, capacity, the stick's filesystem, overlay, home and swap
// sizes, the machine's RAM, the root image) checked and turned into exact byte sizes, or refused with a
// code and a plain sentence. The image sizes follow livecd-iso-to-disk's rules: whole MiB; on a vfat
// stick at most 2047 MiB in 2012, 4095 MiB today with exactly 4096 cut to 4 GiB − 512 bytes (the largest
// FAT file, rounded down to a whole sector); on an ext4 stick (`--format`) no such limit.

import type { DeviceFilesystemKind } from '../store/DeviceFilesystem';
import { isWholeNumber, SECTOR_BYTES } from '../units';
import { ERAS, type EraId, type EraProfile } from './eras';
import { DEFAULT_UUID_AFTER_FORMAT } from './installer/assumptions';
import { LUKS_FORMAT, type LuksFormat } from './installer/luks';
import type { BaseImageSpec } from './extImage';
import { sugarBase } from './sugarBase';

const MIB = 1024 * 1024;

/** 4 GiB − 512 bytes: what today's script makes of a 4096 MiB request on vfat. */
export const FAT_TRIMMED_4096_BYTES = 4096 * MIB - 512;

/** The factory partition starts 1 MiB into the stick (ESTIMATE, as the installer planner assumes). */
export const PARTITION_START_BYTES = MIB;

/** The osmin COW in the wiki's `dmsetup status` (`live-osimg-min: 0 8388608 snapshot 2464/2464 24`). */
export const WIKI_OSMIN_COW_SECTORS = 2464;

export interface StickPlan {
  era: EraId;
  /** The whole stick, as its label promises it (a "1 GB" stick: 1e9 bytes). */
  capacityBytes: number;
  /**
   * The stick's own filesystem: vfat (a factory stick, or `--format --msdos`; the default) or ext4
   * (livecd-iso-to-disk `--format`, which in both eras makes ext4 unless told otherwise).
   */
  deviceFilesystem?: DeviceFilesystemKind;
  /** `--overlay-size-mb`; null or 0: no overlay file (dracut then makes a temporary one in RAM). */
  overlayMib: number | null;
  /**
   * The overlay file's exact size in sectors, in place of `overlayMib`: a real stick mirrored, whose
   * overlay need not be whole MiB nor within the installer's limits (only the stick's filesystem judges).
   */
  overlaySectors?: number;
  /** `--home-size-mb`; null or 0: no home.img. */
  homeMib: number | null;
  /** `--swap-size-mb`: LiveOS/swap.img, which livesys turns on at boot; absent, null or 0: none. */
  swapMib?: number | null;
  /**
   * `--crypted-home`: home.img holds a LUKS volume with the ext4 inside it. Default false (unencrypted), as
   * the wiki's SoaS examples ask with `--unencrypted-home`; note that livecd-iso-to-disk itself defaulted
   * to an encrypted home in 2012 (`--crypted-home` was the default; only `--copy-home` turned it off later).
   */
  homeEncrypted?: boolean;
  /**
   * The passphrase home.img was formatted with (a pretend one: it is kept in the plan and in saved
   * documents as plain text). When given, only it unlocks home.img; without it any non-empty passphrase
   * does, as if the learner had typed it twice at luksFormat.
   */
  homePassphrase?: string;
  /** The machine's RAM (tmpfs mounts get half of it each). Default 1 GiB. */
  ramBytes?: number;
  /** The root image inside squashfs.img; default `sugarBase({ era })`. */
  base?: BaseImageSpec;
  /**
   * The stick's filesystem label and serial (blkid's LABEL and UUID), which name the overlay file. Default
   * LIVE, and B6C4-2E19 on vfat or the installer's made-up UUID for a new ext4 filesystem.
   */
  label?: string;
  uuid?: string;
  /** The stick's partition as the running system names it. Default /dev/sdb1. */
  devicePath?: string;
  /** 2012 only: the osmin COW's size in sectors (default the wiki's 2464). */
  osminCowSectors?: number;
}

export type StickRefusalCode = 'bad-plan' | 'fat-limit' | 'no-space' | 'bad-base';

export interface StickRefusal {
  ok: false;
  code: StickRefusalCode;
  message: string;
}

/** The plan with every size in bytes and every default filled in. */
export interface ResolvedStickPlan {
  era: EraProfile;
  capacityBytes: number;
  partitionBytes: number;
  deviceFilesystem: DeviceFilesystemKind;
  overlayBytes: number | null;
  /** The exact size asked for (`overlaySectors`), kept so a saved plan asks for it again; else null. */
  overlaySectors: number | null;
  homeBytes: number | null;
  swapBytes: number | null;
  /** home.img's LUKS format (its header size per era, installer/luks.ts), or null when unencrypted. */
  homeLuks: LuksFormat | null;
  homePassphrase: string | null;
  ramBytes: number;
  base: BaseImageSpec;
  label: string;
  uuid: string;
  devicePath: string;
  osminCowSectors: number;
}

export function refuse(code: StickRefusalCode, message: string): StickRefusal {
  return { ok: false, code, message };
}

export function resolveStickPlan(plan: StickPlan): { ok: true; plan: ResolvedStickPlan } | StickRefusal {
  const era = (ERAS as Record<string, EraProfile | undefined>)[plan.era];
  if (!era)
    return refuse('bad-plan', `"${String(plan.era)}" is not an era Cellar knows (soas-2012, fedora-today)`);
  if (!isWholeNumber(plan.capacityBytes) || plan.capacityBytes < 16 * MIB) {
    return refuse('bad-plan', 'a stick holds at least 16 MiB, given as a whole number of bytes');
  }
  const deviceFilesystem = plan.deviceFilesystem ?? 'vfat';
  if (deviceFilesystem !== 'vfat' && deviceFilesystem !== 'ext4') {
    return refuse('bad-plan', `the stick's filesystem is vfat or ext4, not ${String(deviceFilesystem)}`);
  }
  const overlaySectors = plan.overlaySectors ?? null;
  if (overlaySectors !== null && (!isWholeNumber(overlaySectors) || overlaySectors < 64)) {
    return refuse('bad-plan', 'an exact overlay size is a whole number of sectors, at least 64');
  }
  const overlay =
    overlaySectors !== null
      ? overlaySectors * SECTOR_BYTES
      : imageBytes('overlay', plan.overlayMib, era, deviceFilesystem);
  if (typeof overlay === 'object' && overlay !== null) return overlay;
  const home = imageBytes('home.img', plan.homeMib, era, deviceFilesystem);
  if (typeof home === 'object' && home !== null) return home;
  const swap = imageBytes('swap.img', plan.swapMib ?? null, era, deviceFilesystem);
  if (typeof swap === 'object' && swap !== null) return swap;
  const luks = homeEncryption(plan, home, era);
  if (luks !== null && 'ok' in luks) return luks;
  const ramBytes = plan.ramBytes ?? 1024 * MIB;
  if (!isWholeNumber(ramBytes) || ramBytes < 16 * MIB) {
    return refuse('bad-plan', 'the machine needs at least 16 MiB of RAM, given as a whole number of bytes');
  }
  const label = plan.label ?? 'LIVE';
  const labelMax = deviceFilesystem === 'vfat' ? 11 : 16;
  if (label.length > labelMax || /\s/.test(label)) {
    return refuse(
      'bad-plan',
      `"${label}" is not a ${deviceFilesystem} label livecd-iso-to-disk accepts (${labelMax} characters, no spaces)`,
    );
  }
  const uuid = plan.uuid ?? (deviceFilesystem === 'vfat' ? 'B6C4-2E19' : DEFAULT_UUID_AFTER_FORMAT.ext4);
  if (deviceFilesystem === 'vfat' && !/^[0-9A-F]{4}-[0-9A-F]{4}$/.test(uuid)) {
    return refuse('bad-plan', `"${uuid}" is not a FAT serial number (like B6C4-2E19)`);
  }
  if (deviceFilesystem === 'ext4' && !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(uuid)) {
    return refuse('bad-plan', `"${uuid}" is not an ext4 UUID (like ${DEFAULT_UUID_AFTER_FORMAT.ext4})`);
  }
  const base = plan.base ?? sugarBase({ era: era.id });
  if (base.fs !== 'ext4' && base.fs !== 'ext3') {
    return refuse('bad-base', `a ${String(base.fs)} root image is not one Cellar models (ext3, ext4)`);
  }
  const osminCowSectors = plan.osminCowSectors ?? WIKI_OSMIN_COW_SECTORS;
  if (!isWholeNumber(osminCowSectors) || osminCowSectors < 64 || osminCowSectors % era.chunkSectors !== 0) {
    return refuse('bad-plan', 'the osmin COW is a whole number of chunks, at least 64 sectors');
  }
  return {
    ok: true,
    plan: {
      era,
      capacityBytes: plan.capacityBytes,
      partitionBytes: plan.capacityBytes - PARTITION_START_BYTES,
      deviceFilesystem,
      overlayBytes: overlay,
      overlaySectors,
      homeBytes: home,
      swapBytes: swap,
      homeLuks: luks,
      homePassphrase: plan.homePassphrase ?? null,
      ramBytes,
      base,
      label,
      uuid,
      devicePath: plan.devicePath ?? '/dev/sdb1',
      osminCowSectors,
    },
  };
}

/** An image size in bytes, null for none, or the refusal livecd-iso-to-disk would give on vfat. */
function imageBytes(
  what: string,
  mib: number | null,
  era: EraProfile,
  filesystem: DeviceFilesystemKind,
): number | null | StickRefusal {
  if (mib === null || mib === 0) return null;
  if (!isWholeNumber(mib)) return refuse('bad-plan', `the ${what} size is a whole number of MiB, not ${mib}`);
  if (filesystem === 'ext4') return mib * MIB;
  if (mib === 4096 && era.trims4096ToFatMax) return FAT_TRIMMED_4096_BYTES;
  if (mib > era.vfatMaxImageMib) {
    return refuse(
      'fat-limit',
      `an ${what} of ${mib} MiB is larger than a vfat stick can hold in the ${era.label} era ` +
        `(livecd-iso-to-disk allows at most ${era.vfatMaxImageMib} MiB)`,
    );
  }
  return mib * MIB;
}

/** The LUKS format of an encrypted home.img, null for none, or why the plan cannot have it. */
function homeEncryption(
  plan: StickPlan,
  homeBytes: number | null,
  era: EraProfile,
): LuksFormat | null | StickRefusal {
  const encrypted = plan.homeEncrypted ?? false;
  if (typeof encrypted !== 'boolean') return refuse('bad-plan', 'homeEncrypted is true or false');
  if (plan.homePassphrase !== undefined) {
    if (!encrypted)
      return refuse('bad-plan', 'a home passphrase needs an encrypted home.img (homeEncrypted)');
    if (typeof plan.homePassphrase !== 'string' || plan.homePassphrase === '')
      return refuse('bad-plan', 'the home passphrase is a non-empty text');
  }
  if (!encrypted) return null;
  if (homeBytes === null) return refuse('bad-plan', 'an encrypted home needs a home.img (homeMib)');
  const luks = LUKS_FORMAT[era.id];
  if (homeBytes <= luks.headerBytes) {
    return refuse(
      'bad-plan',
      `an encrypted home.img starts with a ${luks.version} header of ${luks.headerBytes / MIB} MiB, so ` +
        `${homeBytes / MIB} MiB leaves no room for files (cryptsetup: "Device is too small")`,
    );
  }
  return luks;
}
