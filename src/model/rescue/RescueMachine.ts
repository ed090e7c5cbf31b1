// "Another computer": the machine the Sugar Labs wiki's overlay recovery runs on, with the stick (off)
// plugged in and mounted at /media/<LABEL>. It has its own disk (a roomy tmpfs: /root, /mnt, /tmp…), loop
// devices and device-mapper, so the wiki's steps can be typed one by one: mount squashfs.img, `losetup`
// the root image (read-only) and the overlay file, `dmsetup create` the snapshot, e2fsck it, remove it,
// flip the overlay's valid byte with `dd`, extend the file. Every step works on the stick's real parts
// (its overlay COW, its device filesystem, its root filesystem), so booting the stick afterwards shows
// what the recovery did.
//
// Simplifications: the root filesystem mounted from a recovered snapshot is read-only here (its files
// can be listed and checked, not changed); files on the machine's own disk keep their bytes only once
// a loop device or `dd` needs them (a CowDevice of zeros until written).

import { CowDevice } from '../block/CowDevice';
import { OriginDevice } from '../block/BlockDevice';
import type { Stick } from '../stick/Stick';
import { failed, type VolumeOutcome, type VolumeResult } from '../stick/stickOutcome';
import { isWithin, normalizePath, pathInside } from '../stick/stickPaths';
import { Tmpfs } from '../store/Tmpfs';
import { LIVEOS_DIR } from '../store/Vfat';
import { SECTOR_BYTES } from '../units';
import { LOOP_MAJOR, LoopDevices, loopMinor, type BlockSource, type LoopDevice } from './LoopDevices';
import { RescueDm, type RescueDmDevice } from './RescueDm';
import { fsCounts, type FsckVerdict } from './rootCheck';

export type RescueMountKind = 'own' | 'stick' | 'squashfs' | 'snapshot';

export interface RescueMount {
  source: string;
  mountPoint: string;
  kind: RescueMountKind;
  fsType: string;
  readOnly: boolean;
  /** The loop device `mount` set up for a file (squashfs.img), freed by umount. */
  loop: LoopDevice | null;
  dm: RescueDmDevice | null;
}

export interface RescueEntry {
  name: string;
  kind: 'file' | 'dir';
  sizeBytes: number;
}

const OWN_DISK_BYTES = 64 * 2 ** 30;
const OWN_FOLDERS = ['/root', '/mnt', '/media', '/tmp', '/sysroot'];

export class RescueMachine {
  readonly loops = new LoopDevices();
  readonly dm = new RescueDm(this.loops);
  private readonly own = new Tmpfs({ sizeBytes: OWN_DISK_BYTES });
  private readonly mountList: RescueMount[] = [];
  /** Bytes of own-disk files used as block devices or written by `dd` (path → bytes). */
  private readonly byteFiles = new Map<string, CowDevice>();
  /** The root image inside squashfs.img, as an origin (its contents are the base: not modelled). */
  private readonly rootImage: OriginDevice;
  /** Set once e2fsck has recovered the journal of the stick's root (ext4 itself forgets only on mount). */
  private rootRepaired = false;

  private constructor(
    readonly stick: Stick,
    /** Where the stick's own filesystem is mounted: /media/<LABEL>, or where dracut mounted it. */
    readonly stickMountPoint: string,
    ownSource: string,
  ) {
    for (const folder of OWN_FOLDERS) this.own.mkdir(folder);
    this.own.mkdir(this.stickMountPoint, { parents: true });
    this.mountList.push(mount(ownSource, '/', 'own', ownSource === 'rootfs' ? 'rootfs' : 'ext4', false));
    this.mountList.push(mount('/dev/sdb1', this.stickMountPoint, 'stick', stick.media.device.kind, false));
    this.rootImage = new OriginDevice(stick.media.origin.sizeSectors, stick.media.origin.deviceNumber);
  }

