// LiveOS/squashfs.img: the read-only, compressed image on the stick that holds the root filesystem image
// (`LiveOS/rootfs.img`, in 2012 `LiveOS/ext3fs.img`), the origin under the overlay. It answers what it
// holds and what it costs on the stick, and refuses every write with EROFS, as a read-only mount does.
//
// Its compressed size, when not known, is estimated from the bytes in use in the root image and a
// compression ratio (`estimateSquashedBytes`). The root image's free space costs nothing: mksquashfs
// stores blocks of zeros as holes (see the kernel-golden f_liveos_4k run: a 512 MiB rootfs.img with
// 39.6 MiB of files became a 39,337,984-byte squashfs.img), and livecd-creator and lorax zero the free
// blocks first so that this holds (weldr/lorax pull request #82). The image is padded to a multiple of
// 4 KiB (mksquashfs(1): `-nopad` "do not pad filesystem to a multiple of 4K").
//
// DEFAULT_SQUASHFS_RATIO = 3 (used bytes ÷ squashfs.img bytes) is an estimate, not a measurement of a
// SoaS image: squashfs-tools' RELEASE-READMEs/PERFORMANCE.README squashes an Ubuntu live root of 1.4 GB to
// 448.58 MB with gzip (3.1×); Fedora's switch to xz (Features/LZMA_for_Live_Images, Fedora 15) made the
// Games spin 8.7 % smaller than gzip (4,242,538,496 → 3,873,439,744 bytes), which would give about 3.4×;
// a media-heavy Gentoo /usr reaches only 2.3× with xz (linuxreviews.org/Squashfs: 19,090 → 8,384 MB). Three
// sits inside that range and is easy to reason about in a lesson; pass a ratio to use another.

import { ModelError } from '../errors';
import { Emitter } from '../events';
import type { EraProfile } from '../stick/eras';
import { SECTOR_BYTES, isWholeNumber } from '../units';
import { splitPath } from './paths';
import { damaged, readHeader, readWhole } from './stateReader';
import {
  fail,
  type DirEntry,
  type FileStat,
  type StoreFailure,
  type StoreResult,
  type StoreUsage,
} from './storeTypes';

/** Uncompressed bytes in use per byte of squashfs.img (see the header for where 3 comes from). */
export const DEFAULT_SQUASHFS_RATIO = 3;

/** mksquashfs pads the image to a multiple of this. */
export const SQUASHFS_PAD_BYTES = 4096;

export const SQUASHFS_STATE_VERSION = 1;

export type RootImageName = EraProfile['rootImageName'];

export interface SquashfsEvents {
  /** Something tried to change the read-only image: the write failed with EROFS. */
  'write-refused': { path: string; operation: string; toPath?: string };
}

export interface SquashfsImageSpec {
  /** Size of LiveOS/squashfs.img on the stick. */
  compressedBytes: number;
  rootImageName: RootImageName;
  /** Apparent size of the root image inside (the origin device's size). */
  rootImageBytes: number;
  /** Bytes of the root image in use (files and filesystem structures); the rest is free space. */
  rootImageUsedBytes: number;
  events?: Emitter<SquashfsEvents>;
}

export interface SquashfsState {
  kind: 'squashfs';
  version: typeof SQUASHFS_STATE_VERSION;
  compressedBytes: number;
  rootImageName: RootImageName;
  rootImageBytes: number;
  rootImageUsedBytes: number;
}

/** The squashfs.img size for a root image with `usedBytes` in use, at `ratio` (padded to 4 KiB). */
export function estimateSquashedBytes(usedBytes: number, ratio = DEFAULT_SQUASHFS_RATIO): number {
  if (!isWholeNumber(usedBytes)) throw new ModelError('EINVAL', 'bytes in use must be a whole number');
  if (!(Number.isFinite(ratio) && ratio > 0))
    throw new ModelError('EINVAL', 'a compression ratio is a positive number');
  return Math.max(1, Math.ceil(usedBytes / ratio / SQUASHFS_PAD_BYTES)) * SQUASHFS_PAD_BYTES;
}

function isRootImageName(name: unknown): name is RootImageName {
  return name === 'rootfs.img' || name === 'ext3fs.img';
}

export class SquashfsImage {
  readonly kind = 'squashfs';
  readonly readOnly = true;
  readonly events: Emitter<SquashfsEvents>;
  readonly compressedBytes: number;
  readonly rootImageName: RootImageName;
  readonly rootImageBytes: number;
  readonly rootImageUsedBytes: number;

  constructor(spec: SquashfsImageSpec) {
    for (const [field, value] of [
      ['compressedBytes', spec.compressedBytes],
      ['rootImageBytes', spec.rootImageBytes],
      ['rootImageUsedBytes', spec.rootImageUsedBytes],
    ] as const) {
      if (!isWholeNumber(value)) throw new ModelError('EINVAL', `${field} must be a whole number of bytes`);
    }
    if (!isRootImageName(spec.rootImageName)) {
      throw new ModelError('EINVAL', 'the root image is rootfs.img or ext3fs.img');
    }
    if (spec.rootImageUsedBytes > spec.rootImageBytes) {
      throw new ModelError('EINVAL', 'the root image cannot use more bytes than it has');
    }
    if (spec.compressedBytes === 0) throw new ModelError('EINVAL', 'a squashfs image is never empty');
    this.compressedBytes = spec.compressedBytes;
    this.rootImageName = spec.rootImageName;
    this.rootImageBytes = spec.rootImageBytes;
    this.rootImageUsedBytes = spec.rootImageUsedBytes;
    this.events = spec.events ?? new Emitter<SquashfsEvents>();
  }

