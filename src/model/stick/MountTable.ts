// The running system's mounts and the question the views ask most: for a path, which store does writing
// there cost? The longest mount point that holds the path owns it, as the kernel's path walk finds it.

import { isWithin, pathInside } from './stickPaths';
import type { Volume, VolumeFsType } from './Volume';

/** Where data written at a path ends up. */
export type StoreKind = 'overlay' | 'home' | 'ram' | 'device' | 'base-readonly';

export interface Mount {
  mountPoint: string;
  /** What `mount` shows as the source: /dev/mapper/live-rw, /dev/loop5, tmpfs names, /dev/sdb1. */
  source: string;
  fsType: VolumeFsType;
  store: Exclude<StoreKind, 'base-readonly'>;
  volume: Volume;
  /** Mounted read-only (the root after an I/O error, the stick without `rw`). */
  readOnly: boolean;
  /** Whether what is written survives a reboot. */
  persistent: boolean;
  /** A folder the learner moved to RAM. */
  movedToRam: boolean;
}

export interface PathPlace {
  ok: true;
  /** The store a write here costs; `base-readonly` when the root is read-only and nothing can be written. */
  store: StoreKind;
  mountPoint: string;
  /** The path inside that filesystem. */
  pathInMount: string;
  source: string;
  fsType: VolumeFsType;
  readOnly: boolean;
  persistent: boolean;
}

export class MountTable {
  private readonly mounts: Mount[] = [];

  add(mount: Mount): void {
    this.mounts.push(mount);
  }

  /** Mounts in the order `mount` lists them (the order they were made). */
  list(): readonly Mount[] {
    return this.mounts;
  }

  at(mountPoint: string): Mount | undefined {
    return this.mounts.find((m) => m.mountPoint === mountPoint);
  }

  /** The mount that owns a path (plain absolute form), or undefined when nothing is mounted over it. */
  owner(path: string): Mount | undefined {
    let best: Mount | undefined;
    for (const mount of this.mounts) {
      if (isWithin(path, mount.mountPoint) && (!best || mount.mountPoint.length > best.mountPoint.length)) {
        best = mount;
      }
    }
    return best;
  }

  /** Mount points strictly below a folder (they make it busy for rm -r and rename). */
  mountsBelow(path: string): Mount[] {
    return this.mounts.filter((m) => m.mountPoint !== path && isWithin(m.mountPoint, path));
  }

  place(path: string): PathPlace | undefined {
    const mount = this.owner(path);
    if (!mount) return undefined;
    return {
      ok: true,
      store: mount.store === 'overlay' && mount.readOnly ? 'base-readonly' : mount.store,
      mountPoint: mount.mountPoint,
      pathInMount: pathInside(path, mount.mountPoint),
      source: mount.source,
      fsType: mount.fsType,
      readOnly: mount.readOnly,
      persistent: mount.persistent,
    };
  }

  /** umount: the mount at `mountPoint` goes (what it hid shows again). */
  remove(mountPoint: string): void {
    const index = this.mounts.findIndex((m) => m.mountPoint === mountPoint);
    if (index >= 0) this.mounts.splice(index, 1);
  }

  clear(): void {
    this.mounts.length = 0;
  }
}

/** What a mount is, without the volume behind it (for views, listings and saved documents). */
export function mountFacts(m: Mount): Omit<Mount, 'volume'> {
  return {
    mountPoint: m.mountPoint,
    source: m.source,
    fsType: m.fsType,
    store: m.store,
    readOnly: m.readOnly,
    persistent: m.persistent,
    movedToRam: m.movedToRam,
  };
}
