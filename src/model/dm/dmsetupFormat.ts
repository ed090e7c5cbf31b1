// The lines `dmsetup status` and `dmsetup table` print, byte for byte. dmsetup prints
// "<start> <length> <target> <params>" (a space before params even when they are empty, as for
// snapshot-origin's status), with "<name>: " in front when it lists several devices.

import { formatDeviceNumber, type DeviceNumber } from '../block/BlockDevice';
import type { SnapshotStatus, SnapshotTarget } from './SnapshotTarget';

export interface DmLine {
  /** Present only in multi-device listings. */
  name?: string;
  start: number;
  length: number;
  target: string;
  params: string;
}

export function formatDmLine({ name, start, length, target, params }: DmLine): string {
  return `${name === undefined ? '' : `${name}: `}${start} ${length} ${target} ${params}`;
}

/** snapshot_status, STATUSTYPE_INFO: the first of Invalid, Overflow, or the usage figures. */
export function snapshotStatusParams(status: SnapshotStatus): string {
  if (status.state !== 'Valid') return status.state;
  return usageParams(status.sectorsAllocated, status.totalSectors, status.metadataSectors);
}

/** The usage figures, "allocated/total metadata"; kernels before 2.6.33 printed no metadata figure. */
export function usageParams(allocated: number, total: number, metadata: number | null): string {
  return `${allocated}/${total}${metadata === null ? '' : ` ${metadata}`}`;
}

export function snapshotStatusLine(target: SnapshotTarget, name?: string): string {
  return formatDmLine({
    name,
    start: 0,
    length: target.lengthSectors,
    target: 'snapshot',
    params: snapshotStatusParams(target.status()),
  });
}

/** snapshot_status, STATUSTYPE_TABLE: origin, COW, then the store's own "P 8" / "PO 8" / "N 8". */
export function snapshotTableLine(target: SnapshotTarget, name?: string): string {
  const params = [
    formatDeviceNumber(target.origin.deviceNumber),
    formatDeviceNumber(target.cow.deviceNumber),
    target.store.type,
    String(target.store.chunkSectors),
  ].join(' ');
  return formatDmLine({ name, start: 0, length: target.lengthSectors, target: 'snapshot', params });
}

/** A snapshot-origin device has no status of its own: its line ends after the target name and a space. */
export function originStatusLine(lengthSectors: number, name?: string): string {
  return formatDmLine({ name, start: 0, length: lengthSectors, target: 'snapshot-origin', params: '' });
}

export function originTableLine(lengthSectors: number, origin: DeviceNumber, name?: string): string {
  return formatDmLine({
    name,
    start: 0,
    length: lengthSectors,
    target: 'snapshot-origin',
    params: formatDeviceNumber(origin),
  });
}
