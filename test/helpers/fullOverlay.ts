// A completely full overlay file, as a PO snapshot leaves it after writing until no chunk is left: the
// header and every metadata area written with the model's codecs, data chunks as holes. Written as a sparse
// file, a 4 GiB overlay takes a few MiB on disk (the bench hands it to Chromium's file chooser).

import { open } from 'node:fs/promises';
import {
  areaLocation,
  dataChunk,
  encodeHeader,
  exceptionsPerArea,
  SNAP_MAGIC,
  SNAPSHOT_DISK_VERSION,
  writeException,
} from '../../src/model/dm/diskFormat';
import { SECTOR_BYTES } from '../../src/model/units';

export interface SparseOverlay {
  sizeBytes: number;
  pages: { offsetBytes: number; bytes: Uint8Array }[];
  /** Exceptions in the table: origin chunk i went to the i-th data chunk. */
  exceptions: number;
}

/** Every chunk handed out; the last area is the one not full (sizes where it would be full are refused). */
export function fullOverlay(sizeBytes: number, chunkSectors = 8): SparseOverlay {
  const chunkBytes = chunkSectors * SECTOR_BYTES;
  const totalChunks = Math.floor(sizeBytes / chunkBytes);
  const epa = exceptionsPerArea(chunkSectors);
  const header = new Uint8Array(chunkBytes);
  header.set(encodeHeader({ magic: SNAP_MAGIC, valid: 1, version: SNAPSHOT_DISK_VERSION, chunkSectors }));
  const pages = [{ offsetBytes: 0, bytes: header }];
  let exceptions = 0;
  for (let area = 0; areaLocation(area, epa) < totalChunks; area++) {
    const at = areaLocation(area, epa);
    const inArea = Math.min(epa, totalChunks - at - 1);
    if (inArea === epa && areaLocation(area + 1, epa) >= totalChunks) {
      throw new Error(`a full overlay of ${sizeBytes} bytes would end on a full area: pick another size`);
    }
    const bytes = new Uint8Array(chunkBytes);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < inArea; i++, exceptions++) {
      writeException(view, i, exceptions, dataChunk(exceptions, epa));
    }
    pages.push({ offsetBytes: at * chunkBytes, bytes });
  }
  return { sizeBytes, pages, exceptions };
}

/** Writes the overlay as a sparse file: its length, then only its pages. */
export async function writeSparseFile(path: string, { sizeBytes, pages }: SparseOverlay): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.truncate(sizeBytes);
    for (const { offsetBytes, bytes } of pages) await file.write(bytes, 0, bytes.length, offsetBytes);
  } finally {
    await file.close();
  }
}
