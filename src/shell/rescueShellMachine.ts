// The terminal's view of "another computer" with the stick plugged in: the rescue machine of the model,
// answered in the Machine interface the tools use.

import { DM_MAJOR } from '../model/stick/DmDevices';
import { loopMinor } from '../model/rescue/LoopDevices';
import type { RescueMachine } from '../model/rescue/RescueMachine';
import type { FsckVerdict } from '../model/rescue/rootCheck';
import { bashPrompt } from './prompt';
import type { Answer, DmRow, Done, Entry, LoopRow, Machine, MountRow, WriteMode } from './machine';

export class RescueShellMachine implements Machine {
  readonly hostname: string;
  readonly homeFolder: string;

  /** `rescue`: another computer; `emergency`: dracut's emergency shell on the stick's own computer. */
  constructor(
    readonly rescue: RescueMachine,
    readonly kind: 'rescue' | 'emergency' = 'rescue',
  ) {
    this.hostname = kind === 'rescue' ? 'rescue' : 'dracut';
    this.homeFolder = kind === 'rescue' ? '/root' : '/';
  }

  prompt(cwd: string): string {
    return this.kind === 'emergency' ? `dracut:${cwd}# ` : bashPrompt(this.hostname, cwd, this.homeFolder);
  }

  stat(path: string): Answer<{ kind: 'file' | 'dir'; sizeBytes: number }> {
    return this.rescue.stat(path);
  }

  list(path: string): Answer<Entry[]> {
    return this.rescue.list(path);
  }

  write(path: string, bytes: number, mode: WriteMode, offsetBytes = 0): Done {
    return this.rescue.write(path, bytes, mode, offsetBytes);
  }

  writeBytes(path: string, offsetBytes: number, data: Uint8Array): Done {
    return this.rescue.writeBytes(path, offsetBytes, data);
  }

  read(path: string): Done {
    const found = this.rescue.stat(path);
    if (!found.ok) return found;
    return found.value.kind === 'dir' ? { ok: false, error: 'EISDIR' } : { ok: true };
  }

  remove(path: string, recursive: boolean): Done {
    return this.rescue.remove(path, recursive);
  }

  mkdir(path: string, parents: boolean): Done {
    return this.rescue.mkdir(path, parents);
  }

  rename(fromPath: string, toPath: string): Done {
    return this.rescue.rename(fromPath, toPath);
  }

  mounts(): MountRow[] {
    return this.rescue.mounts().map((m) => ({
      source: m.source,
      mountPoint: m.mountPoint,
      fsType: m.fsType,
      readOnly: m.readOnly,
      ...this.rescue.spaceOf(m),
    }));
  }

  mount(source: string, mountPoint: string): Done {
    return this.rescue.mount(source, mountPoint);
  }

  umount(target: string): Done {
    return this.rescue.umount(target);
  }

  dmDevices(): DmRow[] {
    const dm = this.rescue.dm;
    return dm.list().map((d) => ({
      name: d.name,
      major: DM_MAJOR,
      minor: d.minor,
      readOnly: d.readOnly,
      openCount: d.mountedOn === null ? 0 : 1,
      status: dm.statusLine(d, false),
      table: dm.tableLine(d, false),
    }));
  }

  dmCreate(name: string, table: string, readOnly: boolean): Done & { kernelMessage?: string } {
    const made = this.rescue.dm.create(name, table, readOnly);
    return made.ok ? { ok: true } : made;
  }

  dmRemove(name: string): Done {
    return this.rescue.dm.remove(name);
  }

  loops(): LoopRow[] {
    return this.rescue.loops
      .list()
      .map((l) => ({ device: `/dev/loop${l.minor}`, file: l.file, readOnly: l.readOnly }));
  }

  loopAttach(minor: number | null, file: string, readOnly: boolean): Answer<string> {
    const made = this.rescue.attachLoop(minor, file, readOnly);
    return made.ok ? { ok: true, value: `/dev/loop${made.value.minor}` } : made;
  }

  loopDetach(minor: number): Done {
    return this.rescue.detachLoop(minor);
  }

  deviceSectors(devicePath: string): Answer<number> {
    const minor = loopMinor(devicePath);
    // A loop device with no file behind it cannot even be opened.
    if (minor !== null && !this.rescue.loops.get(minor)) return { ok: false, error: 'ENXIO' };
    return this.rescue.deviceSectors(devicePath);
  }

  blockIo(devicePath: string, op: 'read' | 'write', offsetSectors: number, sectors: number): Done {
    const size = this.rescue.deviceSectors(devicePath);
    if (!size.ok) return size;
    if (offsetSectors + sectors > size.value) return { ok: false, error: 'ENOSPC' };
    const dm = this.rescue.dmAt(devicePath);
    if (!dm) return { ok: true };
    if (op === 'write' && dm.readOnly) return { ok: false, error: 'EPERM' };
    const done =
      op === 'write' ? dm.target.write(offsetSectors, sectors) : dm.target.read(offsetSectors, sectors);
    return done.ok ? { ok: true } : { ok: false, error: done.error ?? 'EIO' };
  }

  fsck(devicePath: string, repair: boolean): Answer<FsckVerdict> {
    return this.rescue.fsck(devicePath, repair);
  }
}
