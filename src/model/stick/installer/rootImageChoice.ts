// Which root image the install copies: the compressed LiveOS/squashfs.img, or with --skipcompress
// (and --xo) the uncompressed ext3fs.img (2012) or rootfs.img (today) from inside it. On vfat the
// 2012 script falls back to the squashfs when the uncompressed image is over 2048 MiB; today's when
// it is 4 GiB or more, and today's stops when even the squashfs is that big.

import { ERAS, type EraId } from '../eras';
import type { ScriptNotice } from './InstallPlan';
import type { LiveImage, StickFilesystem } from './InstallRequest';
import { imageTooLargeTextToday, uncompressedTooLargeText2012 } from './scriptMessages';
import { ceilMib, FAT_MAX_FILE_BYTES, MIB_BYTES, mibToBytes } from './sizes';

export interface RootImageChoice {
  path: string;
  sizeBytes: number;
  uncompressed: boolean;
  notices: ScriptNotice[];
}

export type RootImageOutcome =
  | ({ copied: true } & RootImageChoice)
  | { copied: false; scriptText: string; message: string; notices: ScriptNotice[] };

export function chooseRootImage(
  era: EraId,
  filesystem: StickFilesystem,
  image: LiveImage,
  skipCompress: boolean,
): RootImageOutcome {
  const squashfs = {
    path: 'LiveOS/squashfs.img',
    sizeBytes: mibToBytes(image.squashfsMib),
    uncompressed: false,
  };
  const rootBytes = mibToBytes(image.rootImageMib);
  const notices: ScriptNotice[] = [];
  let choice = skipCompress
    ? { path: `LiveOS/${ERAS[era].rootImageName}`, sizeBytes: rootBytes, uncompressed: true }
    : squashfs;
  if (filesystem === 'vfat') {
    if (era === 'soas-2012' && skipCompress && ceilMib(rootBytes) > 2048) {
      notices.push({
        code: 'uncompressed-too-large',
        scriptText: uncompressedTooLargeText2012(),
        message: `The uncompressed root image is ${ceilMib(rootBytes)} MiB, too big for this vfat stick, so the script copies the compressed squashfs.img instead.`,
      });
      choice = squashfs;
    } else if (era === 'fedora-today' && choice.sizeBytes >= 4096 * MIB_BYTES) {
      notices.push({
        code: 'uncompressed-too-large',
        scriptText: imageTooLargeTextToday(skipCompress),
        message: skipCompress
          ? 'The uncompressed root image is 4 GiB or more, too big for vfat, so the script copies the compressed squashfs.img instead.'
          : 'squashfs.img is 4 GiB or more: no vfat stick can hold it, so the script stops.',
      });
      if (!skipCompress) {
        return {
          copied: false,
          scriptText: notices[0].scriptText,
          message: `${notices[0].message} Format the stick ext4 (--format ext4) to install this image.`,
          notices: [],
        };
      }
      choice = squashfs;
    }
    if (choice.sizeBytes > FAT_MAX_FILE_BYTES) {
      return {
        copied: false,
        scriptText: '',
        message:
          `${choice.path.slice('LiveOS/'.length)} is ${ceilMib(choice.sizeBytes)} MiB, but a file on vfat must be ` +
          'under 4 GiB. The script does not check this: its copy would stop with "File too large". Format the stick ext4.',
        notices,
      };
    }
  }
  return { copied: true, ...choice, notices };
}
