// The device-mapper devices a booted stick has (live-rw, and live-base today or live-osimg-min in 2012;
// EncHome once an encrypted home.img is opened), with the lines `dmsetup status` and `dmsetup table` print for them: the name prefix appears when
// several devices are listed, as dmsetup prints them, sorted by name.

import type { DeviceNumber } from '../block/BlockDevice';
import { formatDeviceNumber } from '../block/BlockDevice';
import { formatDmLine, snapshotStatusLine, snapshotTableLine } from '../dm/dmsetupFormat';
import type { SnapshotTarget } from '../dm/SnapshotTarget';

/** device-mapper's usual block major. */
export const DM_MAJOR = 253;

export type DmDevice =
  | { name: string; number: DeviceNumber; kind: 'snapshot'; readOnly: boolean; target: SnapshotTarget }
  | {
      name: string;
      number: DeviceNumber;
      kind: 'linear';
      readOnly: boolean;
      lengthSectors: number;
      of: DeviceNumber;
    }
  | {
      name: string;
      number: DeviceNumber;
      kind: 'crypt';
      readOnly: boolean;
      lengthSectors: number;
      /** The loop device over home.img. */
      of: DeviceNumber;
      cipher: string;
      keyBytes: number;
      /** Where the encrypted data starts: the LUKS header's size, in sectors. */
      offsetSectors: number;
    };

export class DmDevices {
  private readonly devices: DmDevice[] = [];

  /** The number the next `dmsetup create` gets: dm-0, dm-1, … in creation order. */
  nextNumber(): DeviceNumber {
    return {
      major: DM_MAJOR,
      minor: this.devices.length === 0 ? 0 : Math.max(...this.devices.map((d) => d.number.minor)) + 1,
    };
  }

  add(device: DmDevice): void {
    this.devices.push(device);
  }

  find(name: string): DmDevice | undefined {
    return this.devices.find((d) => d.name === name);
  }

  /** Every device, by name (as `dmsetup ls`, `status` and `table` list them). */
  list(): DmDevice[] {
    return [...this.devices].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** `dmsetup status` (all devices, named) or `dmsetup status <name>` (one, unnamed). */
  statusLines(name?: string): string[] {
    if (name !== undefined) {
      const device = this.find(name);
      return device ? [statusLine(device)] : [];
    }
    return this.list().map((d) => statusLine(d, d.name));
  }

  tableLines(name?: string): string[] {
    if (name !== undefined) {
      const device = this.find(name);
      return device ? [tableLine(device)] : [];
    }
    return this.list().map((d) => tableLine(d, d.name));
  }

  /** `dmsetup remove` of every device, the last made first; a snapshot's metadata reaches its COW. */
  removeAll(): void {
    for (const device of [...this.devices].reverse()) {
      if (device.kind === 'snapshot') device.target.remove();
    }
    this.devices.length = 0;
  }
}

function statusLine(device: DmDevice, name?: string): string {
  if (device.kind === 'snapshot') return snapshotStatusLine(device.target, name);
  // Neither linear nor crypt reports anything in its status.
  return formatDmLine({ name, start: 0, length: device.lengthSectors, target: device.kind, params: '' });
}

function tableLine(device: DmDevice, name?: string): string {
  if (device.kind === 'snapshot') return snapshotTableLine(device.target, name);
  if (device.kind === 'crypt') {
    // dmsetup prints the key as zeros unless asked for --showkeys.
    const key = '0'.repeat(device.keyBytes * 2);
    return formatDmLine({
      name,
      start: 0,
      length: device.lengthSectors,
      target: 'crypt',
      params: `${device.cipher} ${key} 0 ${formatDeviceNumber(device.of)} ${device.offsetSectors}`,
    });
  }
  return formatDmLine({
    name,
    start: 0,
    length: device.lengthSectors,
    target: 'linear',
    params: `${formatDeviceNumber(device.of)} 0`,
  });
}
