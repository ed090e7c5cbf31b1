// The words livecd-iso-to-disk prints, for the 2012 version (0d5df20) and today's (a8505d6), as a
// terminal shows them. Each function rebuilds what the script's echo or printf writes, then renders
// its carriage returns; nothing here decides anything.

import type { EraId } from '../eras';
import { terminalText } from './terminalText';

const USAGE_2012 = [
  '',
  '    SYNTAX',
  '',
  '    livecd-iso-to-disk [--help] [--noverify] [--format] [--msdos] [--reset-mbr]',
  '                       [--efi] [--skipcopy] [--force] [--xo] [--xo-no-home]',
  '                       [--timeout <time>] [--totaltimeout <time>]',
  '                       [--extra-kernel-args <args>] [--multi] [--livedir <dir>]',
  '                       [--compress] [--skipcompress] [--swap-size-mb <size>]',
  '                       [--overlay-size-mb <size>] [--home-size-mb <size>]',
  '                       [--delete-home] [--crypted-home] [--unencrypted-home]',
  '                       <source> <target device>',
  '',
  '    (Enter livecd-iso-to-disk --help on the command line for more information.)',
  '',
].join('\n');

const USAGE_TODAY = [
  '',
  '    SYNTAX',
  '',
  '    livecd-iso-to-disk [--format [<size>[,fstype[,blksz[,extra_attr,s]]]]]',
  '                       [--msdos] [--efi] [--noesp] [--nomac] [--reset-mbr]',
  '                       [--multi] [--livedir <directory>] [--skipcopy]',
  '                       [--noverify] [--force] [--xo] [--xo-no-home]',
  '                       [--timeout <duration>] [--totaltimeout <duration>]',
  '                       [--nobootmsg] [--nomenu] [--extra-kernel-args <arg s>]',
  '                       [--overlay-size-mb <size>[,fstype[,blksz]]]',
  '                       [--overlayfs [temp]] [--copy-overlay] [--reset-overlay]',
  '                       [--compress] [--skipcompress] [--no-overlay]',
  '                       [--home-size-mb <size>[,fstype,blksz]]] [--copy-home]',
  '                       [--delete-home] [--crypted-home] [--unencrypted-home]',
  '                       [--swap-size-mb <size>] [--updates <updates.img>]',
  '                       [--ks <kickstart>] [--label <label>] [--help]',
  '                       <source> <target partition/device>',
  '',
  '    (Enter livecd-iso-to-disk --help on the command line for more information.)',
  '',
].join('\n');

/** An option the version does not have. 2012 prints the complaint first, today the usage first. */
export function unknownOptionText(era: EraId, word: string): string {
  const complaint = `invalid arg -- ${word}\n`;
  return era === 'soas-2012' ? complaint + USAGE_2012 : USAGE_TODAY + complaint;
}

/** What `checkinput` measures: today's message names it ('ovl', 'home', 'swap', '--timeout'). */
export type NumberMeasure = 'ovl' | 'home' | 'swap' | 'timeout' | 'totaltimeout';

/** A size or timeout that is not a whole number above 0. 2012's `checkint` prints only the usage. */
export function badNumberText(era: EraId, word: string, measure: NumberMeasure): string {
  if (era === 'soas-2012') return USAGE_2012;
  const named = measure === 'timeout' || measure === 'totaltimeout' ? `--${measure}` : measure;
  return USAGE_TODAY + terminalText(`\nERROR: '${word}' is not a valid integer for ${named}.\n\n`);
}

/** Fewer words than a source and a target. */
export function missingArgumentText(era: EraId, missing: 'source' | 'target'): string {
  if (era === 'fedora-today') {
    return USAGE_TODAY + '\n    ERROR:  At minimum, a source and a target must be specified.\n';
  }
  return (missing === 'source' ? 'Missing source\n' : 'Missing target device\n') + USAGE_2012;
}

export function notABlockDeviceText(era: EraId, path: string): string {
  if (era === 'soas-2012') return `${path} is not a block device\n` + USAGE_2012;
  return USAGE_TODAY + `\n    ERROR:  '${path}' is not a block device.\n`;
}

// ---- 2012 only -------------------------------------------------------------------------------

