// The COW device (the overlay file on a loop device): a sparse byte store that grows only by extension.
// Only bytes that were written are kept, in 4 KiB pages; holes read as zeros, like a sparse file. Data
// chunks are never written here (the model does not track file contents), only the header and metadata.

import { ModelError } from '../errors';
import { SECTOR_BYTES } from '../units';
import type { DeviceNumber } from './BlockDevice';

const PAGE_BYTES = 4096;

/**
 * The file under the loop device, when it is not simply there in full: a sparse overlay file on an ext4
 * stick, or the temporary overlay's file in RAM. The store writes chunks in order from the start, so the
 * question is always whether the file can hold every byte below an end; a refusal is the loop device's
 * write failing (ENOSPC in the file under it).
 */
export interface CowBacking {
  holds(endBytes: number): boolean;
}

export class CowDevice {
  private readonly pages = new Map<number, Uint8Array>();
  private flushHook: (() => void) | undefined;
  private backing: CowBacking | undefined;
  /** Nothing was ever written at or past this byte: zeroing there is free (a fresh area, say). */
  private writtenEndBytes = 0;

  constructor(
    private size: number,
    readonly deviceNumber: DeviceNumber = { major: 7, minor: 1 },
  ) {}

  get sizeSectors(): number {
    return this.size;
  }

  /**
   * An exception store that writes its metadata lazily registers here; the device calls it before any
   * byte is read, so readers always see exactly what the kernel would have written by now.
   */
  setFlushHook(hook: (() => void) | undefined): void {
    this.flushHook = hook;
  }

  flush(): void {
    this.flushHook?.();
  }

  /** Puts the device on a file that may refuse to grow (see CowBacking); undefined: a file in full. */
  setBacking(backing: CowBacking | undefined): void {
    this.backing = backing;
  }

  /** Whether the device is on a file that may refuse to grow (see CowBacking). */
  get backed(): boolean {
    return this.backing !== undefined;
  }

  /** Whether the file under the device can hold every byte below `endBytes` (it takes them when it can). */
  claim(endBytes: number): boolean {
    return this.backing?.holds(endBytes) ?? true;
  }

  /** Appends zero sectors, as `dd if=/dev/zero of=overlay oflag=append conv=notrunc` does. */
  extend(sectors: number): void {
    this.size += sectors;
  }

  read(offsetBytes: number, lengthBytes: number): Uint8Array {
    this.flush();
    return this.readRaw(offsetBytes, lengthBytes);
  }

  /** Reads without asking the store to flush: for the store itself. */
  readRaw(offsetBytes: number, lengthBytes: number): Uint8Array {
    this.checkRange(offsetBytes, lengthBytes);
    const out = new Uint8Array(lengthBytes);
    this.forEachPageSlice(offsetBytes, lengthBytes, (page, pageOffset, outOffset, length) => {
      const stored = this.pages.get(page);
      if (stored) out.set(stored.subarray(pageOffset, pageOffset + length), outOffset);
    });
    return out;
  }

  write(offsetBytes: number, bytes: Uint8Array): void {
    this.checkRange(offsetBytes, bytes.length);
    this.writtenEndBytes = Math.max(this.writtenEndBytes, offsetBytes + bytes.length);
    this.forEachPageSlice(offsetBytes, bytes.length, (page, pageOffset, srcOffset, length) => {
      let stored = this.pages.get(page);
      if (!stored) {
        stored = new Uint8Array(PAGE_BYTES);
        this.pages.set(page, stored);
      }
      stored.set(bytes.subarray(srcOffset, srcOffset + length), pageOffset);
    });
  }

  /** Writes zeros over a range, dropping whole pages so the file stays sparse. */
  zero(offsetBytes: number, lengthBytes: number): void {
    this.checkRange(offsetBytes, lengthBytes);
    if (offsetBytes >= this.writtenEndBytes) return;
    this.forEachPageSlice(offsetBytes, lengthBytes, (page, pageOffset, _src, length) => {
      const stored = this.pages.get(page);
      if (!stored) return;
      if (length === PAGE_BYTES) this.pages.delete(page);
      else stored.fill(0, pageOffset, pageOffset + length);
    });
  }

  /** The written pages in offset order, for export and serialisation (after a flush). */
  writtenPages(): { offsetBytes: number; bytes: Uint8Array }[] {
    this.flush();
    return [...this.pages.entries()]
      .sort(([a], [b]) => a - b)
      .map(([page, bytes]) => ({ offsetBytes: page * PAGE_BYTES, bytes }));
  }

  private checkRange(offsetBytes: number, lengthBytes: number): void {
    if (offsetBytes < 0 || lengthBytes < 0 || offsetBytes + lengthBytes > this.size * SECTOR_BYTES) {
      throw new ModelError('EIO', `access beyond the end of the COW device (${this.size} sectors)`);
    }
  }

  private forEachPageSlice(
    offsetBytes: number,
    lengthBytes: number,
    visit: (page: number, pageOffset: number, bufferOffset: number, length: number) => void,
  ): void {
    let done = 0;
    while (done < lengthBytes) {
      const at = offsetBytes + done;
      const page = Math.floor(at / PAGE_BYTES);
      const pageOffset = at - page * PAGE_BYTES;
      const length = Math.min(PAGE_BYTES - pageOffset, lengthBytes - done);
      visit(page, pageOffset, done, length);
      done += length;
    }
  }
}
