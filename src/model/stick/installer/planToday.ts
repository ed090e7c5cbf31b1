// Today's script's run (livecd-tools a8505d6), in its order: target and --format's device rules,
// the label, the FAT limits, the root image, --format's partitions and space check, the boot flag and
// MBR, --reset-overlay, the home.img rules, the space check; then the copy.

import { DEFAULT_UUID_AFTER_FORMAT, EXT4_RESERVED_FRACTION, INSTALLER_SCRIPT_BYTES } from './assumptions';
import { assemblePlan } from './assemblePlan';
import { fatLimit, type FatLimitedFile } from './fatLimit';
import { formatLayoutToday } from './formatLayout';
import { planHome } from './homeRules';
import { alreadySetUpNotice, mbrNotice, passThroughNotice, xoConflictNotice } from './informationNotices';
import type { InstallPlan, InstallRefusal, PartitionLayout, SpaceCheckToday } from './InstallPlan';
import { planOverlayReset } from './overlayRules';
import type { Planning } from './Planning';
import { chooseRootImage } from './rootImageChoice';
import {
  bootFlagSetText,
  diskWithoutFormatText,
  formatWarningTextToday,
  notABlockDeviceText,
  partitionWithFormatText,
} from './scriptMessages';
import { mibToBytes } from './sizes';
import { spaceShortfall } from './spaceShortfall';
import { spaceCheckToday } from './spaceCheckToday';
import { targetLabel } from './targetLabel';
import { locateTarget, partitionPath } from './targetDevice';

function noSpaceMessage(check: SpaceCheckToday): string {
  const { requiredMib, availableMib, shortMib } = spaceShortfall(check);
  return (
    `The install needs about ${requiredMib} MiB but ` +
    `${check.formatted ? 'the new partition leaves' : 'the stick has'} ${availableMib} MiB: ` +
    `about ${shortMib} MiB short. The script asks whether to go on anyway, but the ` +
    'copy would run out of space. Ask for a smaller overlay or home, or free space on the stick.'
  );
}

const LITTLE_LEFT =
  'Less than 100 MiB would be left on the stick. The script shows its figures and asks whether to go on; the plan goes on.';

