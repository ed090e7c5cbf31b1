// One boot of the stick: the device-mapper devices, the mounts, the root filesystem's state and the log,
// from dracut's first step to shutdown. It borrows the stick's persistent parts (StickMedia) and gives
// them back at shutdown: filesystems unmounted, snapshot metadata flushed to the overlay file, RAM
// forgotten.

import type { StoreUsage } from '../dm/ExceptionStore';
import type { SnapshotTarget } from '../dm/SnapshotTarget';
import { snapshotStatusLine } from '../dm/dmsetupFormat';
import { Tmpfs } from '../store/Tmpfs';
import { command, journalAbortTexts, message, type BootLogLine } from './bootTexts';
import { DmDevices } from './DmDevices';
import type { ExtVolume } from './ExtVolume';
import type { HomeState } from './luksHome';
import { MountTable } from './MountTable';
import type { RamOverlay } from './ramOverlay';
import type { SnapshotSink } from '../fs/SnapshotSink';
import { spaceFailureTexts } from './spaceFailureTexts';
import type { StickMedia } from './StickMedia';
import { pathInside } from './stickPaths';
import { TmpfsVolume } from './TmpfsVolume';

/**
 * The root filesystem's health, as measured when the overlay fails (b_overflow_*): `ro-after-error` —
 * ext4 aborted its journal and remounted read-only, reads still work (PO, Overflow); `io-errors` — the
 * snapshot is Invalid, so every read fails too (P).
 */
export type RootState = 'rw' | 'ro-after-error' | 'io-errors';

export type OverlayKind = 'persistent' | 'temporary';

export class LiveSystem {
  readonly dm = new DmDevices();
  readonly mounts = new MountTable();
  readonly log: BootLogLine[] = [];
  /** How many lines of `log` the boot printed (the rest came later: dmesg). */
  bootLineCount = 0;
  /** `running`, or `emergency` when the root could not be mounted (dracut's shell). */
  state: 'running' | 'emergency' = 'running';
  rootState: RootState = 'rw';
  liveRw: SnapshotTarget | null = null;
  overlayKind: OverlayKind = 'persistent';
  /** The root filesystem (null in the emergency shell). */
  root: ExtVolume | null = null;
  /** The kernel's name for live-rw (dm-0 in 2012, dm-1 today after live-base). */
  rootDeviceName = 'dm-0';
  home: ExtVolume | null = null;
  /** home.img: mounted on /home, locked (encrypted and not opened: /home is the overlay's), or none. */
  homeState: HomeState = 'none';
  /** The kernel's name for the device under /home (loop5, or dm-2 for EncHome). */
  homeDeviceName = '';
  /** swap.img's size when livesys turned it on, else 0. */
  swapBytes = 0;
  /** A temporary overlay's RAM (null with a persistent overlay). */
  ramOverlay: RamOverlay | null = null;
  readonly tmpfs: Tmpfs[] = [];
  /** live-rw's status line right after dracut created it, and its allocated chunks then. */
  statusAtCreate: string | null = null;
  chunksAtCreate = 0;
  /**
   * An Invalid live-rw restored from a saved stick: its store was reloaded from the COW bytes, which an
   * Invalid snapshot no longer describes, so the chunks it had handed out are kept here (they never change
   * again: an Invalid snapshot refuses every write).
   */
  frozenOverlayUsage: StoreUsage | null = null;

  constructor(readonly rootSink: SnapshotSink) {}

  kernel(text: string): void {
    this.log.push(message('kernel', text));
  }

  /**
   * Called after any write to the root failed: ext4 aborts its journal and remounts read-only; with an
   * Invalid snapshot every read fails too. Returns whether the state changed.
   */
  noteRootFailure(): boolean {
    if (this.rootState !== 'rw' || !this.liveRw) return false;
    this.rootState = this.liveRw.valid ? 'ro-after-error' : 'io-errors';
    for (const text of journalAbortTexts(this.rootDeviceName)) this.kernel(text);
    const rootMount = this.mounts.at('/');
    if (rootMount) rootMount.readOnly = true;
    return true;
  }

