// What the installer planner answers: the stick after the install (files, boot options, free space),
// or the script's refusal, each with the script's own words and the same in a learner's words.

import type { FatLimitDetail } from './fatLimit';
import type { EraId, StickFilesystem } from './InstallRequest';

/** Something the script prints on the way, without stopping. */
export interface ScriptNotice {
  code: NoticeCode;
  /** What the script prints, as a terminal shows it ('' when it prints nothing). */
  scriptText: string;
  /** The same in a learner's words. */
  message: string;
}

export type NoticeCode =
  | 'format-destroys-data'
  | 'mbr-reset'
  | 'boot-flag-set'
  | 'relabelled'
  | 'label-whitespace'
  | 'overlay-name-mismatch'
  | 'uncompressed-too-large'
  | 'xo-option-conflict'
  | 'reset-overlay-not-found'
  | 'home-copied-from-image'
  | 'home-encryption-carries-over'
  | 'already-set-up'
  | 'home-deleted'
  | 'passphrase-prompt'
  | 'little-space-left'
  | 'no-storage-effect';

export type RefusalCode =
  | 'unknown-option'
  | 'bad-number'
  | 'missing-argument'
  | 'not-modelled'
  | 'not-a-block-device'
  | 'not-a-partition'
  | 'partition-with-format'
  | 'no-filesystem'
  | 'not-bootable'
  | 'device-too-small'
  | 'fat-limit'
  | 'file-too-large'
  | 'home-exists'
  | 'copy-home-conflict'
  | 'no-home-on-image'
  | 'reset-and-new-overlay'
  | 'home-too-small-for-luks'
  | 'no-space'
  | 'no-space-during-copy';

/**
 * The 2012 space check (0d5df20), in whole MiB as `du -B 1M` and `df -B 1M` round them (up):
 * refuse when overlay + home + live image + swap > free + to be deleted.
 */
export interface SpaceCheck2012 {
  era: 'soas-2012';
  /** `livesize`: the images, boot files and the script itself. */
  liveSizeMib: number;
  overlaySizeMib: number;
  homeSizeMib: number;
  swapSizeMib: number;
  /** `tba`: the sum of the four above. */
  totalRequestedMib: number;
  /** `freespace`: df's Avail before the install. */
  freeMib: number;
  /** `tbd`: the old /LiveOS (less a kept home.img) and old boot files, which the install deletes. */
  toBeDeletedMib: number;
  /** `freespace + tbd`. */
  spaceAvailableMib: number;
  /** How much too big the request is (0 when it fits). */
  spaceNeededMib: number;
  fits: boolean;
  /** The breakdown the script prints when it does not fit ('' otherwise). */
  scriptText: string;
}

/**
 * Today's space check (a8505d6), in bytes; it prints MiB rounded to the nearest. It warns, and asks
 * whether to go on, when less than 100 MiB would be left; Cellar refuses when the files cannot fit.
 */
export interface SpaceCheckToday {
  era: 'fedora-today';
  /** True when --format sized a new partition (the check then uses the partition, not df). */
  formatted: boolean;
  liveSizeBytes: number;
  overlaySizeBytes: number;
  /** An overlay kept by --reset-overlay (it still takes its space). */
  keptOverlaySizeBytes: number;
  homeSizeBytes: number;
  copyHomeSizeBytes: number;
  swapSizeBytes: number;
  /** --format only: the script's allowance for filesystem metadata (1/32 for ext4, 1/512 for vfat). */
  metadataAllowanceBytes: number;
  /** `tba`: everything to be written (with --format, also the allowance, ESP and alignment gaps). */
  totalRequiredBytes: number;
  /** df's Avail plus what the install deletes (without --format); the partition size (with it). */
  spaceBytes: number;
  /** What would be left: negative when the request does not fit. */
  availableAfterBytes: number;
  verdict: 'fits' | 'less-than-100-mib-left' | 'does-not-fit';
  /** The breakdown the script prints unless it fits with 100 MiB to spare ('' then). */
  scriptText: string;
}

export type SpaceCheck = SpaceCheck2012 | SpaceCheckToday;

export type FileRole =
  'root-image' | 'osmin' | 'overlay' | 'home' | 'swap' | 'installer-script' | 'boot-files' | 'xo-boot-script';

/** One entry the install leaves on the stick's filesystem. */
export interface PlannedFile {
  /** Relative to the filesystem's root: 'LiveOS/squashfs.img', 'syslinux/'. */
  path: string;
  kind: 'file' | 'directory';
  role: FileRole;
  sizeBytes: number;
  /**
   * written: every byte written (dd, copy); preallocated: fallocate'd, reads as zeros; sparse: holes
   * (2012's dd seek on ext4), the blocks come when written; kept: an existing file left in place.
   */
  allocation: 'written' | 'preallocated' | 'sparse' | 'kept';
  /** What the bytes are, in a learner's words. */
  contents: string;
  encrypted?: boolean;
  /** LUKS header in front of the encrypted filesystem. */
  luksHeaderBytes?: number;
  /** The filesystem inside home.img (its size less the LUKS header). */
  innerFilesystemBytes?: number;
}

/** The kernel command line the installed stick boots with. */
export interface BootConfig {
  configFile: 'syslinux/syslinux.cfg' | 'syslinux/extlinux.conf';
  /** The `append` line after the installer's edits. */
  appendLine: string;
  /** Options the installer added or changed, in order. */
  added: string[];
  /** Options it removed or replaced. */
  removed: string[];
  /** --xo: the arguments /boot/olpc.fth passes on the XO. */
  xoBootArgs?: string;
}

/** The partitions --format makes. */
export interface PartitionLayout {
  /** Partition 1, which holds the live image. */
  primaryBytes: number;
  /** Today: partition 2, the EFI System Partition made from images/efiboot.img (0 with --noesp). */
  espBytes: number;
  /** What alignment and the end of the device leave unused. */
  unusedBytes: number;
}

export interface InstallPlan {
  outcome: 'planned';
  era: EraId;
  /** The partition that gets the image: '/dev/sdb1'. */
  targetPartition: string;
  formatted: boolean;
  partitions?: PartitionLayout;
  mbrReset: boolean;
  filesystem: StickFilesystem;
  label: string;
  uuid: string;
  /** 'overlay-LIVE-4A3B-1C2D', when there is an overlay file. */
  overlayFileName?: string;
  files: PlannedFile[];
  /** The learner's own files, untouched. */
  otherFilesBytes: number;
  /** Space for files in the filesystem. */
  filesystemBytes: number;
  /** files + otherFilesBytes, every file at its full size. */
  usedBytes: number;
  /** filesystemBytes − usedBytes: what is left on the device root. */
  freeBytes: number;
  spaceCheck: SpaceCheck;
  boot: BootConfig;
  notices: ScriptNotice[];
  /** The equivalent command line. */
  commandLine: string;
}

export interface InstallRefusal {
  outcome: 'refused';
  era: EraId;
  code: RefusalCode;
  /** What the script prints before it stops, as a terminal shows it ('' when it prints nothing). */
  scriptText: string;
  /** Why, in a learner's words. */
  message: string;
  /** The space check, when that is what refused. */
  spaceCheck?: SpaceCheck;
  /** The vfat file-size limit, when that is what refused. */
  fatLimit?: FatLimitDetail;
  /** What the script printed before stopping. */
  notices: ScriptNotice[];
  commandLine: string;
}
