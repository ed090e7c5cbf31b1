// Loading a running system from a saved stick (stickDocument.ts `system`): the device-mapper devices made
// again in their order and with their numbers (live-rw loaded from its COW pages, as `dmsetup create`
// loads it, with the flags only a running target knows), the mounts in their order, the log and the
// boot's figures. An Invalid live-rw no longer describes its chunks on the COW, so the usage the document
// gives is kept (LiveSystem.frozenOverlayUsage); a Valid one must load to exactly the saved usage.

import { OriginDevice, type DeviceNumber } from '../block/BlockDevice';
import type { CowDevice } from '../block/CowDevice';
import { SnapshotTarget, type SnapshotEvents } from '../dm/SnapshotTarget';
import { Emitter } from '../events';
import type { BlockSink } from '../fs/BlockSink';
import { SnapshotSink } from '../fs/SnapshotSink';
import { STICK_IS_ROTATIONAL } from './loopFile';
import { Tmpfs } from '../store/Tmpfs';
import { ModelError } from '../errors';
import type { BootLogLine } from './bootTexts';
import { readCow, readUsage, sameUsage } from './cowDocument';
import { DeviceVolume } from './DeviceVolume';
import { DM_MAJOR } from './DmDevices';
import {
  problem,
  readBoolean,
  readChoice,
  readList,
  readNullable,
  readObject,
  readText,
  readWhole,
} from '../docReader';
import type { ExtVolume } from './ExtVolume';
import { cryptDevice } from './homeMount';
import { LiveSystem } from './LiveSystem';
import { RamOverlay } from './ramOverlay';
import type { Mount } from './MountTable';
import { LOOP, type StickMedia } from './StickMedia';
import type { SavedDmName } from './stickDocument';
import { ramOverlaySectors } from './eras';
import { normalizePath } from './stickPaths';
import { TmpfsVolume } from './TmpfsVolume';

export interface SystemContext {
  persistentRootMounted: boolean;
  homeMounted: boolean;
  readRoot: (saved: unknown, path: string, sink: BlockSink) => { volume: ExtVolume; mounted: boolean };
}

