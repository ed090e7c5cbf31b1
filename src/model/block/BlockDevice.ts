// A block device as device-mapper sees it: a size in sectors and a `major:minor` number for table lines.

export interface DeviceNumber {
  major: number;
  minor: number;
}

export function formatDeviceNumber({ major, minor }: DeviceNumber): string {
  return `${major}:${minor}`;
}

/** The read-only origin (the squashed root filesystem image on a loop device). Its contents are not modelled. */
export class OriginDevice {
  constructor(
    readonly sizeSectors: number,
    readonly deviceNumber: DeviceNumber = { major: 7, minor: 0 },
  ) {}
}
