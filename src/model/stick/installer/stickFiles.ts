// The files the install leaves on the stick, with their sizes in bytes and how their bytes come to
// be. 2012 writes zeros with dd on vfat (which has no sparse files) and makes sparse files with
// `dd seek` elsewhere; today's script fallocates. Neither writes a snapshot header into the overlay:
// the kernel does that when the stick first boots.

import type { EraId } from '../eras';
import type { PlannedFile } from './InstallPlan';
import type { StickFilesystem } from './InstallRequest';
import type { HomePlan } from './homeRules';
import type { RootImageChoice } from './rootImageChoice';

export interface FilesInput {
  era: EraId;
  filesystem: StickFilesystem;
  rootImage: RootImageChoice;
  osminBytes: number;
  overlay?: { fileName: string; sizeBytes: number; kept: boolean };
  home?: HomePlan;
  homeLuksHeaderBytes: number;
  swapBytes?: number;
  scriptBytes: number;
  bootFilesBytes: number;
  olpcFthBytes?: number;
}

/** How a new overlay or home.img comes to be: dd of zeros on vfat (2012), dd seek= elsewhere (2012), fallocate (today). */
export function newFileAllocation(era: EraId, filesystem: StickFilesystem): PlannedFile['allocation'] {
  if (era === 'fedora-today') return 'preallocated';
  return filesystem === 'vfat' ? 'written' : 'sparse';
}

function homeFile(input: FilesInput, home: HomePlan): PlannedFile {
  const file: PlannedFile = {
    path: 'LiveOS/home.img',
    kind: 'file',
    role: 'home',
    sizeBytes: home.sizeBytes,
    allocation: 'written',
    contents: '',
    encrypted: home.encrypted,
  };
  if (home.origin === 'kept') {
    file.allocation = 'kept';
    file.contents = 'the learner’s home folder from before, kept';
  } else if (home.origin === 'copied') {
    file.contents = 'the image’s home.img, copied as it is';
  } else {
    const fs = input.era === 'soas-2012' ? 'ext4 (mkfs.ext4 -j)' : 'ext4';
    if (home.encrypted) {
      file.luksHeaderBytes = input.homeLuksHeaderBytes;
      file.innerFilesystemBytes = home.sizeBytes - input.homeLuksHeaderBytes;
      file.allocation = input.era === 'soas-2012' && input.filesystem !== 'vfat' ? 'sparse' : 'written';
      file.contents =
        (file.allocation === 'written' ? 'random bytes (dd from /dev/urandom) under ' : '') +
        `a LUKS header and an encrypted ${fs} filesystem`;
    } else {
      file.innerFilesystemBytes = home.sizeBytes;
      file.allocation = newFileAllocation(input.era, input.filesystem);
      file.contents = `an empty ${fs} filesystem`;
    }
  }
  return file;
}

export function stickFiles(input: FilesInput): PlannedFile[] {
  const files: PlannedFile[] = [
    {
      path: input.rootImage.path,
      kind: 'file',
      role: 'root-image',
      sizeBytes: input.rootImage.sizeBytes,
      allocation: 'written',
      contents: input.rootImage.uncompressed
        ? 'the uncompressed root filesystem image, copied out of squashfs.img'
        : 'the compressed root filesystem, copied from the image',
    },
  ];
  if (input.osminBytes > 0) {
    files.push({
      path: 'LiveOS/osmin.img',
      kind: 'file',
      role: 'osmin',
      sizeBytes: input.osminBytes,
      allocation: 'written',
      contents: 'the squashed snapshot that dracut unpacks as live-osimg-min',
    });
  }
  if (input.overlay) {
    const { fileName, sizeBytes, kept } = input.overlay;
    files.push({
      path: `LiveOS/${fileName}`,
      kind: 'file',
      role: 'overlay',
      sizeBytes,
      allocation: kept ? 'kept' : newFileAllocation(input.era, input.filesystem),
      contents: kept
        ? 'the old overlay, its first 64 KiB zeroed: the kernel starts a new snapshot store at the next boot'
        : 'zeros, with no snapshot header: the kernel writes one when the stick first boots',
    });
  }
  if (input.home) files.push(homeFile(input, input.home));
  if (input.swapBytes !== undefined) {
    files.push({
      path: 'LiveOS/swap.img',
      kind: 'file',
      role: 'swap',
      sizeBytes: input.swapBytes,
      allocation: input.era === 'soas-2012' ? 'written' : 'preallocated',
      contents: 'swap space (mkswap)',
    });
  }
  files.push(
    {
      path: 'LiveOS/livecd-iso-to-disk',
      kind: 'file',
      role: 'installer-script',
      sizeBytes: input.scriptBytes,
      allocation: 'written',
      contents: 'a copy of the installer itself',
    },
    {
      path: 'syslinux/',
      kind: 'directory',
      role: 'boot-files',
      sizeBytes: input.bootFilesBytes,
      allocation: 'written',
      contents: 'the kernel, the initial RAM disk and the boot menu',
    },
  );
  if (input.olpcFthBytes !== undefined) {
    files.push({
      path: 'boot/olpc.fth',
      kind: 'file',
      role: 'xo-boot-script',
      sizeBytes: input.olpcFthBytes,
      allocation: 'written',
      contents: 'the boot script for an OLPC XO laptop',
    });
  }
  return files;
}
