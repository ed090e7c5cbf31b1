// The 2012 script's run (livecd-tools 0d5df20, the version of the March 2012 wiki page's era), in
// its order: target, --format, relabel to LIVE, boot flag, MBR, the FAT limits, the home.img rule,
// the root image, the space check; then the copy.

import { DEFAULT_UUID_AFTER_FORMAT, EXT4_RESERVED_FRACTION, INSTALLER_SCRIPT_BYTES } from './assumptions';
import { assemblePlan } from './assemblePlan';
import { fatLimit, type FatLimitedFile } from './fatLimit';
import { formatLayout2012 } from './formatLayout';
import { planHome } from './homeRules';
import { alreadySetUpNotice, mbrNotice, passThroughNotice, xoConflictNotice } from './informationNotices';
import type { InstallPlan, InstallRefusal, PartitionLayout } from './InstallPlan';
import type { Planning } from './Planning';
import { chooseRootImage } from './rootImageChoice';
import {
  deviceTooSmallText2012,
  formatWarningText2012,
  noFilesystemText2012,
  notABlockDeviceText,
  notBootableText2012,
} from './scriptMessages';
import { mibToBytes } from './sizes';
import { spaceCheck2012 } from './spaceCheck2012';
import { targetLabel } from './targetLabel';
import { locateTarget, partitionPath } from './targetDevice';

