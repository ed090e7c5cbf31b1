// A boot as dracut's dmsquash-live-root and the livesys script do it, step by step, each step logged:
//  1. the stick's partition is mounted (read-write when the kernel command line says `rw`, which
//     livecd-iso-to-disk sets with an overlay; livesys remounts it rw for home.img);
//  2. squashfs.img and the root image inside it go on loop devices (today a linear `live-base` too);
//  3. the overlay file overlay-<LABEL>-<UUID> is looked for; without it dracut warns and makes a
//     temporary overlay in RAM (512 MiB in 2012, 32 GiB sparse today), with the same store type;
//  4. `live-rw` is created: `p 8` as 2012's dracut wrote it (the kernel prints P), `PO 8` today;
//  5. (2012) osmin.img becomes the read-only `live-osimg-min`;
//  6. the root is mounted from live-rw (an Invalid overlay cannot be read: the boot stops in dracut's
//     emergency shell);
//  7. livesys turns swap.img on (`swapon`, when the stick has one), mounts tmpfs on /var/cache/yum, /tmp
//     and /var/tmp, home.img on /home (an encrypted one only with its passphrase: homeMount.ts), the
//     learner's RAM folders, and makes liveuser's home if it is missing.
// A temporary overlay takes RAM chunk by chunk, shared with the tmpfs folders (ramOverlay.ts).

import { CowDevice } from '../block/CowDevice';
import { OriginDevice, formatDeviceNumber, type DeviceNumber } from '../block/BlockDevice';
import { snapshotStatusLine } from '../dm/dmsetupFormat';
import { SnapshotTarget, type SnapshotEvents } from '../dm/SnapshotTarget';
import { Emitter } from '../events';
import { SECTOR_BYTES } from '../units';
import {
  command,
  ext4MountedText,
  message,
  temporaryOverlayTexts,
  unreadableSuperblockText,
} from './bootTexts';
import { DeviceVolume } from './DeviceVolume';
import type { ExtVolume } from './ExtVolume';
import { bootHome, makeLiveuserHome } from './homeMount';
import { LiveSystem } from './LiveSystem';
import { RamOverlay } from './ramOverlay';
import { SnapshotSink } from '../fs/SnapshotSink';
import { STICK_IS_ROTATIONAL } from './loopFile';
import { LOOP, type StickMedia } from './StickMedia';

const MIB = 1024 * 1024;

/**
 * Simulated time a boot takes between mounting the root and handing over to the learner. It matters to
 * relatime: a file read right after boot is then newer than the image it came from, as on a real stick.
 */
export const BOOT_MS = 1000;

/** livesys's tmpfs mounts (Fedora 15–17 livesys; the same three today): name, mount point, options. */
const LIVESYS_TMPFS: [name: string, mountPoint: string, options: string][] = [
  ['varcacheyum', '/var/cache/yum', '-o mode=0755 '],
  ['tmp', '/tmp', ''],
  ['vartmp', '/var/tmp', ''],
];

export interface BootOptions {
  /** The passphrase typed when livesys asks for an encrypted home.img's (undefined: none typed). */
  homePassphrase?: string;
}

