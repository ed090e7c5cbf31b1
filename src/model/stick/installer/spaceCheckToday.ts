// Today's space check (a8505d6 to_be_added, to_be_deleted, checkDiskSpace), in bytes:
//   tba  = overlay + home + copied home + live image (image, script, boot files) + swap
//   without --format: free = df's Avail + tbd (the old /LiveOS less a kept home.img or reset
//                     overlay, plus old boot files); available = free − tba
//   with --format:    available = partition 1 − tba − the metadata allowance
// It prints the breakdown (in MiB, rounded to the nearest) and asks whether to go on when less than
// 100 MiB would be left. Cellar goes on when the files fit and refuses when they do not.

import type { SpaceCheckToday } from './InstallPlan';
import type { FormatLayoutToday } from './formatLayout';
import { MIB_BYTES, nearestMib, padLeft } from './sizes';
import { terminalText } from './terminalText';

export interface SpaceInputsToday {
  /** The partition --format will make; undefined when not formatting. */
  format?: FormatLayoutToday;
  /** Without --format: df's Avail on the target before the install. */
  dfAvailableBytes: number;
  oldLiveOsBytes: number;
  keptHomeBytes: number;
  keptOverlayBytes: number;
  oldBootFilesBytes: number;
  liveSizeBytes: number;
  /** undefined when --overlay-size-mb was not given. */
  overlaySizeBytes?: number;
  homeSizeBytes: number;
  copyHomeSizeBytes?: number;
  swapSizeBytes?: number;
}

const ENOUGH_LEFT_BYTES = 100 * MIB_BYTES;
const PROMPT = '\n  ATTENTION:\n      Press Ctrl C to Exit.  ...To Continue anyway, press Enter.\n';

function formatAlerts(layout: FormatLayoutToday, installBytes: number): string {
  const mib = nearestMib;
  let written = '';
  if (layout.unallocatedBytes < 0) {
    written +=
      '\n  ALERT:\n' +
      `            The requested primary partition size, ${mib(layout.primaryBytes)} MiB, is ${mib(-layout.unallocatedBytes)} MiB larger than\n` +
      '            the available free space on this device.\n';
    if (layout.espBytes + layout.unallocatedBytes > 0) {
      written +=
        `\n                The --noesp option will avoid the ${mib(layout.espBytes)} MiB needed for the\n` +
        '                EFI System Partition and Apple HFS+ partition.\n';
    }
    written += '\n          Please adjust your request.\n';
  }
  if (layout.primaryBytes < installBytes) {
    written +=
      '\n  ALERT:\n' +
      `            The requested primary partition size, ${mib(layout.primaryBytes)} MiB, is ${mib(installBytes - layout.primaryBytes)} MiB smaller\n` +
      `            than the ${mib(installBytes)} MiB installation space estimated for this image.\n\n` +
      '            Please adjust your request.\n';
  }
  return written;
}