export function plan2012(planning: Planning): InstallPlan | InstallRefusal {
  const era = 'soas-2012';
  const { options, request } = planning;
  const { stick, image, command } = request;
  const disk = stick.devicePath;
  const partition = partitionPath(disk, 1);

  const located = locateTarget(command.target, disk);
  if (located === 'absent') {
    return planning.refuse(
      'not-a-block-device',
      notABlockDeviceText(era, command.target),
      `There is no ${command.target} on this computer: the stick is ${disk}, and its partition is ${partition}.`,
    );
  }
  const format = options.format;
  if (format === undefined && located === 'disk') {
    return planning.refuse(
      'no-filesystem',
      noFilesystemText2012(command.target),
      `${command.target} is the whole stick, which holds a partition table, not a filesystem. Give its partition, ${partition}.`,
    );
  }
  for (const notice of [passThroughNotice(options), xoConflictNotice(options)])
    if (notice) planning.notice(notice);

  const capacityBytes = mibToBytes(stick.capacityMib);
  let filesystem = stick.filesystem;
  let filesystemBytes = mibToBytes(stick.filesystemMib);
  let uuid = stick.uuid;
  let partitions: PartitionLayout | undefined;
  const old = {
    liveOsBytes: mibToBytes(stick.liveOsMib),
    bootFilesBytes: mibToBytes(stick.bootFilesMib),
    otherFilesBytes: mibToBytes(stick.otherFilesMib),
  };
  if (format !== undefined) {
    planning.notice({
      code: 'format-destroys-data',
      scriptText: formatWarningText2012(disk),
      message: `--format wipes all of ${disk}, the learner's own files too, and makes one ${format.filesystem} partition.`,
    });
    const layout = formatLayout2012(capacityBytes, format.filesystem);
    if (layout.shortMb > 0) {
      return planning.refuse(
        'device-too-small',
        deviceTooSmallText2012(command.source, layout.shortMb),
        `The stick is too small for even a partition (the script leaves 3 MB for the partition table and slack).`,
      );
    }
    filesystem = format.filesystem;
    filesystemBytes = layout.filesystemBytes;
    uuid = request.uuidAfterFormat ?? DEFAULT_UUID_AFTER_FORMAT[filesystem];
    partitions = {
      primaryBytes: layout.primaryBytes,
      espBytes: 0,
      unusedBytes: capacityBytes - layout.primaryBytes,
    };
    old.liveOsBytes = 0;
    old.bootFilesBytes = 0;
    old.otherFilesBytes = 0;
  }
  const existingHome = format === undefined ? stick.homeImg : undefined;

  const labels = targetLabel({
    era,
    stickLabel: stick.label,
    formatted: format !== undefined,
    filesystem,
    overlayNamed: options.overlaySizeMib !== undefined,
    overlaySizeGiven: options.overlaySizeMib !== undefined,
    partition,
  });
  labels.notices.forEach((notice) => planning.notice(notice));

  if (format === undefined && stick.bootFlag === false) {
    return planning.refuse(
      'not-bootable',
      notBootableText2012(disk),
      `${partition} is not marked bootable, and the 2012 script stops (today's sets the flag itself). Mark it with parted, or add --format.`,
    );
  }
  const mbrReset = options.resetMbr === true || format !== undefined;
  if (mbrReset) planning.notice(mbrNotice(disk, format !== undefined));

  const sizes: Partial<Record<FatLimitedFile, number>> = {};
  const asked: [FatLimitedFile, number | undefined][] = [
    ['overlay', options.overlaySizeMib],
    ['home', options.homeSizeMib],
    ['swap', options.swapSizeMib],
  ];
  for (const [what, mib] of asked) {
    if (mib === undefined) continue;
    const limit = fatLimit(era, filesystem, what, mib);
    if (!limit.allowed) return planning.refuse('fat-limit', limit.scriptText, limit.message, limit);
    sizes[what] = limit.sizeBytes;
  }

  const home = planHome({ era, options, existing: existingHome, image, newHomeBytes: sizes.home });
  if (!home.allowed) return planning.refuse(home.code, home.scriptText, home.message);

  const root = chooseRootImage(era, filesystem, image, options.skipCompress ?? options.xo === true);
  root.notices.forEach((notice) => planning.notice(notice));
  if (!root.copied) return planning.refuse('file-too-large', root.scriptText, root.message);

  const osminBytes = mibToBytes(image.osminMib ?? 0);
  const reservedBytes = filesystem === 'ext4' ? Math.floor(filesystemBytes * EXT4_RESERVED_FRACTION) : 0;
  const usedBeforeBytes = old.liveOsBytes + old.bootFilesBytes + old.otherFilesBytes;
  const check = spaceCheck2012({
    dfAvailableBytes: Math.max(0, filesystemBytes - usedBeforeBytes - reservedBytes),
    oldLiveOsBytes: old.liveOsBytes,
    keptHomeBytes: home.keptHomeBytes,
    oldBootFilesBytes: old.bootFilesBytes,
    rootImageBytes: root.sizeBytes,
    rootImageUncompressed: root.uncompressed,
    osminBytes,
    bootFilesBytes: mibToBytes(image.bootFilesMib),
    scriptBytes: INSTALLER_SCRIPT_BYTES[era],
    overlaySizeMib: options.overlaySizeMib ?? 0,
    homeSizeMib: options.homeSizeMib ?? 0,
    swapSizeMib: options.swapSizeMib ?? 0,
  });
  if (!check.fits) {
    return planning.refuse(
      'no-space',
      check.scriptText,
      `The install asks for ${check.totalRequestedMib} MiB (image ${check.liveSizeMib}, overlay ${check.overlaySizeMib}, ` +
        `home ${check.homeSizeMib}, swap ${check.swapSizeMib}), but the stick can give ${check.spaceAvailableMib} MiB ` +
        `(${check.freeMib} free + ${check.toBeDeletedMib} from the old install): ${check.spaceNeededMib} MiB too much. ` +
        'Ask for a smaller overlay or home, or free space on the stick.',
      { spaceCheck: check },
    );
  }
  if (old.liveOsBytes > 0)
    planning.notice(alreadySetUpNotice(era, options.force === true, home.deletedHomeBytes));

  return assemblePlan(planning, {
    targetPartition: partition,
    formatted: format !== undefined,
    partitions,
    mbrReset,
    filesystem,
    filesystemBytes,
    otherFilesBytes: old.otherFilesBytes,
    label: labels.deviceLabel,
    overlayLabel: labels.overlayLabel,
    uuid,
    rootImage: root,
    osminBytes,
    overlay: sizes.overlay !== undefined ? { sizeBytes: sizes.overlay, kept: false } : undefined,
    home: home.home,
    swapBytes: sizes.swap,
    spaceCheck: check,
  });
}
