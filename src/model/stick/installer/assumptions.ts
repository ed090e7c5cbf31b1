// Every size the planner assumes rather than computes, in one place, each with where it comes from.
// Figures marked ESTIMATE were chosen, not measured; change them here and only here.

import type { EraId } from '../eras';
import type { LiveImage, StickDescription, StickFilesystem } from './InstallRequest';
import { MIB_BYTES } from './sizes';

/**
 * Sugar on a Stick v6 (Fedora 16, i686), the image the March 2012 wiki page installs.
 * - rootImageMib 4096: the wiki page's recovery example gives the root image as 8388608 sectors
 *   (`dmsetup create … --table "0 8388608 snapshot …"`), 4 GiB.
 * - squashfsMib 410, bootFilesMib 21, osminMib 1: ESTIMATE. The real F16 SoaS sizes are UNCONFIRMED.
 *   YUMI's DistroList.nsh (vvaldez/yumi) lists the F17 SoaS .iso at 532 MB and (another YUMI copy)
 *   the F14 one at 477 MB. 410 + 21 + 1 MiB (≈ 453 MB) is chosen so that the wiki's 300/200 example
 *   fits a 1 GB stick as the page says it does, with "a little on the device root" (about 18 MiB).
 *   Boot files: vmlinuz0 (~4 MiB), initrd0.img (~16 MiB) and the menu files. osmin.img squashes the
 *   2464-sector (1.2 MiB) COW in the wiki's `live-osimg-min` status line.
 * - appendLine: livecd-tools 16.x imgcreate/live.py writes `root=live:CDLABEL=<label>
 *   rootfstype=iso9660` then kickstart.get_kernel_args' default "ro liveimg quiet" and, for dracut,
 *   "rd.luks=0 rd.md=0 rd.dm=0". The CD label is an ESTIMATE.
 */
export const SOAS_2012_IMAGE: LiveImage = {
  name: 'Fedora-16-i686-Live-SoaS.iso',
  squashfsMib: 410,
  rootImageMib: 4096,
  osminMib: 1,
  bootFilesMib: 21,
  appendLine:
    'initrd=initrd0.img root=live:CDLABEL=Fedora-16-i686-Live-SoaS rootfstype=iso9660 ro liveimg quiet rd.luks=0 rd.md=0 rd.dm=0',
};

/**
 * A Fedora-today SoaS image, for trying the current script's rules. ESTIMATE throughout: the sizes
 * are illustrative, not measured. Cellar's "today" era keeps LiveOS/rootfs.img inside squashfs.img;
 * newer "flat" images, for which the current script switches to OverlayFS, are not modelled.
 */
export const FEDORA_TODAY_IMAGE: LiveImage = {
  name: 'Fedora-SoaS-Live-x86_64.iso',
  squashfsMib: 1100,
  rootImageMib: 6144,
  bootFilesMib: 150,
  efiBootImgMib: 10,
  appendLine: 'initrd=initrd.img root=live:CDLABEL=Fedora-SoaS-Live rd.live.image quiet rhgb',
};

/**
 * A fresh 1 GB stick. "1 GB" on the label means at least 10^9 bytes (953.7 MiB). ESTIMATE: the
 * factory vfat partition starts 1 MiB in and FAT32's tables take about 1/512 of it, leaving 950 MiB
 * for files. Real 1 GB sticks vary by a few tens of MiB.
 */
export const ONE_GB_VFAT_STICK: StickDescription = {
  devicePath: '/dev/sdb',
  capacityMib: 1e9 / MIB_BYTES,
  filesystem: 'vfat',
  filesystemMib: 950,
  label: '',
  uuid: 'B6C4-2E19',
  bootFlag: true,
  liveOsMib: 0,
  bootFilesMib: 0,
  otherFilesMib: 0,
};

/** The size of livecd-iso-to-disk itself, which it counts and copies to LiveOS/ (the two versions read). */
export const INSTALLER_SCRIPT_BYTES: Record<EraId, number> = {
  'soas-2012': 47_878, // tools/livecd-iso-to-disk.sh at 0d5df20
  'fedora-today': 130_208, // at a8505d6
};

/**
 * /boot/olpc.fth for --xo: the script's here-document is 1021 bytes plus the syslinux path twice
 * ('syslinux', 8 bytes each) plus the boot arguments (identical in both versions).
 */
export const OLPC_FTH_TEMPLATE_BYTES = 1021 + 2 * 'syslinux'.length;

/**
 * The share of a new partition that filesystem metadata takes, as the current script allows for it
 * (a8505d6 checkfstype: ext4 1/32, vfat 1/512). Cellar uses it for both eras' --format.
 */
export const METADATA_ALLOWANCE_SHIFT: Record<StickFilesystem, number> = { ext4: 5, vfat: 9 };

/** mke2fs reserves 5% of an ext4 filesystem for root by default (mke2fs -m); df's Avail leaves it out. */
export const EXT4_RESERVED_FRACTION = 0.05;

/** The UUIDs the new filesystem gets from --format, unless the request names one (mkfs picks at random). */
export const DEFAULT_UUID_AFTER_FORMAT: Record<StickFilesystem, string> = {
  vfat: 'C0DE-2012',
  ext4: '5a0c2f6e-1d2b-4c7e-9f10-2a6c3b8d4e51',
};