function breakdown(check: Omit<SpaceCheckToday, 'scriptText'>, inputs: SpaceInputsToday): string {
  const mib = nearestMib;
  const layout = inputs.format;
  const short = check.availableAfterBytes < 0;
  let written =
    '\n  The live image + overlay, home, & swap space, if requested,\n        \r  ' +
    (short
      ? 'may NOT fit in the space available on the target device.'
      : 'leave less than 100 MiB of available space on the primary partition.') +
    '\n\n';
  if (layout) {
    written += `    Total disk space: ${padLeft(mib(layout.deviceBytes), 12)}  MiB\n`;
    written += `  + Allocated space: ${padLeft(mib(layout.primaryBytes), 13)}  MiB\n`;
    if (layout.primaryBytes !== layout.unallocatedBytes) {
      written += `    Unallocated free space:  ${padLeft(mib(layout.unallocatedBytes + layout.tailBytes), 5)}\n`;
    }
  } else {
    written += `    Available space: ${padLeft(mib(check.spaceBytes), 13)}  MiB\n`;
    written += `    Free space shortage: ${padLeft(mib(check.availableAfterBytes), 9)}\n`;
  }
  written += '    ==============================\n';
  written += `\r    Size of live image: ${padLeft(mib(check.liveSizeBytes), 10)}  MiB\n`;
  if (inputs.overlaySizeBytes !== undefined)
    written += `    Overlay size: ${padLeft(mib(inputs.overlaySizeBytes), 16)}\n`;
  if (check.keptOverlaySizeBytes > 0)
    written += `    Overlay size: ${padLeft(mib(check.keptOverlaySizeBytes), 16)}\n`;
  if (check.homeSizeBytes > 0)
    written += `    Home filesystem size: ${padLeft(mib(check.homeSizeBytes), 8)}\n`;
  if (inputs.copyHomeSizeBytes !== undefined) {
    written += `    Copy home filesystem size: ${padLeft(mib(inputs.copyHomeSizeBytes), 3)}\n`;
  }
  if (inputs.swapSizeBytes !== undefined)
    written += `    Swap file size: ${padLeft(mib(inputs.swapSizeBytes), 14)}\n`;
  if (layout) {
    written += `    Metadata allowance: ${padLeft(mib(check.metadataAllowanceBytes), 10)}\n`;
    written += `    ==============================\n            \r    Primary Partition used: ${padLeft(mib(layout.primaryBytes - check.availableAfterBytes), 6)}\n`;
    written += `     ${short ? '   Approximate needed' : 'Approximate available'}:  ${padLeft(mib(check.availableAfterBytes), 5)}  MiB\n\n`;
    if (layout.espBytes > 0) written += `    EFI System Partition: ${padLeft(mib(layout.espBytes), 8)}\n`;
    written += `    Storage alignment gaps: ${padLeft(mib(layout.alignBytes + layout.tailBytes), 6)}\n`;
  }
  written += '    ==============================\n';
  written += `  - Total required space:  ${padLeft(mib(check.totalRequiredBytes), 7)}  MiB\n\n`;
  written += '    ==============================\n';
  const goal = short
    ? 'fit the install and about 100  MiB\n  of available space on the primary partition,'
    : 'leave about 100 MiB of available space on the primary partition,';
  written +=
    `\n  To ${goal}\n        \r  free space on the target, or adjust the\n` +
    `        \r  requested size total by:  ${padLeft(mib(check.availableAfterBytes - ENOUGH_LEFT_BYTES), 6)}  MiB\n\n`;
  return terminalText(written + PROMPT);
}

export function spaceCheckToday(inputs: SpaceInputsToday): SpaceCheckToday {
  const overlay = inputs.overlaySizeBytes ?? 0;
  const copyHome = inputs.copyHomeSizeBytes ?? 0;
  const swap = inputs.swapSizeBytes ?? 0;
  const installBytes = overlay + inputs.homeSizeBytes + copyHome + inputs.liveSizeBytes + swap;
  const layout = inputs.format;
  let spaceBytes: number;
  let availableAfterBytes: number;
  let totalRequiredBytes = installBytes;
  let metadataAllowanceBytes = 0;
  let alerts = '';
  let unallocatedShort = false;
  if (layout) {
    metadataAllowanceBytes = layout.metadataAllowanceBytes;
    alerts = formatAlerts(layout, installBytes + metadataAllowanceBytes);
    spaceBytes = layout.primaryBytes;
    availableAfterBytes = layout.primaryBytes - installBytes - metadataAllowanceBytes;
    if (layout.unallocatedBytes < 0) {
      availableAfterBytes = layout.unallocatedBytes;
      unallocatedShort = true;
    }
    totalRequiredBytes += metadataAllowanceBytes + layout.espBytes + layout.alignBytes + layout.tailBytes;
  } else {
    let toBeDeleted = 0;
    if (inputs.oldLiveOsBytes > 0)
      toBeDeleted = inputs.oldLiveOsBytes - inputs.keptHomeBytes - inputs.keptOverlayBytes;
    toBeDeleted += inputs.oldBootFilesBytes;
    spaceBytes = inputs.dfAvailableBytes + toBeDeleted;
    availableAfterBytes = spaceBytes - installBytes;
  }
  const verdict =
    availableAfterBytes < 0 || unallocatedShort
      ? 'does-not-fit'
      : availableAfterBytes < ENOUGH_LEFT_BYTES
        ? 'less-than-100-mib-left'
        : 'fits';
  const check = {
    era: 'fedora-today' as const,
    formatted: layout !== undefined,
    liveSizeBytes: inputs.liveSizeBytes,
    overlaySizeBytes: overlay,
    keptOverlaySizeBytes: layout ? 0 : inputs.keptOverlayBytes,
    homeSizeBytes: inputs.homeSizeBytes,
    copyHomeSizeBytes: copyHome,
    swapSizeBytes: swap,
    metadataAllowanceBytes,
    totalRequiredBytes,
    spaceBytes,
    availableAfterBytes,
    verdict,
  } satisfies Omit<SpaceCheckToday, 'scriptText'>;
  return {
    ...check,
    scriptText:
      alerts === '' && verdict === 'fits'
        ? ''
        : alerts + (verdict === 'fits' ? '' : breakdown(check, inputs)),
  };
}