export function planToday(planning: Planning): InstallPlan | InstallRefusal {
  const era = 'fedora-today';
  const { options, request } = planning;
  const { stick, image, command } = request;
  const disk = stick.devicePath;
  const partition = partitionPath(disk, 1);
  const format = options.format;

  const located = locateTarget(command.target, disk);
  if (located === 'absent') {
    return planning.refuse(
      'not-a-block-device',
      notABlockDeviceText(era, command.target),
      `There is no ${command.target} on this computer: the stick is ${disk}, and its partition is ${partition}.`,
    );
  }
  if (format !== undefined && located === 'partition') {
    return planning.refuse(
      'partition-with-format',
      partitionWithFormatText(command.target, disk),
      `--format (which today's --msdos also asks for) repartitions the whole stick, so give the whole device, ` +
        `${disk}, rather than its partition ${command.target}.`,
    );
  }
  if (format === undefined && located === 'disk') {
    return planning.refuse(
      'not-a-partition',
      diskWithoutFormatText(command.target, partition),
      `Give the stick's partition, ${partition}, not the whole device ${command.target} (only --format takes the whole device).`,
    );
  }
  for (const notice of [passThroughNotice(options), xoConflictNotice(options)])
    if (notice) planning.notice(notice);

  const filesystem = format?.filesystem ?? stick.filesystem;
  const existingOverlayMib = format === undefined ? stick.overlayMib : undefined;
  const labels = targetLabel({
    era,
    stickLabel: stick.label,
    optionLabel: options.label,
    formatted: format !== undefined,
    filesystem,
    overlayNamed:
      options.overlaySizeMib !== undefined ||
      (options.resetOverlay === true && (existingOverlayMib ?? 0) > 0),
    overlaySizeGiven: options.overlaySizeMib !== undefined,
    partition,
  });

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
    if (what === 'overlay') {
      labels.notices.filter((n) => n.code === 'label-whitespace').forEach((n) => planning.notice(n));
    }
  }

  const root = chooseRootImage(era, filesystem, image, options.skipCompress ?? options.xo === true);
  root.notices.forEach((notice) => planning.notice(notice));
  if (!root.copied) return planning.refuse('file-too-large', root.scriptText, root.message);
  const liveSizeBytes = root.sizeBytes + INSTALLER_SCRIPT_BYTES[era] + mibToBytes(image.bootFilesMib);
  const copyHomeSizeBytes = options.copyHome && image.homeImg ? mibToBytes(image.homeImg.sizeMib) : undefined;

  const capacityBytes = mibToBytes(stick.capacityMib);
  let filesystemBytes = mibToBytes(stick.filesystemMib);
  let uuid = stick.uuid;
  let partitions: PartitionLayout | undefined;
  let check: SpaceCheckToday | undefined;
  const old = {
    liveOsBytes: format === undefined ? mibToBytes(stick.liveOsMib) : 0,
    bootFilesBytes: format === undefined ? mibToBytes(stick.bootFilesMib) : 0,
    otherFilesBytes: format === undefined ? mibToBytes(stick.otherFilesMib) : 0,
  };
  const requested = {
    liveSizeBytes,
    overlaySizeBytes: sizes.overlay,
    homeSizeBytes: sizes.home ?? 0,
    copyHomeSizeBytes,
    swapSizeBytes: sizes.swap,
  };
  if (format !== undefined) {
    const efiBootBytes = image.efiBootImgMib !== undefined ? mibToBytes(image.efiBootImgMib) : undefined;
    const layout = formatLayoutToday(
      capacityBytes,
      filesystem,
      format.sizeMib,
      efiBootBytes,
      options.noEsp === true,
    );
    check = spaceCheckToday({
      format: layout,
      dfAvailableBytes: 0,
      oldLiveOsBytes: 0,
      keptHomeBytes: 0,
      keptOverlayBytes: 0,
      oldBootFilesBytes: 0,
      ...requested,
    });
    if (check.verdict === 'does-not-fit')
      return planning.refuse('no-space', check.scriptText, noSpaceMessage(check), { spaceCheck: check });
    if (check.verdict === 'less-than-100-mib-left') {
      planning.notice({ code: 'little-space-left', scriptText: check.scriptText, message: LITTLE_LEFT });
    }
    planning.notice({
      code: 'format-destroys-data',
      scriptText: formatWarningTextToday(disk),
      message: `--format wipes all of ${disk}, the learner's own files too, and makes a new ${filesystem} partition.`,
    });
    filesystemBytes = layout.filesystemBytes;
    uuid = request.uuidAfterFormat ?? DEFAULT_UUID_AFTER_FORMAT[filesystem];
    partitions = {
      primaryBytes: layout.primaryBytes,
      espBytes: layout.espBytes,
      unusedBytes: capacityBytes - layout.primaryBytes - layout.espBytes,
    };
  } else if (stick.bootFlag === false) {
    planning.notice({
      code: 'boot-flag-set',
      scriptText: bootFlagSetText(partition),
      message: `${partition} was not marked bootable; the script sets the flag.`,
    });
  }
  const mbrReset = options.resetMbr === true || format !== undefined;
  if (mbrReset) planning.notice(mbrNotice(disk, format !== undefined));
  labels.notices.filter((n) => n.code !== 'label-whitespace').forEach((n) => planning.notice(n));

  const reset = planOverlayReset(
    options.resetOverlay === true,
    options.overlaySizeMib !== undefined,
    existingOverlayMib,
  );
  if (!reset.allowed) return planning.refuse('reset-and-new-overlay', reset.scriptText, reset.message);
  reset.notices.forEach((notice) => planning.notice(notice));

  const home = planHome({
    era,
    options,
    existing: format === undefined ? stick.homeImg : undefined,
    image,
    newHomeBytes: sizes.home,
  });
  home.notices.forEach((notice) => planning.notice(notice));
  if (!home.allowed) return planning.refuse(home.code, home.scriptText, home.message);

  if (check === undefined) {
    const reservedBytes = filesystem === 'ext4' ? Math.floor(filesystemBytes * EXT4_RESERVED_FRACTION) : 0;
    const usedBeforeBytes = old.liveOsBytes + old.bootFilesBytes + old.otherFilesBytes;
    check = spaceCheckToday({
      dfAvailableBytes: Math.max(0, filesystemBytes - usedBeforeBytes - reservedBytes),
      oldLiveOsBytes: old.liveOsBytes,
      keptHomeBytes: home.keptHomeBytes,
      keptOverlayBytes: reset.keptOverlayBytes,
      oldBootFilesBytes: old.bootFilesBytes,
      ...requested,
    });
    if (check.verdict === 'does-not-fit')
      return planning.refuse('no-space', check.scriptText, noSpaceMessage(check), { spaceCheck: check });
    if (check.verdict === 'less-than-100-mib-left') {
      planning.notice({ code: 'little-space-left', scriptText: check.scriptText, message: LITTLE_LEFT });
    }
  }
  if (old.liveOsBytes > 0)
    planning.notice(alreadySetUpNotice(era, options.force === true, home.deletedHomeBytes));

  let overlay: { sizeBytes: number; kept: boolean } | undefined;
  if (sizes.overlay !== undefined) overlay = { sizeBytes: sizes.overlay, kept: false };
  else if (reset.keptOverlayBytes > 0) overlay = { sizeBytes: reset.keptOverlayBytes, kept: true };

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
    osminBytes: 0,
    overlay,
    home: home.home,
    swapBytes: sizes.swap,
    spaceCheck: check,
    uncheckedHomeBytes:
      home.home?.origin === 'copied' && copyHomeSizeBytes === undefined ? home.home.sizeBytes : 0,
  });
}
