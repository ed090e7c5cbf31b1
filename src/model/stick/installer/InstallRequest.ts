// What the installer planner is asked: an era, the stick as it is now, the live image, and the
// livecd-iso-to-disk command a learner typed (or built), already read into options.

import type { EraId } from '../eras';

export type { EraId };

/** The filesystems Cellar's sticks can carry. */
export type StickFilesystem = 'vfat' | 'ext4';

/** A USB stick before the install: one partition holding one filesystem. */
export interface StickDescription {
  /** The whole device, as the kernel names it: '/dev/sdb'. Its one partition is '/dev/sdb1'. */
  devicePath: string;
  /** The whole device, in MiB (1 GB on the label is 10^9 bytes, about 953.7 MiB). */
  capacityMib: number;
  filesystem: StickFilesystem;
  /** Space for files in partition 1's filesystem (df's Used + Avail), in MiB; ≤ capacityMib. */
  filesystemMib: number;
  /** The filesystem label as blkid reports it ('' when there is none). */
  label: string;
  /** The filesystem UUID as blkid reports it ('4A3B-1C2D' on vfat). */
  uuid: string;
  /** Whether partition 1 has the MBR's boot flag (factory sticks often do not). Default true. */
  bootFlag?: boolean;
  /** What `du` says /LiveOS takes now, in MiB (0 when there is no /LiveOS); includes the two below. */
  liveOsMib: number;
  /** An existing LiveOS/home.img. */
  homeImg?: { sizeMib: number; encrypted: boolean };
  /** An existing LiveOS/overlay-* file, in MiB (what --reset-overlay keeps). */
  overlayMib?: number;
  /** An earlier install's boot files (syslinux/, EFI/BOOT/), in MiB. */
  bootFilesMib: number;
  /** The learner's own files outside /LiveOS, in MiB: the install never touches them. */
  otherFilesMib: number;
}

/** The .iso file (or another stick) the install copies from. */
export interface LiveImage {
  /** A name to show: 'Fedora-16-i686-Live-SoaS.iso'. */
  name: string;
  /** LiveOS/squashfs.img, in MiB. */
  squashfsMib: number;
  /** The uncompressed root image inside it (ext3fs.img or rootfs.img), apparent size in MiB. */
  rootImageMib: number;
  /** LiveOS/osmin.img (2012 images), in MiB. */
  osminMib?: number;
  /** The boot files the script copies and counts (isolinux/ or syslinux/, images/, EFI/BOOT/), in MiB. */
  bootFilesMib: number;
  /** images/efiboot.img: today's --format sizes its EFI System Partition from it. */
  efiBootImgMib?: number;
  /** A LiveOS/home.img on the image (a clone made with editliveos --clone). */
  homeImg?: { sizeMib: number; encrypted: boolean };
  /** The image's isolinux `append` line, before the installer edits it. */
  appendLine: string;
}

/** `--format` as the script finally understood it: the filesystem, and (today) an optional size. */
export interface FormatOption {
  filesystem: StickFilesystem;
  /** Today's `--format <size>`: partition 1's size in MiB. */
  sizeMib?: number;
}

/** An option the planner accepts and formats back but that changes nothing on the stick. */
export interface PassThroughOption {
  /** The option word: '--noverify', '--timeout'. */
  word: string;
  value?: string;
}

/**
 * The options, as the script's variables stand after reading the whole command line in order (so a
 * later `--compress` undoes `--xo`'s skipcompress, a later `--crypted-home` undoes `--copy-home`'s
 * unencrypted). Undefined means the option was not given.
 */
export interface InstallOptions {
  format?: FormatOption;
  resetMbr?: boolean;
  /** Today: also deletes an existing home.img, as `--delete-home` does. */
  force?: boolean;
  xo?: boolean;
  xoNoHome?: boolean;
  /** true: copy the uncompressed root image; false: the squashfs. Undefined: `--xo` decides. */
  skipCompress?: boolean;
  /** Today's `--label <label>`. */
  label?: string;
  overlaySizeMib?: number;
  /** Today's `--reset-overlay`: keep the existing overlay file, zero its first 64 KiB. */
  resetOverlay?: boolean;
  homeSizeMib?: number;
  /** Today's `--copy-home`: copy the image's home.img (turns encryption off). */
  copyHome?: boolean;
  deleteHome?: boolean;
  /** Encrypt a new home.img. Undefined: encrypted, unless `--copy-home` was given. */
  cryptedHome?: boolean;
  swapSizeMib?: number;
  /** Today's `--noesp`: no EFI System Partition when formatting. */
  noEsp?: boolean;
  /** `--extra-kernel-args "<args>"`, added to the boot configuration. */
  extraKernelArgs?: string;
  passThrough?: PassThroughOption[];
}

/** One livecd-iso-to-disk command line, read into words and options. */
export interface InstallCommand {
  /** The program as typed: 'livecd-iso-to-disk', './livecd-iso-to-disk'. */
  program: string;
  options: InstallOptions;
  /** The source as typed: an .iso path or a device. */
  source: string;
  /** The target as typed: '/dev/sdb1' (today's --format wants the whole device, '/dev/sdb'). */
  target: string;
}

export interface InstallRequest {
  era: EraId;
  stick: StickDescription;
  image: LiveImage;
  command: InstallCommand;
  /** The UUID the new filesystem gets when `--format` makes one (mkfs picks it at random). */
  uuidAfterFormat?: string;
}
