// The rescue machine's loop devices (/dev/loop0…7): a file made into a block device, as `losetup` does.
// What a loop device reads and writes is a BlockSource: the stick's overlay COW or a file of the rescue
// machine's own disk (bytes kept, so a header can be checked and flipped), the root image inside
// squashfs.img (the origin, read-only), or any other file (its size only).

import type { OriginDevice } from '../block/BlockDevice';
import type { CowDevice } from '../block/CowDevice';
import { SECTOR_BYTES } from '../units';

export type BlockSource =
  | { kind: 'bytes'; cow: CowDevice }
  | { kind: 'origin'; origin: OriginDevice }
  | { kind: 'opaque'; sizeBytes: number };

export interface LoopDevice {
  minor: number;
  /** The file, as the rescue machine names it (absolute). */
  file: string;
  readOnly: boolean;
  source: BlockSource;
  /** The size when it was set up: a loop device does not see its file grow (`losetup -c` would). */
  sizeSectors: number;
  /** Made by `mount` for a file (autoclear): freed again by its umount. */
  autoclear: boolean;
}

/** Eight loop devices, as a default kernel makes (max_loop=8). */
export const LOOP_DEVICES = 8;
export const LOOP_MAJOR = 7;

function sourceSectors(source: BlockSource): number {
  if (source.kind === 'bytes') return source.cow.sizeSectors;
  if (source.kind === 'origin') return source.origin.sizeSectors;
  return Math.floor(source.sizeBytes / SECTOR_BYTES);
}

export class LoopDevices {
  private readonly devices = new Map<number, LoopDevice>();

  /** The first free device (`losetup -f`), or null when all eight are taken. */
  firstFree(): number | null {
    for (let minor = 0; minor < LOOP_DEVICES; minor++) if (!this.devices.has(minor)) return minor;
    return null;
  }

  get(minor: number): LoopDevice | undefined {
    return this.devices.get(minor);
  }

  attach(device: Omit<LoopDevice, 'sizeSectors'>): LoopDevice {
    const made = { ...device, sizeSectors: sourceSectors(device.source) };
    this.devices.set(device.minor, made);
    return made;
  }

  detach(minor: number): void {
    this.devices.delete(minor);
  }

  /** In device order, as `losetup -a` lists them. */
  list(): LoopDevice[] {
    return [...this.devices.values()].sort((a, b) => a.minor - b.minor);
  }
}

/** `/dev/loop3` → 3; null for anything else. */
export function loopMinor(path: string): number | null {
  const match = /^\/dev\/loop(\d+)$/.exec(path);
  if (!match) return null;
  const minor = Number(match[1]);
  return minor < LOOP_DEVICES ? minor : null;
}
