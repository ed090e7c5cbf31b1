// The boot files livecd-iso-to-disk copies beside /LiveOS (the kernel, the initramfs and the syslinux
// menu; today also the EFI loader and images/), as files on the stick. Their total is the planner's
// estimate (installer/assumptions.ts: 21 MiB for SoaS 2012, 150 MiB today); how it splits into files is
// an ESTIMATE too, with the initramfs taking what the others leave.

import type { EraId } from './eras';
import { FEDORA_TODAY_IMAGE, SOAS_2012_IMAGE } from './installer/assumptions';

const KIB = 1024;
const MIB = 1024 * KIB;

export interface BootFile {
  path: string;
  sizeBytes: number;
}

const TOTAL_BYTES: Record<EraId, number> = {
  'soas-2012': SOAS_2012_IMAGE.bootFilesMib * MIB,
  'fedora-today': FEDORA_TODAY_IMAGE.bootFilesMib * MIB,
};

/** The fixed-size files; the initramfs (last) fills the rest of the era's total. */
const FILES: Record<EraId, { fixed: [string, number][]; initramfs: string }> = {
  'soas-2012': {
    fixed: [
      ['/syslinux/vmlinuz0', 4 * MIB],
      ['/syslinux/syslinux.cfg', 2 * KIB],
      ['/syslinux/ldlinux.sys', 32 * KIB],
      ['/syslinux/vesamenu.c32', 160 * KIB],
      ['/syslinux/splash.jpg', 40 * KIB],
    ],
    initramfs: '/syslinux/initrd0.img',
  },
  'fedora-today': {
    fixed: [
      ['/syslinux/vmlinuz0', 13 * MIB],
      ['/syslinux/syslinux.cfg', 2 * KIB],
      ['/syslinux/ldlinux.c32', 120 * KIB],
      ['/EFI/BOOT/BOOTX64.EFI', 1 * MIB],
      ['/EFI/BOOT/grubx64.efi', 2 * MIB],
      ['/EFI/BOOT/grub.cfg', 2 * KIB],
      ['/images/efiboot.img', 10 * MIB],
      ['/images/pxeboot/vmlinuz', 13 * MIB],
      ['/images/pxeboot/initrd.img', 50 * MIB],
    ],
    initramfs: '/syslinux/initrd0.img',
  },
};

export function bootFilesFor(era: EraId): BootFile[] {
  const { fixed, initramfs } = FILES[era];
  const fixedBytes = fixed.reduce((sum, [, size]) => sum + size, 0);
  return [
    ...fixed.map(([path, sizeBytes]) => ({ path, sizeBytes })),
    { path: initramfs, sizeBytes: Math.max(0, TOTAL_BYTES[era] - fixedBytes) },
  ];
}

export function bootFilesBytes(era: EraId): number {
  return bootFilesFor(era).reduce((sum, f) => sum + f.sizeBytes, 0);
}
