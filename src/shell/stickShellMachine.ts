// The terminal's view of the running stick: files through the Stick facade (each operation measured and
// costed as the views show it), the mounts, live-rw and the loop devices dracut and livesys set up. The
// devices under the running root are all in use, so changing them is refused as the kernel would
// (EBUSY); the recovery's device work happens on the rescue machine.

import type { OutcomeLike } from './outcome';
import type { Stick } from '../model/stick/Stick';
import type { FsckVerdict } from '../model/rescue/rootCheck';
import { LIVEOS_DIR } from '../model/store/Vfat';
import { SECTOR_BYTES } from '../model/units';
import { bashPrompt } from './prompt';
import type { Answer, DmRow, Done, Entry, LoopRow, Machine, MountRow, WriteMode } from './machine';

/** The running stick's shell is root's: `~` and the first folder are /root. */
export const STICK_HOME_FOLDER = '/root';

export class StickShellMachine implements Machine {
  readonly kind = 'stick';
  readonly hostname = 'localhost';
  readonly homeFolder = STICK_HOME_FOLDER;

  constructor(readonly stick: Stick) {}

  prompt(cwd: string): string {
    return bashPrompt(this.hostname, cwd, this.homeFolder);
  }

  stat(path: string): Answer<{ kind: 'file' | 'dir'; sizeBytes: number }> {
    return this.stick.stat(path);
  }

  list(path: string): Answer<Entry[]> {
    return this.stick.list(path);
  }

  write(path: string, bytes: number, mode: WriteMode, offsetBytes = 0): Done {
    if (mode === 'append') return done(this.stick.appendFile(path, bytes));
    if (mode === 'in-place') {
      const found = this.stick.stat(path);
      const sizeBytes = found.ok ? found.value.sizeBytes : 0;
      return done(this.stick.overwriteFile(path, Math.max(sizeBytes, offsetBytes + bytes)));
    }
    return done(this.stick.writeFile(path, bytes));
  }

  writeBytes(path: string, offsetBytes: number, data: Uint8Array): Done {
    const found = this.stick.stat(path);
    const sizeBytes = found.ok ? found.value.sizeBytes : 0;
    return done(this.stick.overwriteFile(path, Math.max(sizeBytes, offsetBytes + data.length)));
  }

  read(path: string): Done {
    return done(this.stick.readFile(path));
  }

  remove(path: string, recursive: boolean): Done {
    return done(this.stick.deleteFile(path, { recursive }));
  }

  mkdir(path: string, parents: boolean): Done {
    return done(this.stick.mkdir(path, { parents }));
  }

  rename(fromPath: string, toPath: string): Done {
    return done(this.stick.rename(fromPath, toPath));
  }

  mounts(): MountRow[] {
    return this.stick.mounts().map((m) => ({
      source: m.source,
      mountPoint: m.mountPoint,
      fsType: m.fsType,
      readOnly: m.readOnly,
      ...this.spaceOf(m.store, m.mountPoint),
    }));
  }

  /** df's numbers for one of the stick's mounts, from the usage the views draw. */
  private spaceOf(
    store: string,
    mountPoint: string,
  ): { sizeBytes: number; usedBytes: number; availBytes: number } {
    const usage = this.stick.usage();
    const simple = (sizeBytes: number, usedBytes: number) => ({
      sizeBytes,
      usedBytes,
      availBytes: sizeBytes - usedBytes,
    });
    if (store === 'device') {
      const d = usage.device;
      return {
        sizeBytes: d.capacityBytes,
        usedBytes: d.usedBytes,
        availBytes: d.freeBytes - d.reservedBytes,
      };
    }
    if (store === 'home') return simple(usage.home?.sizeBytes ?? 0, usage.home?.usedBytes ?? 0);
    if (store === 'ram') {
      const ram = usage.ram.mounts.find((r) => r.mountPoint === mountPoint);
      return simple(ram?.sizeBytes ?? 0, ram?.usedBytes ?? 0);
    }
    const root = this.stick.media.persistentRoot;
    if (!root) return simple(usage.squashfs.rootImageBytes, usage.squashfs.rootImageUsedBytes);
    return {
      sizeBytes: root.capacityBytes(),
      usedBytes: root.usedBytes(),
      availBytes: root.freeBlocksForFiles() * root.blockSizeBytes,
    };
  }

