// livesys's home.img step (fedora-live-base.ks): the stick remounted read-write, home.img on a loop
// device, and — when it holds a LUKS volume — `cryptsetup luksOpen` as EncHome with the passphrase
// plymouth asks for; then `mount … /home`. Without the passphrase the mount fails and /home stays the
// root's own folder (see luksHome.ts). `unlockHome` later opens and mounts it in a running system.

import type { DeviceNumber } from '../block/BlockDevice';
import { SECTOR_BYTES } from '../units';
import { command, ext4MountedText, message } from './bootTexts';
import type { DmDevice } from './DmDevices';
import type { EraId } from './eras';
import type { LiveSystem } from './LiveSystem';
import { lockedHomeText, LUKS_HOME_NAME, passphraseOpens, WRONG_PASSPHRASE_TEXT } from './luksHome';
import { LOOP, type StickMedia } from './StickMedia';
import { pathInside } from './stickPaths';

/**
 * dm-crypt's table for the opened volume: cryptsetup's default cipher and key size (2012, cryptsetup
 * 1.4: aes-cbc-essiv:sha256 with a 256-bit key; today: aes-xts-plain64 with a 512-bit key — an ESTIMATE
 * of how dmsetup shows it, as LUKS2 may keep the key in the kernel keyring).
 */
const LUKS_CIPHER: Record<EraId, { cipher: string; keyBytes: number }> = {
  'soas-2012': { cipher: 'aes-cbc-essiv:sha256', keyBytes: 32 },
  'fedora-today': { cipher: 'aes-xts-plain64', keyBytes: 64 },
};

/** The loop device livesys gives home.img (`losetup -f`: the first one after the boot's own). */
export function homeLoopNumber(media: StickMedia): number {
  return media.osmin ? LOOP.osmin + 1 : LOOP.overlay + 1;
}

/**
 * At boot: losetup, then for an encrypted home.img luksOpen with `passphrase` (undefined: none was
 * typed), then mount. Leaves `system.homeState` mounted or locked; does nothing without a home.img.
 */
export function bootHome(system: LiveSystem, media: StickMedia, passphrase: string | undefined): void {
  if (!media.home) return;
  const livePath = media.era.deviceMountPath;
  const loop = homeLoopNumber(media);
  system.log.push(command('livesys', `mount -o remount,rw ${livePath}`));
  system.log.push(command('livesys', `losetup /dev/loop${loop} ${livePath}${media.home.path}`));
  if (!media.plan.homeLuks) {
    mountHome(system, media, `/dev/loop${loop}`, `loop${loop}`, true);
    return;
  }
  system.log.push(message('livesys', 'Setting up encrypted /home device'));
  system.log.push(command('livesys', `cryptsetup luksOpen /dev/loop${loop} ${LUKS_HOME_NAME}`));
  if (passphrase !== undefined && passphraseOpens(media.plan, passphrase)) {
    openCrypt(system, media);
    return;
  }
  system.log.push(
    passphrase === undefined
      ? message('cellar', 'No passphrase was typed at the prompt.')
      : message('livesys', WRONG_PASSPHRASE_TEXT),
  );
  system.log.push(message('livesys', `mount: special device /dev/mapper/${LUKS_HOME_NAME} does not exist`));
  system.log.push(message('cellar', lockedHomeText(livePath)));
  system.homeState = 'locked';
}

/** `cryptsetup luksOpen` and `mount /dev/mapper/EncHome /home` in a running system, home.img locked. */
export function openCrypt(system: LiveSystem, media: StickMedia): void {
  const home = media.home;
  const luks = media.plan.homeLuks;
  if (!home || !luks) return;
  const number = system.dm.nextNumber();
  system.dm.add(cryptDevice(media, number));
  system.log.push(command('livesys', `mount /dev/mapper/${LUKS_HOME_NAME} /home`));
  mountHome(system, media, `/dev/mapper/${LUKS_HOME_NAME}`, `dm-${number.minor}`, false);
}

/** The EncHome device over home.img's loop device, as `dmsetup table` shows it. */
export function cryptDevice(media: StickMedia, number: DeviceNumber): DmDevice {
  const luks = media.plan.homeLuks!;
  const homeBytes = media.plan.homeBytes ?? 0;
  return {
    name: LUKS_HOME_NAME,
    number,
    kind: 'crypt',
    readOnly: false,
    lengthSectors: (homeBytes - luks.headerBytes) / SECTOR_BYTES,
    of: { major: 7, minor: homeLoopNumber(media) },
    ...LUKS_CIPHER[media.era.id],
    offsetSectors: luks.headerBytes / SECTOR_BYTES,
  };
}

function mountHome(
  system: LiveSystem,
  media: StickMedia,
  source: string,
  kernelName: string,
  logMount: boolean,
): void {
  const home = media.home!;
  if (logMount) system.log.push(command('livesys', `mount ${source} /home`));
  home.volume.mount();
  system.home = home.volume;
  system.homeState = 'mounted';
  system.homeDeviceName = kernelName;
  system.mounts.add({
    mountPoint: '/home',
    source,
    fsType: 'ext4',
    store: 'home',
    volume: home.volume,
    readOnly: false,
    persistent: true,
    movedToRam: false,
  });
  system.kernel(ext4MountedText(media.era, kernelName));
}

/**
 * livesys's `useradd liveuser` makes /home/liveuser on whatever holds /home, the first time (`logged`:
 * false when unlockHome does it later, as if the boot had waited for the passphrase).
 */
export function makeLiveuserHome(system: LiveSystem, logged = true): void {
  const owner = system.mounts.owner('/home/liveuser');
  if (!owner) return;
  const inner = pathInside('/home/liveuser', owner.mountPoint);
  if (owner.volume.stat(inner).ok) return;
  if (logged) system.log.push(command('livesys', 'useradd -c "Live System User" liveuser'));
  owner.volume.mkdir(inner, true);
}