export function restoreSystem(
  doc: Record<string, unknown>,
  media: StickMedia,
  context: SystemContext,
): LiveSystem {
  const era = media.era;
  const state = readChoice(doc.state, 'system.state', ['running', 'emergency'] as const);
  const rootState = readChoice(doc.rootState, 'system.rootState', [
    'rw',
    'ro-after-error',
    'io-errors',
  ] as const);
  const overlayKind = readChoice(doc.overlayKind, 'system.overlayKind', ['persistent', 'temporary'] as const);
  const homeState = readChoice(doc.homeState, 'system.homeState', ['mounted', 'locked', 'none'] as const);
  const log = readList(doc.log, 'system.log').map((item, i) => readLogLine(item, `system.log[${String(i)}]`));
  const bootLineCount = readWhole(doc.bootLineCount, 'system.bootLineCount');
  if (bootLineCount > log.length) throw problem('system.bootLineCount', 'is more than the log holds');
  const statusAtCreate = readNullable(doc.statusAtCreate, 'system.statusAtCreate', readText);
  const chunksAtCreate = readWhole(doc.chunksAtCreate, 'system.chunksAtCreate');
  const failedRootWrites = readWhole(doc.failedRootWrites, 'system.failedRootWrites');

  if (overlayKind === 'persistent' && !media.overlay)
    throw problem('system.overlayKind', 'is persistent, but the stick has no overlay file');
  const expectedHome =
    !media.home || state === 'emergency'
      ? ['none']
      : media.plan.homeLuks
        ? ['mounted', 'locked']
        : ['mounted'];
  if (!expectedHome.includes(homeState))
    throw problem('system.homeState', `is ${homeState}, which this stick cannot be in`);

  let system: LiveSystem | null = null;
  const rootSink = new SnapshotSink(
    () => system?.liveRw ?? null,
    media.rootBlockSizeBytes,
    STICK_IS_ROTATIONAL,
  );
  rootSink.failedWrites = failedRootWrites;
  const live = new LiveSystem(rootSink);
  system = live;
  live.state = state;
  live.rootState = rootState;
  live.overlayKind = overlayKind;
  live.homeState = homeState;
  live.log.push(...log);
  live.bootLineCount = bootLineCount;
  live.statusAtCreate = statusAtCreate;
  live.chunksAtCreate = chunksAtCreate;
  live.rootDeviceName = `dm-${era.id === 'soas-2012' ? 0 : 1}`;

  // The device-mapper devices, in the order they were made.
  const devices = readList(doc.devices, 'system.devices').map((item, i) => {
    const at = `system.devices[${String(i)}]`;
    const device = readObject(item, at);
    return {
      at,
      name: readChoice(device.name, `${at}.name`, [
        'live-base',
        'live-rw',
        'live-osimg-min',
        'EncHome',
      ] as const),
      minor: readWhole(device.minor, `${at}.minor`),
    };
  });
  const names = devices.map((d) => d.name);
  const allowed: Record<SavedDmName, boolean> = {
    'live-base': era.id !== 'soas-2012',
    'live-rw': true,
    'live-osimg-min': media.osmin !== null && names.includes('live-rw'),
    EncHome: homeState === 'mounted' && media.plan.homeLuks !== null,
  };
  devices.forEach((d, i) => {
    if (!allowed[d.name]) throw problem(`${d.at}.name`, `is ${d.name}, which this stick cannot have`);
    if (names.indexOf(d.name) !== i) throw problem(`${d.at}.name`, 'appears twice');
    if (i > 0 && d.minor <= devices[i - 1]!.minor)
      throw problem(`${d.at}.minor`, 'is not after the device made before it');
  });
  if (era.id !== 'soas-2012' && names[0] !== 'live-base')
    throw problem('system.devices', 'do not start with live-base');
  if (allowed.EncHome && !names.includes('EncHome'))
    throw problem('system.devices', 'lack EncHome for the mounted encrypted home.img');

  const liveRwDoc = readNullable(doc.liveRw, 'system.liveRw', readObject);
  if ((liveRwDoc !== null) !== names.includes('live-rw'))
    throw problem('system.liveRw', 'does not match the devices: live-rw is in one and not the other');
  if (!liveRwDoc && state === 'running')
    throw problem('system.liveRw', 'is null, but the system is running on it');

  const events = new Emitter<SnapshotEvents>();
  const rootSectors = media.origin.sizeSectors;
  let baseNumber: DeviceNumber = media.origin.deviceNumber;
  let origin = new OriginDevice(rootSectors, baseNumber);
  for (const d of devices) {
    const number = { major: DM_MAJOR, minor: d.minor };
    if (d.name === 'live-base') {
      live.dm.add({
        name: d.name,
        number,
        kind: 'linear',
        readOnly: true,
        lengthSectors: rootSectors,
        of: baseNumber,
      });
      baseNumber = number;
      origin = new OriginDevice(rootSectors, baseNumber);
    } else if (d.name === 'live-rw' && liveRwDoc) {
      const target = restoreLiveRw(liveRwDoc, media, live, overlayKind, origin, events);
      live.liveRw = target.target;
      live.frozenOverlayUsage = target.frozenUsage;
      live.rootDeviceName = `dm-${String(d.minor)}`;
      live.dm.add({ name: d.name, number, kind: 'snapshot', readOnly: false, target: target.target });
    } else if (d.name === 'live-osimg-min' && media.osmin) {
      const made = SnapshotTarget.create({
        origin,
        cow: media.osmin.cow,
        store: 'P',
        chunkSectors: era.chunkSectors,
        readOnly: true,
        events,
      });
      if (!made.ok) throw problem(d.at, `cannot be made again (${made.message})`);
      live.dm.add({ name: d.name, number, kind: 'snapshot', readOnly: true, target: made.target });
    } else if (d.name === 'EncHome') {
      live.dm.add(cryptDevice(media, number));
    }
  }
  if (live.liveRw && rootState === 'io-errors' && live.liveRw.valid) {
    throw problem('system.rootState', 'is io-errors, but live-rw is Valid');
  }
  events.on('kernel-message', ({ text }) => live.kernel(text));

  // The root.
  const rootDoc = readNullable(doc.root, 'system.root', (v) => v);
  if ((rootDoc === null) !== (state === 'emergency')) {
    throw problem(
      'system.root',
      state === 'emergency'
        ? 'is there, but the boot stopped in the emergency shell'
        : 'is null, but the system is running',
    );
  }
  if (rootDoc !== null) {
    if ((rootDoc === 'persistent') !== (overlayKind === 'persistent')) {
      throw problem('system.root', `does not match the ${overlayKind} overlay`);
    }
    let root: ExtVolume;
    let mounted: boolean;
    if (rootDoc === 'persistent') {
      root = media.persistentRoot!;
      root.fs.attach(rootSink);
      mounted = context.persistentRootMounted;
    } else {
      ({ volume: root, mounted } = context.readRoot(rootDoc, 'system.root', rootSink));
    }
    if (!mounted) throw problem('system.root', 'is not mounted, but the system is running on it');
    live.root = root;
  } else if (context.persistentRootMounted) {
    throw problem('root.fs.mounted', 'is true, but no system has the root mounted');
  }
  if (context.homeMounted !== (homeState === 'mounted')) {
    throw problem('home.fs.mounted', `does not match the system's home (${homeState})`);
  }

  // The mounts, in the order they were made.
  readList(doc.mounts, 'system.mounts').forEach((item, i) => {
    const mount = readMount(item, `system.mounts[${String(i)}]`, media, live);
    if (live.mounts.at(mount.mountPoint))
      throw problem(`system.mounts[${String(i)}].mountPoint`, 'is mounted twice');
    live.mounts.add(mount);
  });
  const rootMount = live.mounts.at('/');
  if ((rootMount !== undefined) !== (live.root !== null))
    throw problem('system.mounts', 'do not mount the root as the system has it');
  if (rootMount && rootMount.readOnly !== (rootState !== 'rw'))
    throw problem('system.mounts', 'mount the root read-write after an error, or read-only without one');
  if ((live.mounts.at('/home')?.store === 'home') !== (homeState === 'mounted'))
    throw problem('system.mounts', 'do not mount home.img as the system has it');
  if (live.mounts.at(era.deviceMountPath)?.store !== 'device')
    throw problem('system.mounts', `do not mount the stick at ${era.deviceMountPath}`);
  if (homeState === 'mounted') {
    live.home = media.home!.volume;
    live.homeDeviceName = homeDeviceName(live);
  }
  // livesys turned swap.img on, if the boot got that far.
  if (state === 'running') live.swapBytes = media.swap?.sizeBytes ?? 0;
  return live;
}

