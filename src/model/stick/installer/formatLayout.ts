// The partitions --format makes, and the space their new filesystem offers.
//
// 2012 (create*Layout): an msdos label and one partition from 1 MB to the device size less 2 MB, in
// parted's decimal MB ("p1_size = dev_size - 3", after commit 98986b7 "Add 2MB slop").
// Today (the --format block before createFSLayout): the device is cut into 4 MiB alignment units
// (OPT-IO, or 4 MiB when the device reports ≤ 512 bytes); an EFI System Partition is sized from
// images/efiboot.img (100 MiB when the image has none; none with --noesp); partition 1 gets the rest,
// or the size asked for, rounded down to 4 MiB.
// Neither version knows what mkfs will take for metadata: today's script allows 1/32 for ext4 and 1/512
// for vfat in its space check. The space left for files is what mkfs really makes of the partition
// (mkfs.ext4's geometry, mkfs.fat's clusters: stick/deviceFilesystem.ts), as df shows it after the
// format.

import { formattedFilesBytes } from '../deviceFilesystem';
import type { EraId } from '../eras';
import { METADATA_ALLOWANCE_SHIFT } from './assumptions';
import type { StickFilesystem } from './InstallRequest';
import { MIB_BYTES } from './sizes';

const MB = 1_000_000;

export interface FormatLayout2012 {
  /** Partition 1; ≤ 0 when the device is too small (the script then stops). */
  primaryBytes: number;
  /** How many MB too small the device is (0 when it is big enough). */
  shortMb: number;
  metadataBytes: number;
  /** df's size of the new filesystem. */
  filesystemBytes: number;
}

export function formatLayout2012(deviceBytes: number, filesystem: StickFilesystem): FormatLayout2012 {
  const deviceMb = Math.round(deviceBytes / MB);
  const primaryMb = deviceMb - 3;
  const primaryBytes = primaryMb * MB;
  const metadataBytes = Math.max(0, Math.floor(primaryBytes / 2 ** METADATA_ALLOWANCE_SHIFT[filesystem]));
  return {
    primaryBytes,
    shortMb: primaryMb > 0 ? 0 : -primaryMb,
    metadataBytes,
    filesystemBytes: madeFilesBytes('soas-2012', filesystem, primaryBytes),
  };
}

/** What mkfs makes of a partition (nothing of one too small to format). */
function madeFilesBytes(era: EraId, filesystem: StickFilesystem, primaryBytes: number): number {
  return primaryBytes > 0 ? formattedFilesBytes(era, filesystem, primaryBytes) : 0;
}

export interface FormatLayoutToday {
  deviceBytes: number;
  /** `oio`: the alignment unit, 4 MiB. */
  alignBytes: number;
  /** `z`: the device's tail past the last whole unit, at least 2 MiB. */
  tailBytes: number;
  /** `p2s`: the EFI System Partition (0 with --noesp). */
  espBytes: number;
  /** `format`: partition 1, a multiple of 4 MiB. */
  primaryBytes: number;
  /** `free`: what is left unpartitioned after partition 1 (negative when it asks for too much). */
  unallocatedBytes: number;
  /** `m`: the metadata allowance. */
  metadataAllowanceBytes: number;
  /** df's size of the new filesystem. */
  filesystemBytes: number;
}

export function formatLayoutToday(
  deviceBytes: number,
  filesystem: StickFilesystem,
  requestedMib: number | undefined,
  efiBootImageBytes: number | undefined,
  noEsp: boolean,
): FormatLayoutToday {
  const alignBytes = 4 * MIB_BYTES;
  let tailBytes = deviceBytes % alignBytes;
  if (tailBytes < 2 * MIB_BYTES) tailBytes += alignBytes;
  let espBytes = 0;
  if (!noEsp) {
    espBytes = efiBootImageBytes !== undefined && efiBootImageBytes > 0 ? efiBootImageBytes : 100 * MIB_BYTES;
    if (alignBytes - (espBytes % alignBytes) < MIB_BYTES) espBytes += MIB_BYTES;
    espBytes = (Math.floor(espBytes / alignBytes) + 1) * alignBytes;
  }
  let unallocatedBytes = deviceBytes - (alignBytes + tailBytes + espBytes);
  let primaryBytes = unallocatedBytes;
  if (requestedMib !== undefined) {
    primaryBytes = requestedMib * MIB_BYTES;
    unallocatedBytes -= primaryBytes;
  }
  primaryBytes = Math.trunc(primaryBytes / alignBytes) * alignBytes;
  const metadataAllowanceBytes = Math.floor(primaryBytes / 2 ** METADATA_ALLOWANCE_SHIFT[filesystem]);
  return {
    deviceBytes,
    alignBytes,
    tailBytes,
    espBytes,
    primaryBytes,
    unallocatedBytes,
    metadataAllowanceBytes,
    filesystemBytes: madeFilesBytes('fedora-today', filesystem, primaryBytes),
  };
}