export function noFilesystemText2012(path: string): string {
  return `Target filesystem (${path}:) must be vfat, ext[234] or btrfs\n`;
}

export function notBootableText2012(disk: string): string {
  return [
    "Partition isn't marked bootable!",
    'You can mark the partition as bootable with',
    `    # /sbin/parted ${disk}`,
    '    (parted) toggle N boot',
    '    (parted) quit',
    '',
  ].join('\n');
}

export function formatWarningText2012(disk: string): string {
  return `WARNING: THIS WILL DESTROY ANY DATA ON ${disk}!!!\nPress Enter to continue or ctrl-c to abort\n`;
}

export function deviceTooSmallText2012(source: string, shortMb: number): string {
  return `Your device isn't big enough to hold ${source}\nIt is ${shortMb} MB too small\n`;
}

export function fatLimitText2012(what: 'overlay' | 'home' | 'swap'): string {
  if (what === 'overlay') return "Can't have an overlay of 2048MB or greater on VFAT\n";
  if (what === 'home') return "Can't have a home overlay greater than 2048MB on VFAT\n";
  return "Can't have a swap file greater than 2048MB on VFAT\n";
}

export function homeExistsText2012(): string {
  return (
    'ERROR: Requested keeping existing /home and specified a size for /home\n' +
    "Please either don't specify a size or specify --delete-home\n"
  );
}

export function uncompressedTooLargeText2012(): string {
  return terminalText(
    '\n            An uncompressed image size greater than 2048 MB is not suitable\n' +
      '            for a VFAT-formatted device.  The compressed SquashFS will be\n' +
      '            copied to the target device.\n            \n',
  );
}

export function alreadySetUpText2012(homeDeleted: boolean): string {
  return (
    'Already set up as live image.\n' +
    (homeDeleted
      ? 'WARNING: Persistent /home will be deleted!!!\nPress Enter to continue or ctrl-c to abort\n'
      : 'Deleting old OS in fifteen seconds...\n')
  );
}

// ---- today only ------------------------------------------------------------------------------

export function partitionWithFormatText(partition: string, disk: string): string {
  return terminalText(
    `\n        ALERT:\n                '${partition}' is a partition on this device.  The --format option\n` +
      '                applies to the whole disk and will remove all content on the\n' +
      `                device, '${disk}'.\n\n` +
      '                Please designate a whole device path as your formatting target.\n' +
      '                Exiting...\n',
  );
}

export function diskWithoutFormatText(disk: string, firstPartition: string): string {
  return terminalText(
    `\n        ALERT:\n        '${disk}' is the disk device but not a partition on this device.\n` +
      '        Please designate the specific partition for loading the image.\n' +
      `        Perhaps you want '${firstPartition}'.\n        Exiting...\n`,
  );
}

export function bootFlagSetText(partition: string): string {
  return terminalText(
    '\n        NOTICE:\n        The partition is not marked bootable.\n\n        Attempting to set the boot flag now...\n' +
      `\n        Success!  '${partition}' is now a bootable partition.\n`,
  );
}

export function formatWarningTextToday(disk: string): string {
  return terminalText(
    '\n    WARNING: The requested formatting will DESTROY ALL DATA\n' +
      `             on: ${disk} !!\n\n      Press Enter to continue, or Ctrl C to abort.\n`,
  );
}

export function formatFilesystemErrorText(word: string): string {
  return terminalText(
    `\n                ERROR:  < ${word} > is not a supported filesystem type.\n\n` +
      '                Supported filesystems are fat|vfat|msdos, ext[432], btrfs, xfs, & f2fs.\n\n' +
      '                Please adjust this option.  Exiting...\n\n',
  );
}

export function formatSizeErrorText(word: string): string {
  return terminalText(
    `\n                    ERROR: '${word}' is not a valid integer entry for format size\n` +
      '                                  in MiB.\n\n',
  );
}

export function formatSizeTooSmallText(sizeMib: number): string {
  return `\n                        NOTE: '${sizeMib} MiB' may be small for an image partition.\n`;
}