function restoreLiveRw(
  doc: Record<string, unknown>,
  media: StickMedia,
  live: LiveSystem,
  overlayKind: 'persistent' | 'temporary',
  origin: OriginDevice,
  events: Emitter<SnapshotEvents>,
): { target: SnapshotTarget; frozenUsage: LiveSystem['frozenOverlayUsage'] } {
  const era = media.era;
  const valid = readBoolean(doc.valid, 'system.liveRw.valid');
  const overflowed = readBoolean(doc.overflowed, 'system.liveRw.overflowed');
  const usage = readUsage(doc.usage, 'system.liveRw.usage');
  if (overflowed && era.overlayStore !== 'PO')
    throw problem('system.liveRw.overflowed', 'is true, but only a PO store overflows');
  const ramCowDoc = readNullable(doc.ramCow, 'system.liveRw.ramCow', readObject);
  let cow: CowDevice;
  if (overlayKind === 'persistent') {
    if (ramCowDoc) throw problem('system.liveRw.ramCow', 'is there, but live-rw is on the overlay file');
    cow = media.overlay!.cow;
  } else {
    if (!ramCowDoc) throw problem('system.liveRw.ramCow', 'is missing for a temporary overlay');
    cow = readCow(ramCowDoc, 'system.liveRw.ramCow', { major: 7, minor: LOOP.overlay });
    if (cow.sizeSectors !== ramOverlaySectors(era))
      throw problem(
        'system.liveRw.ramCow.sizeSectors',
        `is not the ${String(era.ramOverlayMib)} MiB dracut makes`,
      );
    live.ramOverlay = new RamOverlay(media.plan.ramBytes, live.tmpfs, media.swap?.sizeBytes ?? 0);
    cow.setBacking(live.ramOverlay);
  }
  if (usage.totalSectors !== cow.sizeSectors)
    throw problem('system.liveRw.usage.totalSectors', 'is not the size of its COW');
  let made;
  try {
    made = SnapshotTarget.create({
      origin,
      cow,
      store: era.overlayStore,
      chunkSectors: era.chunkSectors,
      events,
      resume: { valid, overflowed },
    });
  } catch (error) {
    if (error instanceof ModelError)
      throw problem('system.liveRw', `does not load from its COW (${error.message})`);
    throw error;
  }
  if (!made.ok) throw problem('system.liveRw', `does not load from its COW (${made.message})`);
  const target = made.target;
  if (target.valid !== valid)
    throw problem('system.liveRw.valid', `is ${String(valid)}, but the COW's header says otherwise`);
  if (!valid) return { target, frozenUsage: usage };
  const loaded = target.store.usage();
  if (!sameUsage(loaded, usage)) {
    throw problem(
      'system.liveRw.usage',
      `says ${String(usage.sectorsAllocated)} sectors are allocated, but the COW's pages hold ${String(loaded.sectorsAllocated)}`,
    );
  }
  return { target, frozenUsage: null };
}