  /** The stick plugged into another computer; refused (EBUSY) while it is running. */
  static plugIn(stick: Stick): VolumeResult<RescueMachine> {
    if (stick.power !== 'off') return failed('EBUSY');
    const label = stick.media.device.label ?? stick.media.plan.label;
    return { ok: true, value: new RescueMachine(stick, `/media/${label}`, '/dev/sda1') };
  }

  /**
   * dracut's emergency shell, where a boot whose live-rw was Invalid stopped: the initramfs as the root, the
   * stick where dracut mounted it, squashfs.img on /squashfs (loop0), the root image (loop1, read-only)
   * and the overlay (loop2) on their loop devices, and live-rw made from them — Invalid. The wiki's steps
   * can be done right here, then `reboot`. The stick itself is off meanwhile (nothing is mounted from it).
   */
  static emergencyShell(stick: Stick): VolumeResult<RescueMachine> {
    if (stick.power !== 'off') return failed('EBUSY');
    const machine = new RescueMachine(stick, stick.era.deviceMountPath, 'rootfs');
    machine.own.mkdir('/squashfs');
    const squashfs = machine.mount(`${machine.stickMountPoint}${LIVEOS_DIR}/squashfs.img`, '/squashfs');
    const base = machine.attachLoop(1, `/squashfs${LIVEOS_DIR}/${stick.era.rootImageName}`, true);
    const overlayPath = machine.overlayPath;
    if (!squashfs.ok || !base.ok || overlayPath === null) return failed('ENODEV');
    const overlay = machine.attachLoop(2, overlayPath, false);
    if (!overlay.ok) return overlay;
    const { overlayStore, chunkSectors } = stick.era;
    machine.dm.create(
      'live-rw',
      `0 ${base.value.sizeSectors} snapshot 7:1 7:2 ${overlayStore} ${chunkSectors}`,
      false,
    );
    return { ok: true, value: machine };
  }

  /** The overlay file's path on this machine. */
  get overlayPath(): string | null {
    const overlay = this.stick.media.overlay;
    return overlay ? `${this.stickMountPoint}/${overlay.path.replace(/^\//, '')}` : null;
  }

  mounts(): readonly RescueMount[] {
    return this.mountList;
  }

  // --- files ------------------------------------------------------------------------------------------

  stat(path: string): VolumeResult<{ kind: 'file' | 'dir'; sizeBytes: number }> {
    const place = this.place(path);
    if (!place.ok) return place;
    const { mount: m, inner } = place.value;
    switch (m.kind) {
      case 'own': {
        const found = this.own.stat(inner);
        return found.ok
          ? { ok: true, value: { kind: found.value.kind, sizeBytes: found.value.sizeBytes } }
          : found;
      }
      case 'stick': {
        const found = this.stick.media.device.stat(inner);
        return found.ok
          ? { ok: true, value: { kind: found.value.kind, sizeBytes: found.value.sizeBytes } }
          : found;
      }
      case 'squashfs': {
        if (inner === '/' || inner === LIVEOS_DIR) return { ok: true, value: { kind: 'dir', sizeBytes: 0 } };
        if (inner === this.rootImagePath)
          return { ok: true, value: { kind: 'file', sizeBytes: this.rootImageBytes } };
        return failed('ENOENT');
      }
      case 'snapshot': {
        const found = this.rootFs()?.stat(inner);
        return found ? { ok: true, value: found } : failed('ENOENT');
      }
    }
  }

