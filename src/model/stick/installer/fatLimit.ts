// The script's limit on the overlay, home.img and swap.img on a vfat stick. FAT cannot hold a file of
// 4 GiB; the 2012 script stops at 2048 MiB and above, today's at anything above 4096 MiB, and cuts
// exactly 4096 MiB to 4 GiB − 512 bytes (RHBZ 995552 raised the limit in 2013; the trim is in
// checkFilesystem).

import { ERAS, type EraId } from '../eras';
import type { StickFilesystem } from './InstallRequest';
import { fatLimitText2012, fatLimitTextToday } from './scriptMessages';
import { MIB_BYTES } from './sizes';

export type FatLimitedFile = 'overlay' | 'home' | 'swap';

export type FatLimitOutcome =
  | { allowed: true; sizeBytes: number; trimmed: boolean }
  | { allowed: false; scriptText: string; message: string; fatLimit: FatLimitDetail };

/** What the limit refused: which file, the size asked for and the largest the script allows. */
export interface FatLimitDetail {
  file: FatLimitedFile;
  askedMib: number;
  largestMib: number;
}

const NAMES: Record<FatLimitedFile, string> = {
  overlay: 'the overlay',
  home: 'home.img',
  swap: 'swap.img',
};

const OPTIONS: Record<FatLimitedFile, string> = {
  overlay: '--overlay-size-mb',
  home: '--home-size-mb',
  swap: '--swap-size-mb',
};

/** The size the file gets, or the script's refusal. */
export function fatLimit(
  era: EraId,
  filesystem: StickFilesystem,
  what: FatLimitedFile,
  sizeMib: number,
): FatLimitOutcome {
  const profile = ERAS[era];
  if (filesystem !== 'vfat') return { allowed: true, sizeBytes: sizeMib * MIB_BYTES, trimmed: false };
  if (profile.trims4096ToFatMax && sizeMib === 4096) {
    return { allowed: true, sizeBytes: 4096 * MIB_BYTES - 512, trimmed: true };
  }
  if (sizeMib <= profile.vfatMaxImageMib) {
    return { allowed: true, sizeBytes: sizeMib * MIB_BYTES, trimmed: false };
  }
  const largest = profile.trims4096ToFatMax ? 4096 : profile.vfatMaxImageMib;
  return {
    allowed: false,
    scriptText: era === 'soas-2012' ? fatLimitText2012(what) : fatLimitTextToday(what),
    message:
      `On a vfat stick no file can reach 4 GiB, and this script allows ${NAMES[what]} at most ` +
      `${largest} MiB: ${OPTIONS[what]} ${sizeMib} is too big. Ask for ${largest} or less, or format the stick ext4.`,
    fatLimit: { file: what, askedMib: sizeMib, largestMib: largest },
  };
}