export function fatLimitTextToday(what: 'overlay' | 'home' | 'swap'): string {
  if (what === 'overlay') {
    return terminalText(
      '\n        ALERT:\n        An overlay size greater than 4096 MiB\n        is not allowed on VFAT formatted filesystems.\n',
    );
  }
  if (what === 'home') {
    return terminalText(
      '\n      NOTICE:\n        A file on a FAT filesystem cannot be larger than 4096 MiB.\n\n',
    );
  }
  return "Can't have a swap file greater than 4096 MB on VFAT\n";
}

export function labelWhitespaceText(label: string, partition: string): string {
  return terminalText(
    `\n        ALERT:\n        The LABEL (${label}) on ${partition} has spaces, newlines, or tabs in it.\n` +
      '        Whitespace does not work with the overlay.\n' +
      '        An attempt to rename the device will be made.\n\n',
  );
}

export function imageTooLargeTextToday(fallsBackToSquashfs: boolean): string {
  return terminalText(
    '\n        An image size greater than 4096 MiB is not suitable for a \n        VFAT-formatted partition.\n        \n' +
      (fallsBackToSquashfs
        ? ' The compressed SquashFS will instead be copied\n            to the target device.\n'
        : 'Exiting...\n'),
  );
}

export function resetOverlayNotFoundText(): string {
  return terminalText(
    '\n        NOTICE:\n        A persistent overlay was not found on the target device to reset.\n\n' +
      '        Press Enter to continue, or Ctrl C to abort.\n',
  );
}

export function resetAndNewOverlayText(): string {
  return terminalText(
    '\n        ERROR:\n        You requested a new persistent overlay AND to reset the current one.\n\n' +
      '        Please select only one of these options.  Exiting...\n\n',
  );
}

export function homeExistsTextToday(): string {
  return terminalText(
    '\n        ERROR:\n        The target has an existing home.img file and you requested that a new\n' +
      '        home.img be created.  To remove an existing home.img on the target,\n' +
      '        you must explicitly specify --delete-home as an installation option.\n\n' +
      '        Please adjust your home.img options.  Exiting...\n\n',
  );
}

export function copyHomeOverExistingText(): string {
  return terminalText(
    '\n        ERROR:\n        The target has an existing home.img, and you requested that one from\n' +
      '        the source be copied to the target device.\n' +
      '        To remove an existing home.img on the target, you must explicitly\n' +
      '        specify the --delete-home option.\n\n' +
      '        Please adjust your home options.  Exiting...\n',
  );
}

export function noHomeOnImageText(): string {
  return terminalText(
    '\n        ERROR:\n        There appears to be no persistent /home.img on the source.\n' +
      '        Please check your inputs.  Exiting...\n',
  );
}

export function imageHasHomeText(): string {
  return terminalText(
    '\n        NOTICE:\n        The source has a persistent home.img intended for installation.\n' +
      '        If there is an existing home.img on the target device,\n' +
      '        you will be asked to approve its deletion.\n\n' +
      '        Press Enter to continue, or Ctrl C to abort.\n',
  );
}

export function encryptionCarriesOverText(): string {
  return terminalText(
    '\n        ATTENTION:\n        The default --encrypted-home option is only available for newly-created\n' +
      '        home.img filesystems.  If the home.img on the source is encrypted,\n' +
      '        that feature will carry over to the new installation.\n\n' +
      '        Press Enter to continue, or Ctrl C to abort.\n',
  );
}

export function newAndCopiedHomeText(): string {
  return terminalText(
    '\n        ERROR:\n        You requested a new home AND to copy one from the source.\n\n' +
      '        Please request only one of these options.  Exiting...\n',
  );
}

export function alreadySetUpTextToday(liveDir: string, homeDeleted: boolean): string {
  let written = `\nThe '${liveDir}' directory is already set up with a LiveOS image.\n\n                 `;
  if (homeDeleted) {
    written +=
      '\n        WARNING:\n              \r        The old persistent home.img will be deleted!!!\n\n' +
      '              \r        Press Enter to continue, or Ctrl C to abort.';
  } else {
    written +=
      '    Press Ctrl C if you wish to abort.\n                  Deleting the old OS in     seconds.';
    written += '\b'.repeat(10);
    for (let i = 14; i >= 0; i--) written += `\b\b${String(i).padStart(2, '0')}`;
  }
  return terminalText(written) + '\n';
}