  /** A folder's entries in name order, the mount points below it included. */
  list(path: string): VolumeResult<RescueEntry[]> {
    const place = this.place(path);
    if (!place.ok) return place;
    const { mount: m, inner } = place.value;
    let entries: RescueEntry[];
    switch (m.kind) {
      case 'own':
      case 'stick': {
        const listed = m.kind === 'own' ? this.own.list(inner) : this.stick.media.device.list(inner);
        if (!listed.ok) return listed;
        entries = listed.value.map((e) => ({ name: e.name, kind: e.kind, sizeBytes: e.sizeBytes }));
        break;
      }
      case 'squashfs':
        if (inner === '/') entries = [{ name: 'LiveOS', kind: 'dir', sizeBytes: 0 }];
        else if (inner === LIVEOS_DIR) {
          entries = [{ name: this.stick.era.rootImageName, kind: 'file', sizeBytes: this.rootImageBytes }];
        } else return failed(inner === this.rootImagePath ? 'ENOTDIR' : 'ENOENT');
        break;
      case 'snapshot': {
        const listed = this.rootFs()?.readdir(inner);
        if (!listed) return failed(this.rootFs()?.stat(inner) ? 'ENOTDIR' : 'ENOENT');
        entries = listed;
        break;
      }
    }
    return { ok: true, value: entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  }

  /** Writes `bytes` bytes (zeros or data) to a file: replacing it, appending, or at `offsetBytes`. */
  write(
    path: string,
    bytes: number,
    mode: 'truncate' | 'append' | 'in-place',
    offsetBytes = 0,
  ): VolumeOutcome {
    const place = this.place(path);
    if (!place.ok) return place;
    const { mount: m, inner } = place.value;
    const existing = this.stat(path);
    if (existing.ok && existing.value.kind === 'dir') return failed('EISDIR');
    const oldBytes = existing.ok ? existing.value.sizeBytes : 0;
    const newBytes =
      mode === 'truncate'
        ? bytes
        : mode === 'append'
          ? oldBytes + bytes
          : Math.max(oldBytes, offsetBytes + bytes);
    if (m.readOnly || m.kind === 'squashfs' || m.kind === 'snapshot') return failed('EROFS');
    if (this.isOverlay(path)) return this.writeOverlay(mode, oldBytes, newBytes);
    if (m.kind === 'stick') {
      const device = this.stick.media.device;
      if (this.stick.media.imagePaths().includes(inner) && this.loopOf(path)) return failed('EBUSY');
      const done =
        mode === 'truncate'
          ? device.write(inner, newBytes)
          : mode === 'append'
            ? device.append(inner, bytes)
            : device.writeAt(inner, offsetBytes, bytes);
      return done;
    }
    // What is written takes pages of the machine's disk, as on a real one (a hole only where dd seeks past the end).
    const done =
      mode === 'truncate'
        ? this.own.write(inner, newBytes)
        : mode === 'append'
          ? this.own.append(inner, bytes)
          : this.own.writeAt(inner, offsetBytes, bytes);
    if (!done.ok) return done;
    const cow = this.byteFiles.get(path);
    if (cow && mode === 'truncate') this.byteFiles.delete(path);
    else if (cow && newBytes > cow.sizeSectors * SECTOR_BYTES) {
      cow.extend(Math.floor(newBytes / SECTOR_BYTES) - cow.sizeSectors);
    }
    return { ok: true };
  }

  /** Writes real bytes at an offset (dd of= with data): the overlay's header, or a file's bytes. */
  writeBytes(path: string, offsetBytes: number, data: Uint8Array): VolumeOutcome {
    const written = this.write(path, data.length, 'in-place', offsetBytes);
    if (!written.ok) return written;
    const cow = this.bytesOf(path);
    if (cow && offsetBytes + data.length <= cow.sizeSectors * SECTOR_BYTES) cow.write(offsetBytes, data);
    return { ok: true };
  }

  remove(path: string, recursive: boolean): VolumeOutcome {
    const place = this.place(path);
    if (!place.ok) return place;
    const { mount: m, inner } = place.value;
    if (inner === '/' || this.mountList.some((x) => x.mountPoint === path)) return failed('EBUSY');
    if (m.kind === 'squashfs' || m.kind === 'snapshot') return failed('EROFS');
    if (this.loopOf(path)) return failed('EBUSY');
    if (m.kind === 'stick') {
      if (this.stick.media.imagePaths().some((p) => isWithin(p, inner))) return failed('EBUSY');
      return this.stick.media.device.remove(inner, { recursive });
    }
    const done = this.own.remove(inner, { recursive });
    if (done.ok)
      for (const file of [...this.byteFiles.keys()]) if (isWithin(file, path)) this.byteFiles.delete(file);
    return done;
  }

  mkdir(path: string, parents: boolean): VolumeOutcome {
    const place = this.place(path);
    if (!place.ok) return place;
    const { mount: m, inner } = place.value;
    if (m.kind === 'squashfs' || m.kind === 'snapshot') return failed('EROFS');
    return m.kind === 'stick'
      ? this.stick.media.device.mkdir(inner, { parents })
      : this.own.mkdir(inner, { parents });
  }

  rename(fromPath: string, toPath: string): VolumeOutcome {
    const from = this.place(fromPath);
    const to = this.place(toPath);
    if (!from.ok) return from;
    if (!to.ok) return to;
    if (from.value.mount !== to.value.mount) return failed('EXDEV');
    const m = from.value.mount;
    if (m.kind === 'squashfs' || m.kind === 'snapshot') return failed('EROFS');
    if (this.loopOf(fromPath) || this.isOverlay(fromPath)) return failed('EBUSY');
    if (m.kind === 'stick') return this.stick.media.device.rename(from.value.inner, to.value.inner);
    return this.own.rename(from.value.inner, to.value.inner);
  }

  // --- loop devices -----------------------------------------------------------------------------------

  /** `losetup [-r] /dev/loopN file` (minor given) or `losetup -f` (null): the device set up. */
  attachLoop(
    minor: number | null,
    path: string,
    readOnly: boolean,
    autoclear = false,
  ): VolumeResult<LoopDevice> {
    const chosen = minor ?? this.loops.firstFree();
    if (chosen === null) return failed('ENODEV');
    if (this.loops.get(chosen)) return failed('EBUSY');
    const file = this.stat(path);
    if (!file.ok) return file;
    if (file.value.kind === 'dir') return failed('EISDIR');
    const source = this.blockSourceOf(path, file.value.sizeBytes);
    return { ok: true, value: this.loops.attach({ minor: chosen, file: path, readOnly, source, autoclear }) };
  }

  detachLoop(minor: number): { ok: true } | { ok: false; error: 'ENXIO' | 'EBUSY' } {
    if (!this.loops.get(minor)) return { ok: false, error: 'ENXIO' };
    if (this.dm.holds(minor) || this.mountList.some((m) => m.loop?.minor === minor)) {
      return { ok: false, error: 'EBUSY' };
    }
    this.loops.detach(minor);
    return { ok: true };
  }

  /** A block device's size in 512-byte sectors (`blockdev --getsz`). */
  deviceSectors(devicePath: string): VolumeResult<number> {
    const minor = loopMinor(devicePath);
    if (minor !== null) {
      const loop = this.loops.get(minor);
      // An unused loop device exists but has no size.
      return { ok: true, value: loop ? loop.sizeSectors : 0 };
    }
    const dm = this.dmAt(devicePath);
    return dm ? { ok: true, value: dm.target.lengthSectors } : failed('ENOENT');
  }

  /** The dm device a path names (/dev/mapper/NAME or /dev/dm-N). */
  dmAt(devicePath: string): RescueDmDevice | undefined {
    const mapper = /^\/dev\/mapper\/(.+)$/.exec(devicePath);
    if (mapper) return this.dm.find(mapper[1]!);
    const numbered = /^\/dev\/dm-(\d+)$/.exec(devicePath);
    return numbered ? this.dm.list().find((d) => d.minor === Number(numbered[1])) : undefined;
  }

  // --- checking and mounting --------------------------------------------------------------------------

  /** What e2fsck finds on a device; `repair`: a check that fixes (-y, -p) recovers the journal. */
  fsck(devicePath: string, repair: boolean): VolumeResult<FsckVerdict> {
    const dm = this.dmAt(devicePath);
    if (!dm)
      return this.deviceSectors(devicePath).ok
        ? { ok: true, value: { kind: 'no-filesystem' } }
        : failed('ENOENT');
    if (dm.mountedOn !== null) return failed('EBUSY');
    if (!dm.target.valid) return { ok: true, value: { kind: 'unreadable' } };
    const fs = this.isStickRoot(dm) ? this.stick.media.rootOn(dm.target).fs : null;
    if (!fs) return { ok: true, value: { kind: 'no-filesystem' } };
    const counts = fsCounts(fs);
    const superblockFree = fs.superblockFreeCounts();
    if (repair) fs.fixSuperblockCounts();
    if (fs.aborted && !this.rootRepaired) {
      if (repair) this.rootRepaired = true;
      return { ok: true, value: { kind: 'needs-journal-recovery', counts, superblockFree } };
    }
    return { ok: true, value: { kind: 'clean', counts, superblockFree } };
  }

  /** `mount SOURCE DIR`: squashfs.img (through a loop device) or a snapshot holding the stick's root. */
  mount(source: string, mountPoint: string): VolumeResult<RescueMount> {
    const dir = this.stat(mountPoint);
    if (!dir.ok || dir.value.kind !== 'dir') return failed('ENOENT');
    if (this.mountList.some((m) => m.mountPoint === mountPoint)) return failed('EBUSY');
    const dm = this.dmAt(source);
    if (dm) {
      if (dm.mountedOn !== null) return failed('EBUSY');
      if (!dm.target.valid) return failed('EIO');
      if (!this.isStickRoot(dm)) return failed('EINVAL');
      this.stick.media.rootOn(dm.target);
      dm.mountedOn = mountPoint;
      const made = { ...mount(source, mountPoint, 'snapshot', 'ext4', true), dm };
      this.mountList.push(made);
      return { ok: true, value: made };
    }
    if (source !== `${this.stickMountPoint}${LIVEOS_DIR}/squashfs.img`) {
      return this.stat(source).ok ? failed('EINVAL') : failed('ENOENT');
    }
    const loop = this.attachLoop(null, source, true, true);
    if (!loop.ok) return loop;
    const made = {
      ...mount(`/dev/loop${loop.value.minor}`, mountPoint, 'squashfs', 'squashfs', true),
      loop: loop.value,
    };
    this.mountList.push(made);
    return { ok: true, value: made };
  }

  /** `umount DIR` or `umount DEVICE`. */
  umount(target: string): VolumeOutcome {
    const m = [...this.mountList].reverse().find((x) => x.mountPoint === target || x.source === target);
    if (!m) return failed('EINVAL');
    if (m.kind === 'own' || m.kind === 'stick') return failed('EBUSY');
    if (this.mountList.some((x) => x !== m && isWithin(x.mountPoint, m.mountPoint))) return failed('EBUSY');
    if (this.loops.list().some((l) => isWithin(l.file, m.mountPoint))) return failed('EBUSY');
    this.mountList.splice(this.mountList.indexOf(m), 1);
    if (m.dm) m.dm.mountedOn = null;
    if (m.loop) this.loops.detach(m.loop.minor);
    return { ok: true };
  }

  /** Everything let go (the stick is unplugged): mounts, dm devices (metadata flushed), loop devices. */
  unplug(): void {
    this.dm.removeAll();
    for (const loop of this.loops.list()) this.loops.detach(loop.minor);
  }

  /** df's numbers for a mount: size and bytes used. */
  spaceOf(m: RescueMount): { sizeBytes: number; usedBytes: number; availBytes: number } {
    switch (m.kind) {
      case 'own':
        return {
          sizeBytes: this.own.capacityBytes,
          usedBytes: this.own.usedBytes,
          availBytes: this.own.freeBytes,
        };
      case 'stick': {
        const d = this.stick.media.device;
        return {
          sizeBytes: d.capacityBytes,
          usedBytes: d.usedBytes,
          availBytes: d.freeBytes - d.reservedBytes,
        };
      }
      case 'squashfs': {
        const bytes = this.stick.media.squashfs.compressedBytes;
        return { sizeBytes: bytes, usedBytes: bytes, availBytes: 0 };
      }
      case 'snapshot': {
        const root = this.stick.media.persistentRoot;
        if (!root) return { sizeBytes: 0, usedBytes: 0, availBytes: 0 };
        return {
          sizeBytes: root.capacityBytes(),
          usedBytes: root.usedBytes(),
          availBytes: root.freeBlocksForFiles() * root.blockSizeBytes,
        };
      }
    }
  }

  // --- inside ---------------------------------------------------------------------------------------

  private get rootImagePath(): string {
    return `${LIVEOS_DIR}/${this.stick.era.rootImageName}`;
  }

  private get rootImageBytes(): number {
    return this.rootImage.sizeSectors * SECTOR_BYTES;
  }

  private rootFs() {
    return this.stick.media.persistentRoot?.fs ?? null;
  }

  private isStickRoot(dm: RescueDmDevice): boolean {
    const overlay = this.stick.media.overlay;
    return (
      overlay !== null &&
      dm.cowLoop.source.kind === 'bytes' &&
      dm.cowLoop.source.cow === overlay.cow &&
      dm.originLoop.source.kind === 'origin'
    );
  }

  private isOverlay(path: string): boolean {
    return path === this.overlayPath;
  }

  /** The overlay file grows (append) or is rewritten in place; its COW grows with it. */
  private writeOverlay(
    mode: 'truncate' | 'append' | 'in-place',
    oldBytes: number,
    newBytes: number,
  ): VolumeOutcome {
    const overlay = this.stick.media.overlay!;
    if (mode === 'truncate' && newBytes < oldBytes) return failed('EINVAL');
    if (newBytes > oldBytes) {
      const grown = this.stick.media.device.append(overlay.path, newBytes - oldBytes);
      if (!grown.ok) return grown;
      overlay.cow.extend(Math.floor(newBytes / SECTOR_BYTES) - overlay.cow.sizeSectors);
    }
    return { ok: true };
  }

  private loopOf(path: string): LoopDevice | undefined {
    return this.loops.list().find((l) => l.file === path);
  }

  private bytesOf(path: string): CowDevice | null {
    if (this.isOverlay(path)) return this.stick.media.overlay!.cow;
    const place = this.place(path);
    if (!place.ok || place.value.mount.kind !== 'own') return null;
    const found = this.own.stat(place.value.inner);
    if (!found.ok || found.value.kind !== 'file') return null;
    let cow = this.byteFiles.get(path);
    if (!cow) {
      cow = new CowDevice(Math.floor(found.value.sizeBytes / SECTOR_BYTES), { major: LOOP_MAJOR, minor: 0 });
      this.byteFiles.set(path, cow);
    }
    return cow;
  }

  private blockSourceOf(path: string, sizeBytes: number): BlockSource {
    const place = this.place(path);
    if (place.ok && place.value.mount.kind === 'squashfs' && place.value.inner === this.rootImagePath) {
      return { kind: 'origin', origin: this.rootImage };
    }
    const cow = this.bytesOf(path);
    return cow ? { kind: 'bytes', cow } : { kind: 'opaque', sizeBytes };
  }

  private place(path: string): VolumeResult<{ mount: RescueMount; inner: string }> {
    const normal = normalizePath(path);
    if (!normal.ok) return normal;
    let owner = this.mountList[0]!;
    for (const m of this.mountList) {
      if (isWithin(normal.value, m.mountPoint) && m.mountPoint.length >= owner.mountPoint.length) owner = m;
    }
    return { ok: true, value: { mount: owner, inner: pathInside(normal.value, owner.mountPoint) } };
  }
}

function mount(
  source: string,
  mountPoint: string,
  kind: RescueMountKind,
  fsType: string,
  readOnly: boolean,
): RescueMount {
  return { source, mountPoint, kind, fsType, readOnly, loop: null, dm: null };
}
