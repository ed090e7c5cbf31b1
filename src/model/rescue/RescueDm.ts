// The rescue machine's device-mapper devices: `dmsetup create NAME --table "0 N snapshot ORIGIN COW P 8"`
// over its loop devices, as the Sugar Labs recovery registers the stick's root image and overlay. Only
// the snapshot target is offered (the one the recovery needs); the table names the loop devices it was
// given, so `dmsetup table` prints them back as the kernel does (major:minor).

import { OriginDevice } from '../block/BlockDevice';
import { formatDmLine, snapshotStatusLine } from '../dm/dmsetupFormat';
import { SnapshotTarget } from '../dm/SnapshotTarget';
import { LOOP_MAJOR, loopMinor, type LoopDevice, type LoopDevices } from './LoopDevices';

export interface RescueDmDevice {
  name: string;
  minor: number;
  readOnly: boolean;
  target: SnapshotTarget;
  originLoop: LoopDevice;
  cowLoop: LoopDevice;
  /** Where it is mounted, if it is. */
  mountedOn: string | null;
}

/** Why a `dmsetup` request fails: the ioctl's errno, as libdevmapper reports it. */
export type DmFailure = { ok: false; error: 'EINVAL' | 'EBUSY' | 'ENXIO' | 'ENODEV'; kernelMessage?: string };

export class RescueDm {
  private readonly devices: RescueDmDevice[] = [];

  constructor(private readonly loops: LoopDevices) {}

  find(name: string): RescueDmDevice | undefined {
    return this.devices.find((d) => d.name === name);
  }

  /** By name, as dmsetup lists them. */
  list(): RescueDmDevice[] {
    return [...this.devices].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Whether a loop device is held by a dm device (then it cannot be detached). */
  holds(minor: number): boolean {
    return this.devices.some((d) => d.originLoop.minor === minor || d.cowLoop.minor === minor);
  }

  create(name: string, table: string, readOnly: boolean): { ok: true; device: RescueDmDevice } | DmFailure {
    if (this.find(name)) return { ok: false, error: 'EBUSY' };
    const words = table.trim().split(/\s+/);
    const [start, length, targetType, originName, cowName, store, chunk] = words;
    if (words.length !== 7 || start !== '0' || targetType !== 'snapshot' || !/^\d+$/.test(length ?? '')) {
      return invalid(
        `snapshot: ${targetType === 'snapshot' ? 'requires exactly 4 arguments' : 'unknown target type'}`,
      );
    }
    const originLoop = this.loopNamed(originName!);
    const cowLoop = this.loopNamed(cowName!);
    if (!originLoop || !cowLoop) return invalid('snapshot: Cannot get origin device');
    if (Number(length) > originLoop.sizeSectors) {
      return invalid(
        `snapshot: ${LOOP_MAJOR}:${originLoop.minor} too small for target: start=0, len=${length}, dev_size=${originLoop.sizeSectors}`,
      );
    }
    if (cowLoop.source.kind !== 'bytes') return invalid('snapshot: Failed to read snapshot metadata');
    if (!readOnly && cowLoop.readOnly)
      return { ok: false, error: 'EINVAL', kernelMessage: 'snapshot: Cannot get COW device' };
    const chunkSectors = Number(chunk);
    if (!Number.isInteger(chunkSectors) || chunkSectors < 1) return invalid('snapshot: Invalid chunk size');
    const made = SnapshotTarget.create({
      origin: new OriginDevice(Number(length), { major: LOOP_MAJOR, minor: originLoop.minor }),
      cow: cowLoop.source.cow,
      store: store!,
      chunkSectors,
      readOnly,
    });
    if (!made.ok) return invalid(`snapshot: ${made.message}`);
    const minor = this.devices.length === 0 ? 0 : Math.max(...this.devices.map((d) => d.minor)) + 1;
    const device = { name, minor, readOnly, target: made.target, originLoop, cowLoop, mountedOn: null };
    this.devices.push(device);
    return { ok: true, device };
  }

  remove(name: string): { ok: true } | DmFailure {
    const device = this.find(name);
    if (!device) return { ok: false, error: 'ENXIO' };
    if (device.mountedOn !== null) return { ok: false, error: 'EBUSY' };
    device.target.remove();
    this.devices.splice(this.devices.indexOf(device), 1);
    return { ok: true };
  }

  statusLine(device: RescueDmDevice, named: boolean): string {
    return snapshotStatusLine(device.target, named ? device.name : undefined);
  }

  tableLine(device: RescueDmDevice, named: boolean): string {
    const { target } = device;
    return formatDmLine({
      name: named ? device.name : undefined,
      start: 0,
      length: target.lengthSectors,
      target: 'snapshot',
      params: `${LOOP_MAJOR}:${device.originLoop.minor} ${LOOP_MAJOR}:${device.cowLoop.minor} ${target.store.type} ${target.store.chunkSectors}`,
    });
  }

  /** Every device removed, the last made first (the machine is switched off). */
  removeAll(): void {
    for (const device of [...this.devices].reverse()) device.target.remove();
    this.devices.length = 0;
  }

  /** A table names a device as /dev/loopN or as 7:N. */
  private loopNamed(text: string): LoopDevice | undefined {
    const byNumber = /^7:(\d+)$/.exec(text);
    const minor = byNumber ? Number(byNumber[1]) : loopMinor(text);
    return minor === null ? undefined : this.loops.get(minor);
  }
}

function invalid(kernelMessage: string): DmFailure {
  return { ok: false, error: 'EINVAL', kernelMessage };
}
