// The stick's own filesystem as the plan asks for it: vfat as a factory stick (or `--format --msdos`)
// has it, made by the era's mkfs.fat, or ext4 as livecd-iso-to-disk's `--format` makes it — 2012
// (0d5df20 createMSDOSLayout): `mkfs.ext4 -L LIVE $TGTDEV`; today (a8505d6 mkfs_config): `mkfs.ext4 -j -F
// -L <label>` on the new partition. Both make the same layout (-j is ext4's default; -F and -L move no
// block), which the geometry of fs/geometry gives. The extlinux 3 case (ext3) is not modelled.

import { ModelError } from '../errors';
import type { DeviceFilesystem, DeviceFilesystemKind } from '../store/DeviceFilesystem';
import { Ext4Device } from '../store/Ext4Device';
import { fatRulesForEra } from '../store/fatGeometry';
import { Vfat } from '../store/Vfat';
import type { EraId } from './eras';
import type { ResolvedStickPlan } from './stickPlan';

/** The mkfs.ext4 command `--format` runs on the stick's partition in an era. */
export function stickMkfsCommand(era: EraId, label: string, partition: string): string {
  return `mkfs.ext4 ${era === 'soas-2012' ? '' : '-j -F '}-L ${label} ${partition}`;
}

function deviceMkfsCommand(plan: ResolvedStickPlan): string {
  return stickMkfsCommand(plan.era.id, plan.label, plan.devicePath);
}

/** df's size of the filesystem `--format` makes on a partition of `partitionBytes`; 0 when mkfs refuses it. */
export function formattedFilesBytes(
  era: EraId,
  filesystem: DeviceFilesystemKind,
  partitionBytes: number,
): number {
  try {
    const made =
      filesystem === 'ext4'
        ? new Ext4Device({
            partitionBytes,
            mkfsCommand: stickMkfsCommand(era, 'LIVE', '/dev/sdb1'),
            label: 'LIVE',
          })
        : new Vfat({ partitionBytes, rules: fatRulesForEra(era), label: 'LIVE' });
    return made.capacityBytes;
  } catch (error) {
    if (error instanceof ModelError) return 0;
    throw error;
  }
}

/** The plan's filesystem, empty; throws ModelError when mkfs cannot format the partition. */
export function makeDeviceFilesystem(plan: ResolvedStickPlan): DeviceFilesystem {
  if (plan.deviceFilesystem === 'ext4') {
    return new Ext4Device({
      partitionBytes: plan.partitionBytes,
      mkfsCommand: deviceMkfsCommand(plan),
      label: plan.label || null,
    });
  }
  return new Vfat({
    partitionBytes: plan.partitionBytes,
    rules: fatRulesForEra(plan.era.id),
    label: plan.label || null,
  });
}

/** A saved device filesystem of either kind; throws ModelError naming what is wrong with it. */
export function restoreDeviceFilesystem(state: unknown): DeviceFilesystem {
  const kind = typeof state === 'object' && state !== null ? (state as { kind?: unknown }).kind : undefined;
  if (kind === 'ext4') return Ext4Device.restore(state);
  if (kind === 'vfat') return Vfat.restore(state);
  throw new ModelError('EINVAL', 'the saved device filesystem is neither vfat nor ext4');
}

/** Whether a restored filesystem is the one the plan makes (its kind, size, mkfs and label). */
export function deviceMatchesPlan(device: DeviceFilesystem, plan: ResolvedStickPlan): string | null {
  if (device.kind !== plan.deviceFilesystem)
    return `is ${device.kind}, but the plan says ${plan.deviceFilesystem}`;
  if (device.label !== (plan.label || null)) return 'has another label than the plan';
  if (device instanceof Vfat) {
    if (device.geometry.partitionBytes !== plan.partitionBytes)
      return 'does not fill the partition the plan gives';
    if (device.geometry.rules !== fatRulesForEra(plan.era.id))
      return `was not formatted as ${plan.era.label} formats`;
  } else if (device instanceof Ext4Device) {
    if (device.partitionBytes !== plan.partitionBytes) return 'does not fill the partition the plan gives';
    if (device.mkfsCommand !== deviceMkfsCommand(plan))
      return `was not formatted as ${plan.era.label} formats`;
  }
  return null;
}
