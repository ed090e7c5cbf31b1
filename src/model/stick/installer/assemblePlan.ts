// The end of both eras' runs, once the script's checks have passed: lay out the files, edit the boot
// line, and make sure everything really fits (the checks round to whole MiB, the copy does not).

import { INSTALLER_SCRIPT_BYTES, OLPC_FTH_TEMPLATE_BYTES } from './assumptions';
import { bootConfig } from './bootConfig';
import type { HomePlan } from './homeRules';
import type { InstallPlan, InstallRefusal, PartitionLayout, SpaceCheck } from './InstallPlan';
import type { StickFilesystem } from './InstallRequest';
import { LUKS_FORMAT } from './luks';
import type { Planning } from './Planning';
import type { RootImageChoice } from './rootImageChoice';
import { ceilMib, FAT_MAX_FILE_BYTES, MIB_BYTES, mibToBytes } from './sizes';
import { stickFiles } from './stickFiles';

export interface Decisions {
  targetPartition: string;
  formatted: boolean;
  partitions?: PartitionLayout;
  mbrReset: boolean;
  filesystem: StickFilesystem;
  /** Space for files in the filesystem the image goes to. */
  filesystemBytes: number;
  otherFilesBytes: number;
  label: string;
  overlayLabel: string;
  uuid: string;
  rootImage: RootImageChoice;
  osminBytes: number;
  overlay?: { sizeBytes: number; kept: boolean };
  home?: HomePlan;
  swapBytes?: number;
  spaceCheck: SpaceCheck;
  /** A home.img copied without --copy-home: today's space check runs before it decides to copy it. */
  uncheckedHomeBytes?: number;
}

const PASSPHRASE_TEXT: Record<InstallPlan['era'], string> = {
  'soas-2012': 'Encrypting persistent /home\nPlease enter the password again to unlock the device\n',
  'fedora-today': 'Encrypting persistent home.img\nPlease enter the password again to unlock the device\n',
};

export function assemblePlan(planning: Planning, decisions: Decisions): InstallPlan | InstallRefusal {
  const { era, options, request } = planning;
  const { home, filesystem } = decisions;
  const luksHeaderBytes = LUKS_FORMAT[era].headerBytes;
  if (home?.origin === 'new' && home.encrypted) {
    if (home.sizeBytes <= luksHeaderBytes) {
      return planning.refuse(
        'home-too-small-for-luks',
        PASSPHRASE_TEXT[era].split('\n')[0] + '\n',
        `An encrypted home.img starts with a ${LUKS_FORMAT[era].version} header of ${ceilMib(luksHeaderBytes)} MiB, ` +
          `so ${ceilMib(home.sizeBytes)} MiB leaves no room for files. cryptsetup would refuse ("Device is too small") ` +
          'and the script would ask for a passphrase again and again. Make home.img bigger or add --unencrypted-home.',
      );
    }
    planning.notice({
      code: 'passphrase-prompt',
      scriptText: PASSPHRASE_TEXT[era],
      message: `The script asks for a passphrase for the encrypted home.img (typed twice), then once more to open it. Its ${LUKS_FORMAT[era].version} header takes ${ceilMib(luksHeaderBytes)} MiB.`,
    });
  }
  const overlayFileName = decisions.overlay
    ? `overlay-${decisions.overlayLabel}-${decisions.uuid}`
    : undefined;
  const boot = bootConfig({
    era,
    appendLine: request.image.appendLine,
    filesystem,
    uuid: decisions.uuid,
    label: decisions.label,
    overlay: decisions.overlay !== undefined,
    extraKernelArgs: options.extraKernelArgs,
    xo: options.xo === true,
    xoNoHome: options.xoNoHome === true,
    homeAfterInstall: home !== undefined,
  });
  const files = stickFiles({
    era,
    filesystem,
    rootImage: decisions.rootImage,
    osminBytes: decisions.osminBytes,
    overlay:
      decisions.overlay && overlayFileName !== undefined
        ? { fileName: overlayFileName, ...decisions.overlay }
        : undefined,
    home,
    homeLuksHeaderBytes: luksHeaderBytes,
    swapBytes: decisions.swapBytes,
    scriptBytes: INSTALLER_SCRIPT_BYTES[era],
    bootFilesBytes: mibToBytes(request.image.bootFilesMib),
    olpcFthBytes:
      boot.xoBootArgs !== undefined ? OLPC_FTH_TEMPLATE_BYTES + 1 + boot.xoBootArgs.length : undefined,
  });
  if (filesystem === 'vfat') {
    const tooBig = files.find((file) => file.kind === 'file' && file.sizeBytes > FAT_MAX_FILE_BYTES);
    if (tooBig) {
      return planning.refuse(
        'file-too-large',
        '',
        `${tooBig.path} would be ${ceilMib(tooBig.sizeBytes)} MiB, but a file on vfat must be under 4 GiB; the copy would stop with "File too large".`,
      );
    }
  }
  const usedBytes = decisions.otherFilesBytes + files.reduce((sum, file) => sum + file.sizeBytes, 0);
  if (usedBytes > decisions.filesystemBytes) {
    const why = decisions.uncheckedHomeBytes
      ? `it left out the image's ${ceilMib(decisions.uncheckedHomeBytes)} MiB home.img, which it only then decided to copy`
      : 'it rounds sizes to whole MiB';
    return planning.refuse(
      'no-space-during-copy',
      '',
      `The script's space check passed (${why}), but the files need ${ceilMib(usedBytes)} MiB of the ` +
        `${Math.floor(decisions.filesystemBytes / MIB_BYTES)} MiB there is room for: the copy would stop with ` +
        '"No space left on device".',
      { spaceCheck: decisions.spaceCheck },
    );
  }
  const plan: InstallPlan = {
    outcome: 'planned',
    era,
    targetPartition: decisions.targetPartition,
    formatted: decisions.formatted,
    mbrReset: decisions.mbrReset,
    filesystem,
    label: decisions.label,
    uuid: decisions.uuid,
    files,
    otherFilesBytes: decisions.otherFilesBytes,
    filesystemBytes: decisions.filesystemBytes,
    usedBytes,
    freeBytes: decisions.filesystemBytes - usedBytes,
    spaceCheck: decisions.spaceCheck,
    boot,
    notices: [...planning.notices],
    commandLine: planning.commandLine,
  };
  if (decisions.partitions) plan.partitions = decisions.partitions;
  if (overlayFileName !== undefined) plan.overlayFileName = overlayFileName;
  return plan;
}