export function bootLiveSystem(media: StickMedia, bootOptions: BootOptions = {}): LiveSystem {
  const era = media.era;
  let liveRw: SnapshotTarget | null = null;
  const rootSink = new SnapshotSink(() => liveRw, media.rootBlockSizeBytes, STICK_IS_ROTATIONAL);
  const system = new LiveSystem(rootSink);
  const log = system.log;
  const livePath = era.deviceMountPath;
  const loop = (n: number) => `/dev/loop${n}`;

  // 1. The stick.
  const deviceRw = media.overlay !== null || media.home !== null;
  const deviceKind = media.device.kind;
  log.push(
    command(
      'dracut',
      `mount -n -t ${deviceKind} -o ${deviceRw ? 'rw' : 'ro'} ${media.plan.devicePath} ${livePath}`,
    ),
  );
  system.mounts.add({
    mountPoint: livePath,
    source: media.plan.devicePath,
    fsType: deviceKind,
    store: 'device',
    volume: new DeviceVolume(media.device, () => media.imagePaths(), !deviceRw),
    readOnly: !deviceRw,
    persistent: true,
    movedToRam: false,
  });

  // 2. The base.
  log.push(command('dracut', `losetup -r ${loop(LOOP.squashfs)} ${livePath}/LiveOS/squashfs.img`));
  log.push(command('dracut', `losetup -r ${loop(LOOP.rootImage)} /squashfs/LiveOS/${era.rootImageName}`));
  const rootSectors = media.origin.sizeSectors;
  let baseNumber: DeviceNumber = media.origin.deviceNumber;
  let baseName = loop(LOOP.rootImage);
  if (era.id !== 'soas-2012') {
    const number = system.dm.nextNumber();
    log.push(
      command(
        'dracut',
        `dmsetup create --readonly live-base --table "0 ${rootSectors} linear ${baseName} 0"`,
      ),
    );
    system.dm.add({
      name: 'live-base',
      number,
      kind: 'linear',
      readOnly: true,
      lengthSectors: rootSectors,
      of: baseNumber,
    });
    baseNumber = number;
    baseName = '/dev/mapper/live-base';
  }
  const origin = new OriginDevice(rootSectors, baseNumber);

  // 3. The overlay.
  const found = media.overlay && media.device.stat(media.overlay.path);
  let cow: CowDevice;
  if (media.overlay && found && found.ok) {
    system.overlayKind = 'persistent';
    cow = media.overlay.cow;
    log.push(command('dracut', `losetup ${loop(LOOP.overlay)} ${livePath}${media.overlay.path}`));
  } else {
    system.overlayKind = 'temporary';
    for (const text of temporaryOverlayTexts(era)) log.push(message('dracut', text));
    const bytes = era.ramOverlayMib * MIB;
    cow = new CowDevice(bytes / SECTOR_BYTES, { major: 7, minor: LOOP.overlay });
    system.ramOverlay = new RamOverlay(media.plan.ramBytes, system.tmpfs, media.swap?.sizeBytes ?? 0);
    cow.setBacking(system.ramOverlay);
    log.push(command('dracut', `dd if=/dev/null of=/overlay bs=1024 count=1 seek=${bytes / 1024}`));
    log.push(command('dracut', `losetup ${loop(LOOP.overlay)} /overlay`));
  }

  // 4. live-rw.
  const events = new Emitter<SnapshotEvents>();
  events.on('kernel-message', ({ text }) => system.kernel(text));
  const rwNumber = system.dm.nextNumber();
  system.rootDeviceName = `dm-${rwNumber.minor}`;
  log.push(
    command(
      'dracut',
      `dmsetup create live-rw --table "0 ${rootSectors} snapshot ${baseName} ${loop(LOOP.overlay)} ` +
        `${era.overlayStoreAsWritten} ${era.chunkSectors}"`,
    ),
  );
  const made = SnapshotTarget.create({
    origin,
    cow,
    store: era.overlayStore,
    chunkSectors: era.chunkSectors,
    events,
  });
  if (!made.ok) {
    system.kernel(`device-mapper: table: ${formatDeviceNumber(rwNumber)}: snapshot: ${made.message}`);
    return emergency(system, 'live-rw could not be created, so there is no root filesystem to mount.');
  }
  liveRw = made.target;
  system.liveRw = liveRw;
  system.dm.add({ name: 'live-rw', number: rwNumber, kind: 'snapshot', readOnly: false, target: liveRw });
  system.statusAtCreate = snapshotStatusLine(liveRw);
  system.chunksAtCreate = liveRw.store.usage().sectorsAllocated / liveRw.chunkSectors;

  // 5. osmin (2012).
  if (media.osmin) {
    log.push(command('dracut', `losetup -r ${loop(LOOP.osmin)} /run/initramfs/osmin.img`));
    log.push(
      command(
        'dracut',
        `dmsetup create --readonly live-osimg-min --table "0 ${rootSectors} snapshot ${baseName} ` +
          `${loop(LOOP.osmin)} ${era.overlayStoreAsWritten} ${era.chunkSectors}"`,
      ),
    );
    const osmin = SnapshotTarget.create({
      origin,
      cow: media.osmin.cow,
      store: 'P',
      chunkSectors: era.chunkSectors,
      readOnly: true,
      events,
    });
    if (osmin.ok) {
      system.dm.add({
        name: 'live-osimg-min',
        number: system.dm.nextNumber(),
        kind: 'snapshot',
        readOnly: true,
        target: osmin.target,
      });
    } else {
      system.kernel(
        `device-mapper: table: ${formatDeviceNumber(system.dm.nextNumber())}: snapshot: ${osmin.message}`,
      );
    }
  }

  // 6. The root.
  if (!liveRw.valid) {
    system.rootState = 'io-errors';
    system.kernel(unreadableSuperblockText(system.rootDeviceName));
    return emergency(system, 'live-rw is Invalid: every read of it fails, so the root cannot be mounted.');
  }
  const root: ExtVolume = system.overlayKind === 'persistent' ? media.rootOn(liveRw) : media.freshRoot();
  root.fs.attach(rootSink);
  root.mount();
  system.root = root;
  system.mounts.add({
    mountPoint: '/',
    source: '/dev/mapper/live-rw',
    fsType: 'ext4',
    store: 'overlay',
    volume: root,
    readOnly: false,
    persistent: system.overlayKind === 'persistent',
    movedToRam: false,
  });
  system.kernel(ext4MountedText(era, system.rootDeviceName));
  root.advance(BOOT_MS);
  if (rootSink.takeFailure()) system.noteRootFailure();

  // 7. livesys.
  if (media.swap) {
    log.push(command('livesys', `swapon ${livePath}${media.swap.path}`));
    system.swapBytes = media.swap.sizeBytes;
  }
  for (const [name, mountPoint, options] of LIVESYS_TMPFS) {
    system.mountTmpfs(name, mountPoint, options, media.plan.ramBytes, false);
  }
  bootHome(system, media, bootOptions.homePassphrase);
  for (const folder of media.ramFolders) system.mountTmpfs('tmpfs', folder, '', media.plan.ramBytes, true);
  makeLiveuserHome(system);

  system.root.sync();
  system.home?.sync();
  if (rootSink.takeFailure()) system.noteRootFailure();
  system.noteSpaceFailures(media);
  system.bootLineCount = log.length;
  return system;
}

function emergency(system: LiveSystem, why: string): LiveSystem {
  system.state = 'emergency';
  system.log.push(message('cellar', `${why} dracut stops in its emergency shell.`));
  system.bootLineCount = system.log.length;
  return system;
}