function readMount(value: unknown, at: string, media: StickMedia, live: LiveSystem): Mount {
  const doc = readObject(value, at);
  const mountPoint = readText(doc.mountPoint, `${at}.mountPoint`);
  const normal = normalizePath(mountPoint);
  if (!normal.ok || normal.value !== mountPoint)
    throw problem(`${at}.mountPoint`, 'is not a plain absolute path');
  const fsType = readChoice(doc.fsType, `${at}.fsType`, ['ext4', 'tmpfs', 'vfat'] as const);
  const store = readChoice(doc.store, `${at}.store`, ['overlay', 'home', 'ram', 'device'] as const);
  const readOnly = readBoolean(doc.readOnly, `${at}.readOnly`);
  const base = {
    mountPoint,
    source: readText(doc.source, `${at}.source`),
    fsType,
    store,
    readOnly,
    persistent: readBoolean(doc.persistent, `${at}.persistent`),
    movedToRam: readBoolean(doc.movedToRam, `${at}.movedToRam`),
  };
  const expected = {
    overlay: ['ext4', '/'],
    home: ['ext4', '/home'],
    device: [media.device.kind, media.era.deviceMountPath],
    ram: ['tmpfs', null],
  } as const;
  const [type, point] = expected[store];
  if (fsType !== type || (point !== null && mountPoint !== point))
    throw problem(at, `is not how a ${store} store is mounted`);
  if (doc.tmpfs !== undefined && store !== 'ram')
    throw problem(`${at}.tmpfs`, 'is there, but the mount is not a tmpfs');
  switch (store) {
    case 'device':
      return { ...base, volume: new DeviceVolume(media.device, () => media.imagePaths(), readOnly) };
    case 'overlay':
      if (!live.root) throw problem(at, 'mounts a root the system does not have');
      return { ...base, volume: live.root };
    case 'home':
      if (!media.home) throw problem(at, 'mounts a home.img the stick does not have');
      return { ...base, volume: media.home.volume };
    case 'ram': {
      const tmpfs = loadTmpfs(doc.tmpfs, `${at}.tmpfs`);
      live.tmpfs.push(tmpfs);
      return { ...base, volume: new TmpfsVolume(tmpfs) };
    }
  }
}

/** The kernel's name for the device mounted on /home: its loop device, or EncHome's dm number. */
function homeDeviceName(live: LiveSystem): string {
  const source = live.mounts.at('/home')?.source ?? '';
  const encHome = live.dm.list().find((d) => d.name === 'EncHome');
  return encHome && source.startsWith('/dev/mapper/')
    ? `dm-${String(encHome.number.minor)}`
    : source.replace('/dev/', '');
}

function loadTmpfs(value: unknown, at: string): Tmpfs {
  if (value === undefined) throw problem(at, 'is missing');
  try {
    return Tmpfs.restore(value);
  } catch (error) {
    if (error instanceof ModelError) throw problem(at, `cannot be loaded (${error.message})`);
    throw error;
  }
}

function readLogLine(value: unknown, at: string): BootLogLine {
  const doc = readObject(value, at);
  return {
    source: readChoice(doc.source, `${at}.source`, ['kernel', 'dracut', 'livesys', 'cellar'] as const),
    kind: readChoice(doc.kind, `${at}.kind`, ['message', 'command'] as const),
    text: readText(doc.text, `${at}.text`),
  };
}