  /**
   * After an operation: logs a loop file that found the stick full (the overlay file: live-rw is invalid
   * now; home.img: its ext4 aborted its journal, so /home turns read-only) and a temporary overlay that
   * found no RAM. Returns whether home.img failed now.
   */
  noteSpaceFailures(media: StickMedia): boolean {
    const texts = spaceFailureTexts(media.device.kind);
    if (media.overlay?.file.takeRefusal()) this.log.push(message('cellar', texts.overlayFile));
    if (this.ramOverlay?.takeRefusal()) this.log.push(message('cellar', texts.ram));
    if (!media.home?.sink.takeRefusal()) return false;
    const homeMount = this.mounts.at('/home');
    if (homeMount?.store !== 'home' || homeMount.readOnly) return false;
    for (const text of journalAbortTexts(this.homeDeviceName)) this.kernel(text);
    this.log.push(message('cellar', texts.home));
    homeMount.readOnly = true;
    return true;
  }

  /**
   * `mount -t tmpfs <name> <mountPoint>` with the default size (half the RAM). The mount point must be a
   * folder of the filesystem under it; returns false (and logs why) when it is not.
   */
  mountTmpfs(
    name: string,
    mountPoint: string,
    options: string,
    ramBytes: number,
    movedToRam: boolean,
  ): boolean {
    this.log.push(command('livesys', `mount -t tmpfs ${options}${name} ${mountPoint}`));
    const owner = this.mounts.owner(mountPoint);
    const under = owner?.volume.stat(pathInside(mountPoint, owner.mountPoint));
    if (!under || !under.ok || under.value.kind !== 'dir') {
      this.log.push(message('cellar', `${mountPoint} is not a folder here, so nothing was mounted on it.`));
      return false;
    }
    const tmpfs = new Tmpfs({ ramBytes });
    this.tmpfs.push(tmpfs);
    this.mounts.add({
      mountPoint,
      source: name,
      fsType: 'tmpfs',
      store: 'ram',
      volume: new TmpfsVolume(tmpfs),
      readOnly: false,
      persistent: false,
      movedToRam,
    });
    return true;
  }

  /** `umount` of a tmpfs: its files are gone and its RAM is given back. */
  unmountTmpfs(mountPoint: string): void {
    const mount = this.mounts.at(mountPoint);
    if (!(mount?.volume instanceof TmpfsVolume)) return;
    this.log.push(command('cellar', `umount ${mountPoint}`));
    mount.volume.tmpfs.clear();
    this.tmpfs.splice(this.tmpfs.indexOf(mount.volume.tmpfs), 1);
    this.mounts.remove(mountPoint);
  }

  /** live-rw's store usage (the chunks it handed out, even when Invalid), or null without live-rw. */
  overlayUsage(): StoreUsage | null {
    if (!this.liveRw) return null;
    return this.frozenOverlayUsage ?? this.liveRw.store.usage();
  }

  /** live-rw's `dmsetup status` line (unnamed), or null when it does not exist. */
  liveRwStatusLine(): string | null {
    return this.liveRw ? snapshotStatusLine(this.liveRw) : null;
  }

  /**
   * Shutdown: RAM folders forgotten, home.img and the root unmounted (their last writes land), every
   * device-mapper device removed (live-rw's metadata reaches the overlay file). Returns live-rw's status
   * line just before `dmsetup remove`.
   */
  shutdown(): string | null {
    for (const tmpfs of this.tmpfs) tmpfs.reboot();
    this.home?.umount();
    if (this.state === 'running') this.root?.umount();
    this.rootSink.takeFailure();
    const status = this.liveRwStatusLine();
    this.dm.removeAll();
    this.mounts.clear();
    this.liveRw = null;
    this.homeState = 'none';
    return status;
  }
}
