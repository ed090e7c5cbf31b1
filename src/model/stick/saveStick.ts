// Writing a stick as a `cellar-stick/v2` document (stickDocument.ts): every part saved by its own saver
// (Vfat, SquashfsImage, ExtFs, Tmpfs), the COW devices as the pages ever written. The base image is
// saved once: a root still identical to it is written as "base". Nothing the document holds is shared
// with the stick, so changing one never changes the other.

import { bytesToBase64 } from '../block/base64';
import type { CowDevice } from '../block/CowDevice';
import type { ExtVolume } from './ExtVolume';
import type { LiveSystem } from './LiveSystem';
import type { StickMedia } from './StickMedia';
import {
  STICK_SCHEMA,
  type SavedCow,
  type SavedDmName,
  type SavedExtVolume,
  type SavedPlan,
  type SavedSystem,
  type StickDocument,
} from './stickDocument';
import { FAT_TRIMMED_4096_BYTES, type ResolvedStickPlan } from './stickPlan';
import type { StickParts } from './stickState';
import { mountFacts } from './MountTable';
import { TmpfsVolume } from './TmpfsVolume';

const MIB = 1024 * 1024;

export function saveStick({ media, system, clockMs, overlayWhenOff }: StickParts): StickDocument {
  const volume = (v: ExtVolume): SavedExtVolume | 'base' => {
    const fs = v.fs.save();
    const pending = v.pendingWrites();
    return pending.length === 0 && sameJson(fs, media.baseState) ? 'base' : { fs, pending };
  };
  return {
    schema: STICK_SCHEMA,
    plan: savePlan(media.plan),
    clockMs,
    device: media.device.save() as StickDocument['device'],
    base: { squashfs: media.squashfs.save(), root: structuredClone(media.baseState) },
    overlay: media.overlay
      ? {
          ...saveCow(media.overlay.cow),
          whenOff: overlayWhenOff && {
            usage: { ...overlayWhenOff.usage },
            chunkSectors: overlayWhenOff.chunkSectors,
          },
        }
      : null,
    root: media.persistentRoot ? volume(media.persistentRoot) : null,
    home: media.home ? { fs: media.home.volume.fs.save(), pending: media.home.volume.pendingWrites() } : null,
    ramFolders: [...media.ramFolders],
    journalEntriesSaved: media.journalEntriesSaved,
    system: system && saveSystem(system, media, volume),
  };
}

function saveSystem(
  system: LiveSystem,
  media: StickMedia,
  volume: (v: ExtVolume) => SavedExtVolume | 'base',
): SavedSystem {
  const liveRw = system.liveRw;
  const usage = system.overlayUsage();
  return {
    state: system.state,
    rootState: system.rootState,
    overlayKind: system.overlayKind,
    homeState: system.homeState,
    devices: system.dm
      .list()
      .sort((a, b) => a.number.minor - b.number.minor)
      .map((d) => ({ name: d.name as SavedDmName, minor: d.number.minor })),
    liveRw:
      liveRw && usage
        ? {
            valid: liveRw.valid,
            overflowed: liveRw.overflowed,
            usage: { ...usage },
            ramCow: liveRw.cow === media.overlay?.cow ? null : saveCow(liveRw.cow),
          }
        : null,
    root: !system.root ? null : system.root === media.persistentRoot ? 'persistent' : volume(system.root),
    mounts: system.mounts.list().map((m) => ({
      ...mountFacts(m),
      ...(m.volume instanceof TmpfsVolume ? { tmpfs: m.volume.tmpfs.save() } : {}),
    })),
    log: system.log.map((line) => ({ ...line })),
    bootLineCount: system.bootLineCount,
    statusAtCreate: system.statusAtCreate,
    chunksAtCreate: system.chunksAtCreate,
    failedRootWrites: system.rootSink.failedWrites,
  };
}

/** The plan as given: sizes back in MiB (4 GiB − 512 B was asked for as 4096). */
export function savePlan(plan: ResolvedStickPlan): SavedPlan {
  const mib = (bytes: number | null) =>
    bytes === null ? null : bytes === FAT_TRIMMED_4096_BYTES ? 4096 : bytes / MIB;
  return {
    era: plan.era.id,
    capacityBytes: plan.capacityBytes,
    deviceFilesystem: plan.deviceFilesystem,
    overlayMib: plan.overlaySectors === null ? mib(plan.overlayBytes) : null,
    ...(plan.overlaySectors !== null && { overlaySectors: plan.overlaySectors }),
    homeMib: mib(plan.homeBytes),
    swapMib: mib(plan.swapBytes),
    homeEncrypted: plan.homeLuks !== null,
    homePassphrase: plan.homePassphrase,
    ramBytes: plan.ramBytes,
    base: structuredClone(plan.base),
    label: plan.label,
    uuid: plan.uuid,
    devicePath: plan.devicePath,
    osminCowSectors: plan.osminCowSectors,
  };
}

/** A COW device's written pages (the store flushed first), base64. */
export function saveCow(cow: CowDevice): SavedCow {
  return {
    sizeSectors: cow.sizeSectors,
    pages: cow.writtenPages().map(({ offsetBytes, bytes }) => [offsetBytes, bytesToBase64(bytes)]),
  };
}

/** Whether two JSON values are equal, whatever the order of their objects' keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  return (
    keys.length === Object.keys(y).filter((k) => y[k] !== undefined).length &&
    keys.every((k) => sameJson(x[k], y[k]))
  );
}
