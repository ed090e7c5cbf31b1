// The 2012 script's space check (0d5df20), in whole MiB rounded up as du and df print them:
//   tbd      = du of the old /LiveOS, less a home.img that is kept, plus the old syslinux/ directory
//   livesize = du -c of the script, osmin.img, squashfs.img and the boot files (with --skipcompress,
//              the uncompressed image's apparent size instead of squashfs.img)
//   refuse when overlay + home + livesize + swap > df's free space + tbd, printing the breakdown.

import type { SpaceCheck2012 } from './InstallPlan';
import { ceilMib, padLeft } from './sizes';
import { terminalText } from './terminalText';

export interface SpaceInputs2012 {
  /** df's Avail on the target before the install. */
  dfAvailableBytes: number;
  /** The old /LiveOS (0 when there is none). */
  oldLiveOsBytes: number;
  /** A home.img inside it that stays (0 when there is none or --delete-home). */
  keptHomeBytes: number;
  /** The old syslinux/ directory. */
  oldBootFilesBytes: number;
  rootImageBytes: number;
  rootImageUncompressed: boolean;
  osminBytes: number;
  bootFilesBytes: number;
  scriptBytes: number;
  overlaySizeMib: number;
  homeSizeMib: number;
  swapSizeMib: number;
}

function breakdownText(check: Omit<SpaceCheck2012, 'scriptText'>): string {
  let written =
    '\n  The live image + overlay, home, & swap space, if requested,\n' +
    '        \r  will NOT fit in the space available on the target device.\n\n' +
    `        \r  + Size of live image: ${padLeft(check.liveSizeMib, 10)}  MiB\n`;
  if (check.overlaySizeMib > 0) written += `  + Overlay size: ${padLeft(check.overlaySizeMib, 16)}\n`;
  if (check.homeSizeMib > 0) written += `  + Home directory size: ${padLeft(check.homeSizeMib, 9)}\n`;
  if (check.swapSizeMib > 0) written += `  + Swap overlay size: ${padLeft(check.swapSizeMib, 11)}\n`;
  written +=
    `  = Total requested space:  ${padLeft(check.totalRequestedMib, 6)}  MiB\n` +
    `  - Space available:  ${padLeft(check.spaceAvailableMib, 12)}\n` +
    '    ==============================\n' +
    `    Space needed:  ${padLeft(check.spaceNeededMib, 15)}  MiB\n\n` +
    '  To fit the installation on this device,\n' +
    '        \r  free space on the target, or decrease the\n' +
    `        \r  requested size total by:  ${padLeft(check.spaceNeededMib, 6)}  MiB\n\n`;
  return terminalText(written);
}

export function spaceCheck2012(inputs: SpaceInputs2012): SpaceCheck2012 {
  let toBeDeletedMib = 0;
  if (inputs.oldLiveOsBytes > 0) {
    toBeDeletedMib = ceilMib(inputs.oldLiveOsBytes) - ceilMib(inputs.keptHomeBytes);
  }
  toBeDeletedMib += ceilMib(inputs.oldBootFilesBytes);
  const alongside = inputs.scriptBytes + inputs.osminBytes + inputs.bootFilesBytes;
  const liveSizeMib = inputs.rootImageUncompressed
    ? ceilMib(inputs.rootImageBytes) + ceilMib(alongside)
    : ceilMib(alongside + inputs.rootImageBytes);
  const freeMib = ceilMib(inputs.dfAvailableBytes);
  const totalRequestedMib = inputs.overlaySizeMib + inputs.homeSizeMib + liveSizeMib + inputs.swapSizeMib;
  const spaceAvailableMib = freeMib + toBeDeletedMib;
  const fits = totalRequestedMib <= spaceAvailableMib;
  const check = {
    era: 'soas-2012' as const,
    liveSizeMib,
    overlaySizeMib: inputs.overlaySizeMib,
    homeSizeMib: inputs.homeSizeMib,
    swapSizeMib: inputs.swapSizeMib,
    totalRequestedMib,
    freeMib,
    toBeDeletedMib,
    spaceAvailableMib,
    spaceNeededMib: fits ? 0 : totalRequestedMib - spaceAvailableMib,
    fits,
  };
  return { ...check, scriptText: fits ? '' : breakdownText(check) };
}
