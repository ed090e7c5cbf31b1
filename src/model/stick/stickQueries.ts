// What the stick shows without changing anything: the boot's log, the dm devices' `dmsetup` lines, the
// mounts, the usage the views draw, and which store a path costs (whereIs).

import { bootFilesBytes } from './bootFiles';
import type { BootLogLine } from './bootTexts';
import { ExtVolume } from './ExtVolume';
import { LOCKED_HOME_NOTE } from './luksHome';
import { mountFacts, type Mount, type PathPlace } from './MountTable';
import { failed, type StickErrorCode } from './stickOutcome';
import { isWithin, normalizePath } from './stickPaths';
import type { StickState } from './stickState';
import { summarizeUsage, type StickUsage } from './usageSummary';

/** whereIs's answer: the store a path costs, and a note when /home is the overlay's because home.img is locked. */
export type WhereIsAnswer =
  (PathPlace & { homeLocked?: boolean; note?: string }) | { ok: false; error: StickErrorCode };

export function bootLog(state: StickState): BootLogLine[] {
  return state.system ? state.system.log.slice(0, state.system.bootLineCount) : [];
}

export function log(state: StickState): BootLogLine[] {
  return state.system ? [...state.system.log] : [];
}

export function dmsetupStatus(state: StickState, name?: string): string[] {
  return state.system?.dm.statusLines(name) ?? [];
}

export function dmsetupTable(state: StickState, name?: string): string[] {
  return state.system?.dm.tableLines(name) ?? [];
}

export function dmDevices(
  state: StickState,
): { name: string; major: number; minor: number; readOnly: boolean; target: string }[] {
  return (state.system?.dm.list() ?? []).map((d) => ({
    name: d.name,
    major: d.number.major,
    minor: d.number.minor,
    readOnly: d.readOnly,
    target: d.kind,
  }));
}

export function mounts(state: StickState): readonly Omit<Mount, 'volume'>[] {
  return (state.system?.mounts.list() ?? []).map(mountFacts);
}

export function usage(state: StickState): StickUsage {
  return summarizeUsage(state.media, state.system, state.overlayWhenOff, bootFilesBytes(state.media.era.id));
}

export function whereIs(state: StickState, path: string): WhereIsAnswer {
  const normal = normalizePath(path);
  if (!normal.ok) return normal;
  if (!state.system) return failed('ENODEV');
  const place = state.system.mounts.place(normal.value);
  if (!place) return failed('EIO');
  if (state.system.homeState === 'locked' && isWithin(normal.value, '/home') && place.mountPoint === '/') {
    return { ...place, homeLocked: true, note: LOCKED_HOME_NOTE };
  }
  return place;
}

export function blockBytesAt(state: StickState, path: string): number {
  const normal = normalizePath(path);
  const mount = normal.ok ? state.system?.mounts.owner(normal.value) : undefined;
  if (!mount) return 4096;
  if (mount.volume instanceof ExtVolume) return mount.volume.blockSizeBytes;
  return mount.store === 'device' ? state.media.device.allocationUnitBytes : 4096;
}
