// Reads the target word (/dev/sdb1, /dev/mmcblk0p1, /dev/sdb) into the disk and partition it names,
// and whether that is the simulated stick: the only removable device in the simulation.

export interface DevicePath {
  /** '/dev/sdb' */
  disk: string;
  /** 1 for '/dev/sdb1', undefined for the whole disk '/dev/sdb'. */
  partition?: number;
}

const LETTERED = /^(\/dev\/(?:sd|vd|hd|xvd)[a-z]+)([1-9][0-9]*)?$/;
const NUMBERED = /^(\/dev\/(?:mmcblk|loop|nvme[0-9]+n)[0-9]+)(?:p([1-9][0-9]*))?$/;

export function readDevicePath(path: string): DevicePath | undefined {
  const match = LETTERED.exec(path) ?? NUMBERED.exec(path);
  if (!match) return undefined;
  return match[2] === undefined ? { disk: match[1] } : { disk: match[1], partition: Number(match[2]) };
}

/** The name of a disk's partition: a 'p' goes between a disk name ending in a digit and the number. */
export function partitionPath(disk: string, partition: number): string {
  return /[0-9]$/.test(disk) ? `${disk}p${partition}` : `${disk}${partition}`;
}

/**
 * Where the target points on the simulated machine: the stick's disk, its first partition, or
 * nothing that exists (any other device, or a partition the stick does not have).
 */
export function locateTarget(target: string, stickDisk: string): 'disk' | 'partition' | 'absent' {
  const device = readDevicePath(target);
  if (!device || device.disk !== stickDisk) return 'absent';
  if (device.partition === undefined) return 'disk';
  return device.partition === 1 ? 'partition' : 'absent';
}
