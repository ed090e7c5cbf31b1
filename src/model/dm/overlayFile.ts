// The overlay-file codec: what the kernel would load from a COW file, read by slices (the header chunk and
// the metadata areas, never the data), and the file the model's COW device amounts to. The same reader
// serves the model's own COW, a real overlay chosen in the browser (a Blob) and the CLI (a file handle).

import type { CowDevice } from '../block/CowDevice';
import { SECTOR_BYTES } from '../units';
import { HEADER_FIELD_BYTES, judgeHeader, toHex, type DiskHeader } from './diskFormat';
import { ExceptionRuns } from './ExceptionRuns';
import { MetadataLoader, type LoadedTable } from './MetadataLoader';
import type { SnapshotStatus } from './SnapshotTarget';

/** Anything that can hand out slices of a file: bytes in memory, a Blob, a file handle. */
export interface ByteSource {
  readonly sizeBytes: number;
  read(offsetBytes: number, lengthBytes: number): Uint8Array | Promise<Uint8Array>;
  /**
   * Several slices in one request, for a source that pays per request rather than per byte (a File in
   * the browser); in the order asked.
   */
  readMany?(ranges: readonly { offsetBytes: number; lengthBytes: number }[]): Promise<Uint8Array[]>;
}

export type OverlayProblem = 'bad-magic' | 'bad-chunk-size' | 'bad-version' | 'truncated' | 'corrupt';

/** A file the kernel would refuse to load, with the reason in plain words. */
export class OverlayFileError extends Error {
  constructor(
    readonly problem: OverlayProblem,
    message: string,
  ) {
    super(message);
    this.name = 'OverlayFileError';
  }
}

export interface OverlayInfo {
  /** A zeroed file: the kernel would format it as a new store on `dmsetup create`. */
  blank: boolean;
  header: DiskHeader | null;
  headerHex16: string;
  chunkSectors: number;
  cowSectors: number;
  /** The exception table in on-disk order (read even when the valid byte is 0: set_valid brings it back). */
  exceptions: ExceptionRuns;
  /** Where the kernel would continue; null for a blank file or one marked invalid whose table is damaged. */
  table: LoadedTable | null;
  /** Why the table of an invalid overlay could not be read to its end (the kernel does not read it). */
  tableProblem: OverlayFileError | null;
  /** The status `dmsetup status` would print right after `dmsetup create`. */
  status: SnapshotStatus;
}

