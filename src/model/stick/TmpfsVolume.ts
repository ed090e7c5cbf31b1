// A tmpfs mount (/tmp, /var/tmp, /var/cache/yum, a folder moved to RAM) as a Volume: the Tmpfs store
// answers, this only maps its operations onto the common table.

import type { Tmpfs } from '../store/Tmpfs';
import type { VolumeOutcome, VolumeResult } from './stickOutcome';
import { readInStore, statInStore, touchInStore } from './storeVolumeCalls';
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
    return touchInStore(this.tmpfs, path, false);
  }

  read(path: string): VolumeOutcome {
    return readInStore(this.tmpfs, path);
  }

  stat(path: string): VolumeResult<VolumeStat> {
    return statInStore(this.tmpfs, path);
  }

  usedBytes(): number {
    return this.tmpfs.usedBytes;
  }

  capacityBytes(): number {
    return this.tmpfs.capacityBytes;
  }
}
