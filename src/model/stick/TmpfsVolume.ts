// A tmpfs mount (/tmp, /var/tmp, /var/cache/yum, a folder moved to RAM) as a Volume: the Tmpfs store
// answers, this only maps its operations onto the common table.

import type { Tmpfs } from '../store/Tmpfs';
import { done, failed, type VolumeOutcome, type VolumeResult } from './stickOutcome';
import type { Volume, VolumeStat, WriteMode } from './Volume';

export class TmpfsVolume implements Volume {
  readonly fsType = 'tmpfs';

  constructor(readonly tmpfs: Tmpfs) {}

  write(path: string, bytes: number, mode: WriteMode): VolumeOutcome {
    if (mode === 'append') return this.tmpfs.append(path, bytes);
    if (mode === 'in-place') return this.tmpfs.writeAt(path, 0, bytes);
    return this.tmpfs.write(path, bytes);
  }

  remove(path: string, recursive: boolean): VolumeOutcome {
    return this.tmpfs.remove(path, { recursive });
  }

  mkdir(path: string, parents: boolean): VolumeOutcome {
    return this.tmpfs.mkdir(path, { parents });
  }

  rename(fromPath: string, toPath: string): VolumeOutcome {
    return this.tmpfs.rename(fromPath, toPath);
  }

  touch(path: string): VolumeOutcome {
    const found = this.tmpfs.stat(path);
    if (found.ok) return done;
    if (found.error !== 'ENOENT') return found;
    return this.tmpfs.createFile(path, 0);
  }

  read(path: string): VolumeOutcome {
    const found = this.tmpfs.stat(path);
    if (!found.ok) return found;
    return found.value.kind === 'dir' ? failed('EISDIR') : done;
  }

  stat(path: string): VolumeResult<VolumeStat> {
    const found = this.tmpfs.stat(path);
    if (!found.ok) return found;
    const { kind, sizeBytes } = found.value;
    return { ok: true, value: { kind, sizeBytes: kind === 'file' ? sizeBytes : 0 } };
  }

  usedBytes(): number {
    return this.tmpfs.usedBytes;
  }

  capacityBytes(): number {
    return this.tmpfs.capacityBytes;
  }
}