export interface ReadOverlayOptions {
  /** Chunk size of the table, used only for a blank file (LiveOS uses 8). */
  chunkSectors?: number;
  /**
   * Called after each metadata area with how far into the file it ends: the areas are spread through the
   * whole file, so that offset over the file's size is how far the reading has come (a progress bar).
   */
  onProgress?: (throughBytes: number) => void;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { sizeBytes: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

export function cowSource(cow: CowDevice): ByteSource {
  return { sizeBytes: cow.sizeSectors * SECTOR_BYTES, read: (offset, length) => cow.read(offset, length) };
}

/** Reads an overlay as the kernel's persistent store would load it. */
export async function readOverlay(
  source: ByteSource,
  options: ReadOverlayOptions = {},
): Promise<OverlayInfo> {
  const cowSectors = Math.floor(source.sizeBytes / SECTOR_BYTES);
  if (source.sizeBytes < HEADER_FIELD_BYTES) {
    throw new OverlayFileError(
      'truncated',
      `the file is only ${source.sizeBytes} bytes: too short for a header`,
    );
  }
  const headerBytes = await source.read(0, HEADER_FIELD_BYTES);
  const headerHex16 = toHex(headerBytes);
  const verdict = judgeHeader(headerBytes);
  if (verdict.kind === 'refused') {
    const hint =
      verdict.problem === 'bad-magic' ? ` (the first bytes are ${headerHex16.slice(0, 8)}, not "SnAp")` : '';
    throw new OverlayFileError(verdict.problem, `not a usable overlay: ${verdict.message}${hint}`);
  }
  if (verdict.kind === 'new') return blankOverlay(headerHex16, cowSectors, options.chunkSectors ?? 8);

  const { header } = verdict;
  const found = { blank: false, header, headerHex16, chunkSectors: header.chunkSectors, cowSectors };
  const exceptions = new ExceptionRuns();
  let table: LoadedTable;
  try {
    table = await readTable(source, found, exceptions, options.onProgress);
  } catch (error) {
    // The kernel never reads the table of a snapshot marked invalid: it is Invalid whatever the table holds.
    if (header.valid !== 0 || !(error instanceof OverlayFileError)) throw error;
    return { ...found, exceptions, table: null, tableProblem: error, status: { state: 'Invalid' } };
  }
  const status: SnapshotStatus =
    header.valid === 0
      ? { state: 'Invalid' }
      : {
          state: 'Valid',
          sectorsAllocated: table.nextFree * header.chunkSectors,
          totalSectors: cowSectors,
          metadataSectors: (table.currentArea + 2) * header.chunkSectors,
        };
  return { ...found, exceptions, table, status, tableProblem: null };
}

/** Walks the metadata areas into `exceptions`, as the kernel's read_exceptions does. */
async function readTable(
  source: ByteSource,
  { chunkSectors, cowSectors }: { chunkSectors: number; cowSectors: number },
  exceptions: ExceptionRuns,
  onProgress: ((throughBytes: number) => void) | undefined,
): Promise<LoadedTable> {
  const chunkBytes = chunkSectors * SECTOR_BYTES;
  const loader = new MetadataLoader(chunkSectors);
  for (let chunk = loader.nextAreaChunk(); chunk !== null; chunk = loader.nextAreaChunk()) {
    if ((chunk + 1) * chunkSectors > cowSectors) {
      throw new OverlayFileError(
        'truncated',
        `the file ends before metadata area ${(chunk - 1) / (loader.epa + 1)} (chunk ${chunk}): it was cut short`,
      );
    }
    const area = await source.read(chunk * chunkBytes, chunkBytes);
    try {
      loader.feed(area, (oldChunk, newChunk) => exceptions.append(oldChunk, newChunk, 1));
    } catch (error) {
      throw new OverlayFileError('corrupt', `the exception table is damaged: ${(error as Error).message}`);
    }
    onProgress?.((chunk + 1) * chunkBytes);
  }
  return loader.result();
}

function blankOverlay(headerHex16: string, cowSectors: number, chunkSectors: number): OverlayInfo {
  // The kernel writes the header and zeroes area 0 on `dmsetup create`: both chunks must fit.
  const fresh = 2 * chunkSectors;
  if (cowSectors < fresh) {
    throw new OverlayFileError(
      'truncated',
      `the file is blank and only ${cowSectors} sectors long: an overlay needs at least ${fresh} (a header and a metadata area)`,
    );
  }
  return {
    blank: true,
    header: null,
    headerHex16,
    chunkSectors,
    cowSectors,
    exceptions: new ExceptionRuns(),
    table: null,
    tableProblem: null,
    status: { state: 'Valid', sectorsAllocated: fresh, totalSectors: cowSectors, metadataSectors: fresh },
  };
}

/**
 * The overlay file of a model COW: its size and the written pages (header and metadata areas). Data chunks
 * are holes: write it as a sparse file, or fill the holes with zeros.
 */
export function exportOverlay(cow: CowDevice): {
  sizeBytes: number;
  pages: { offsetBytes: number; bytes: Uint8Array }[];
} {
  const pages = cow.writtenPages();
  return { sizeBytes: cow.sizeSectors * SECTOR_BYTES, pages };
}

/** The whole overlay file as one buffer: for small COWs and tests. */
export function overlayBytes(cow: CowDevice): Uint8Array {
  const { sizeBytes, pages } = exportOverlay(cow);
  const out = new Uint8Array(sizeBytes);
  for (const { offsetBytes, bytes } of pages)
    out.set(bytes.subarray(0, Math.max(0, Math.min(bytes.length, sizeBytes - offsetBytes))), offsetBytes);
  return out;
}