  mount(source: string): Done {
    return { ok: false, error: this.stat(source).ok ? 'EBUSY' : 'ENOENT' };
  }

  umount(target: string): Done {
    const known = this.stick.mounts().some((m) => m.mountPoint === target || m.source === target);
    return { ok: false, error: known ? 'EBUSY' : 'EINVAL' };
  }

  dmDevices(): DmRow[] {
    return this.stick.dmDevices().map((d) => ({
      name: d.name,
      major: d.major,
      minor: d.minor,
      readOnly: d.readOnly,
      // live-rw holds the root; live-base is held by live-rw; live-osimg-min is only kept for reference.
      openCount: d.name === 'live-osimg-min' ? 0 : 1,
      status: this.stick.dmsetupStatus(d.name)[0] ?? '',
      table: this.stick.dmsetupTable(d.name)[0] ?? '',
    }));
  }

  dmCreate(name: string): Done {
    // Every loop device with a stick image on it is already held by live-rw or the mounts.
    return { ok: false, error: this.stick.dmDevices().some((d) => d.name === name) ? 'EBUSY' : 'ENXIO' };
  }

  dmRemove(name: string): Done {
    return { ok: false, error: this.stick.dmDevices().some((d) => d.name === name) ? 'EBUSY' : 'ENXIO' };
  }

  /** The loop devices the boot's log set up (`losetup [-r] /dev/loopN FILE`). */
  loops(): LoopRow[] {
    const rows: LoopRow[] = [];
    for (const line of this.stick.bootLog()) {
      const match = /^losetup (-r )?(\/dev\/loop\d+) (\S+)$/.exec(line.text);
      if (match) rows.push({ device: match[2]!, file: match[3]!, readOnly: match[1] !== undefined });
    }
    return rows.sort((a, b) => (a.device < b.device ? -1 : 1));
  }

  loopAttach(): Answer<string> {
    return { ok: false, error: 'EBUSY' };
  }

  loopDetach(minor: number): Done {
    const used = this.loops().some((l) => l.device === `/dev/loop${minor}`);
    return { ok: false, error: used ? 'EBUSY' : 'ENXIO' };
  }

  deviceSectors(devicePath: string): Answer<number> {
    const media = this.stick.media;
    const loop = this.loops().find((l) => l.device === devicePath);
    const mapper = /^\/dev\/mapper\/(.+)$/.exec(devicePath);
    if (mapper && this.stick.dmDevices().some((d) => d.name === mapper[1])) {
      return { ok: true, value: media.origin.sizeSectors };
    }
    if (!loop) return { ok: false, error: /^\/dev\/loop\d+$/.test(devicePath) ? 'ENXIO' : 'ENOENT' };
    if (loop.file.endsWith(media.era.rootImageName)) return { ok: true, value: media.origin.sizeSectors };
    if (media.overlay && loop.file.endsWith(media.overlay.path))
      return { ok: true, value: media.overlay.cow.sizeSectors };
    const onStick = media.device.stat(`${LIVEOS_DIR}/${loop.file.slice(loop.file.lastIndexOf('/') + 1)}`);
    return { ok: true, value: onStick.ok ? Math.floor(onStick.value.sizeBytes / SECTOR_BYTES) : 0 };
  }

  blockIo(devicePath: string, op: 'read' | 'write'): Done {
    const size = this.deviceSectors(devicePath);
    if (!size.ok) return size;
    // An Invalid snapshot answers every request with EIO.
    const dm = this.dmDevices().find((d) => devicePath === `/dev/mapper/${d.name}`);
    if (dm?.status.endsWith(' Invalid')) return { ok: false, error: 'EIO' };
    // A mounted device's blocks belong to its filesystem: Cellar lets dd read them, not write under it.
    return op === 'read' ? { ok: true } : { ok: false, error: 'EBUSY' };
  }

  fsck(devicePath: string): Answer<FsckVerdict> {
    const mounted = this.stick.mounts().some((m) => m.source === devicePath);
    return { ok: false, error: mounted ? 'EBUSY' : 'ENOENT' };
  }
}

function done(outcome: OutcomeLike): Done {
  return outcome.ok ? { ok: true } : { ok: false, error: outcome.error ?? 'EIO' };
}
