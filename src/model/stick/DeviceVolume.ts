// The stick's own filesystem (vfat or ext4; device space at /mnt/live or /run/initramfs/live) as a
// Volume. The LiveOS images the running system holds open (squashfs.img, the overlay, home.img,
// osmin.img, swap.img) cannot be changed or removed from here: the model answers EBUSY. (Linux would let
// `rm` unlink an open file and free its space only when the last user closes it; a learner gains nothing
// from modelling that.)

import type { DeviceFilesystem } from '../store/DeviceFilesystem';
import { failed, type VolumeOutcome, type VolumeResult } from './stickOutcome';
import { readInStore, statInStore, touchInStore } from './storeVolumeCalls';
import { isWithin } from './stickPaths';
import type { Volume, VolumeFsType, VolumeStat, WriteMode } from './Volume';

export class DeviceVolume implements Volume {
  constructor(
    readonly device: DeviceFilesystem,
    /** Paths of the images in use, as the device spells them (vfat ignores case, ext4 does not). */
    private readonly busyPaths: () => readonly string[],
    /** Mounted without `rw` on the kernel command line (no overlay, no home.img): every change is EROFS. */
    readonly readOnly: boolean,
  ) {}

  get fsType(): VolumeFsType {
    return this.device.kind;
  }

  write(path: string, bytes: number, mode: WriteMode): VolumeOutcome {
    const refused = this.refuseChange(path);
    if (refused) return refused;
    if (mode === 'append') return this.device.append(path, bytes);
    if (mode === 'in-place') {
      const found = this.device.stat(path);
      const size = found.ok && found.value.kind === 'file' ? Math.max(found.value.sizeBytes, bytes) : bytes;
      return this.device.write(path, size);
    }
    return this.device.write(path, bytes);
  }

  remove(path: string, recursive: boolean): VolumeOutcome {
    return this.refuseChange(path, true) ?? this.device.remove(path, { recursive });
  }

  mkdir(path: string, parents: boolean): VolumeOutcome {
    if (this.readOnly) return failed('EROFS');
    return this.device.mkdir(path, { parents });
  }

  rename(fromPath: string, toPath: string): VolumeOutcome {
    return (
      this.refuseChange(fromPath, true) ?? this.refuseChange(toPath) ?? this.device.rename(fromPath, toPath)
    );
  }

  touch(path: string): VolumeOutcome {
    return touchInStore(this.device, path, this.readOnly);
  }

  read(path: string): VolumeOutcome {
    return readInStore(this.device, path);
  }

  stat(path: string): VolumeResult<VolumeStat> {
    return statInStore(this.device, path);
  }

  usedBytes(): number {
    return this.device.usedBytes;
  }

  capacityBytes(): number {
    return this.device.capacityBytes;
  }

  /** EROFS on a read-only mount; EBUSY for an image in use (or, with `below`, a folder holding one). */
  private refuseChange(path: string, below = false): VolumeOutcome | null {
    if (this.readOnly) return failed('EROFS');
    const fold = (p: string) => (this.device.kind === 'vfat' ? p.toLowerCase() : p);
    const folded = fold(path);
    for (const busy of this.busyPaths()) {
      const image = fold(busy);
      if (folded === image || (below && isWithin(image, folded))) return failed('EBUSY');
    }
    return null;
  }
}