  /** An image whose size is estimated from the root image's use (estimateSquashedBytes). */
  static fromRootImage(spec: Omit<SquashfsImageSpec, 'compressedBytes'> & { ratio?: number }): SquashfsImage {
    return new SquashfsImage({
      ...spec,
      compressedBytes: estimateSquashedBytes(spec.rootImageUsedBytes, spec.ratio),
    });
  }

  /** The root image's path inside the squashfs. */
  get rootImagePath(): string {
    return `/LiveOS/${this.rootImageName}`;
  }

  /** The origin device's size: the loop device over the root image has this many sectors. */
  get rootImageSectors(): number {
    return Math.floor(this.rootImageBytes / SECTOR_BYTES);
  }

  /** Bytes in use in the root image per byte of squashfs.img. */
  get compressionRatio(): number {
    return this.rootImageUsedBytes / this.compressedBytes;
  }

  /** What the image takes on the stick; it is always full. */
  usage(): StoreUsage {
    return { usedBytes: this.compressedBytes, capacityBytes: this.compressedBytes };
  }

  stat(path: string): StoreResult<FileStat> {
    const names = splitPath(path);
    if (names.length === 0)
      return { ok: true, value: { path: '/', kind: 'dir', sizeBytes: 0, usedBytes: 0 } };
    if (names[0] !== 'LiveOS') return fail('ENOENT');
    if (names.length === 1)
      return { ok: true, value: { path: '/LiveOS', kind: 'dir', sizeBytes: 0, usedBytes: 0 } };
    if (names.length === 2 && names[1] === this.rootImageName) {
      return { ok: true, value: { path: this.rootImagePath, ...this.rootImageEntry() } };
    }
    return fail(names.length > 2 && names[1] === this.rootImageName ? 'ENOTDIR' : 'ENOENT');
  }

  list(path: string): StoreResult<DirEntry[]> {
    const found = this.stat(path);
    if (!found.ok) return found;
    if (found.value.kind !== 'dir') return fail('ENOTDIR');
    if (found.value.path === '/') {
      return { ok: true, value: [{ name: 'LiveOS', kind: 'dir', sizeBytes: 0, usedBytes: 0 }] };
    }
    return { ok: true, value: [{ name: this.rootImageName, ...this.rootImageEntry() }] };
  }

  /** Any change to the image (write, create, append, truncate, remove, rename, mkdir): EROFS. */
  refuseWrite(path: string, operation: string, toPath?: string): StoreFailure {
    if (this.events.wants('write-refused')) {
      this.events.emit(
        'write-refused',
        toPath === undefined ? { path, operation } : { path, operation, toPath },
      );
    }
    return fail('EROFS');
  }

  write(path: string): StoreFailure {
    return this.refuseWrite(path, 'write');
  }

  createFile(path: string): StoreFailure {
    return this.refuseWrite(path, 'create');
  }

  append(path: string): StoreFailure {
    return this.refuseWrite(path, 'append');
  }

  resize(path: string): StoreFailure {
    return this.refuseWrite(path, 'truncate');
  }

  remove(path: string): StoreFailure {
    return this.refuseWrite(path, 'remove');
  }

  rename(fromPath: string, toPath: string): StoreFailure {
    return this.refuseWrite(fromPath, 'rename', toPath);
  }

  mkdir(path: string): StoreFailure {
    return this.refuseWrite(path, 'mkdir');
  }

  save(): SquashfsState {
    return {
      kind: 'squashfs',
      version: SQUASHFS_STATE_VERSION,
      compressedBytes: this.compressedBytes,
      rootImageName: this.rootImageName,
      rootImageBytes: this.rootImageBytes,
      rootImageUsedBytes: this.rootImageUsedBytes,
    };
  }

  /** Loads a saved image, or throws a ModelError naming what is wrong with the document. */
  static restore(state: unknown, events?: Emitter<SquashfsEvents>): SquashfsImage {
    const what = 'squashfs image';
    const doc = readHeader(state, what, 'squashfs', SQUASHFS_STATE_VERSION);
    const compressedBytes = readWhole(doc.compressedBytes, what, 'compressedBytes');
    const rootImageBytes = readWhole(doc.rootImageBytes, what, 'rootImageBytes');
    const rootImageUsedBytes = readWhole(doc.rootImageUsedBytes, what, 'rootImageUsedBytes');
    if (!isRootImageName(doc.rootImageName))
      throw damaged(what, 'rootImageName is not rootfs.img or ext3fs.img');
    if (compressedBytes === 0) throw damaged(what, 'compressedBytes is 0');
    if (rootImageUsedBytes > rootImageBytes)
      throw damaged(what, 'the root image uses more bytes than it has');
    return new SquashfsImage({
      compressedBytes,
      rootImageName: doc.rootImageName,
      rootImageBytes,
      rootImageUsedBytes,
      events,
    });
  }

  private rootImageEntry(): Omit<DirEntry, 'name'> {
    // Inside the squashfs the root image reads as a file of its full size; it takes its compressed share.
    return { kind: 'file', sizeBytes: this.rootImageBytes, usedBytes: this.compressedBytes };
  }
}
