// The persistent exception store's on-disk format, exactly as drivers/md/dm-snap-persistent.c writes it.
//
// The COW device is divided into chunks of `chunkSectors` sectors. Everything is little-endian.
//
//   chunk 0            the header: four u32 values, the rest of the chunk is zero
//                        offset 0  magic      0x70416e53, the bytes "SnAp"
//                        offset 4  valid      1, or 0 once the snapshot was invalidated (any non-zero loads)
//                        offset 8  version    1
//                        offset 12 chunk_size in sectors
//   chunk 1            metadata area 0
//   chunks 2 … epa+1   the data chunks that area 0 describes
//   chunk epa+2        metadata area 1, then its data chunks, and so on: area i sits at chunk 1 + i*(epa+1).
//
// A metadata area holds `epa = chunkSectors*512/16` exceptions of 16 bytes: two u64, `old_chunk` (on the
// origin) then `new_chunk` (in the COW). The list ends at the first entry whose new_chunk is 0 (it would
// point at the header). Data chunks are handed out in order from chunk 2, skipping metadata chunks; when an
// area fills, the next area's chunk is zeroed at once.

import { isPowerOfTwo, SECTOR_BYTES } from '../units';

export const SNAP_MAGIC = 0x70416e53;
export const SNAPSHOT_DISK_VERSION = 1;
/** Bytes of the header that carry fields; the rest of chunk 0 is zero. */
export const HEADER_FIELD_BYTES = 16;
export const EXCEPTION_BYTES = 16;
/** Chunk 0 is the header (the kernel's NUM_SNAPSHOT_HDR_CHUNKS). */
export const HEADER_CHUNKS = 1;
/** Offset of the valid field: byte 4, the byte the Sugar Labs recovery procedure flips. */
export const VALID_BYTE_OFFSET = 4;

export interface DiskHeader {
  magic: number;
  valid: number;
  version: number;
  chunkSectors: number;
}

export function encodeHeader(header: DiskHeader): Uint8Array {
  const bytes = new Uint8Array(HEADER_FIELD_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, header.magic, true);
  view.setUint32(4, header.valid, true);
  view.setUint32(8, header.version, true);
  view.setUint32(12, header.chunkSectors, true);
  return bytes;
}

export function decodeHeader(bytes: Uint8Array): DiskHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_FIELD_BYTES);
  return {
    magic: view.getUint32(0, true),
    valid: view.getUint32(4, true),
    version: view.getUint32(8, true),
    chunkSectors: view.getUint32(12, true),
  };
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Exceptions per metadata area (the kernel's exceptions_per_area). */
export function exceptionsPerArea(chunkSectors: number): number {
  return (chunkSectors * SECTOR_BYTES) / EXCEPTION_BYTES;
}

/** The COW chunk holding metadata area `area` (the kernel's area_location). */
export function areaLocation(area: number, epa: number): number {
  return HEADER_CHUNKS + area * (epa + 1);
}

/** The next chunk that may hold data, stepping over a metadata chunk (the kernel's skip_metadata). */
export function skipMetadata(nextFree: number, epa: number): number {
  return nextFree % (epa + 1) === HEADER_CHUNKS ? nextFree + 1 : nextFree;
}

/** The first data chunk of a new store: after the header and area 0. */
export const FIRST_DATA_CHUNK = HEADER_CHUNKS + 1;

/**
 * Data chunks numbered in order, metadata chunks left out: data chunk `dataIndex` is COW chunk
 * 2 + dataIndex + floor(dataIndex/epa). Allocation walks this sequence, so runs of new exceptions are kept
 * as data indices and become chunk numbers only when written.
 */
export function dataChunk(dataIndex: number, epa: number): number {
  return FIRST_DATA_CHUNK + dataIndex + Math.floor(dataIndex / epa);
}

/** How many data chunks lie below COW chunk `chunk` (the data index of `chunk` when it is a data chunk). */
export function dataChunksBelow(chunk: number, epa: number): number {
  return chunk <= FIRST_DATA_CHUNK
    ? 0
    : chunk - HEADER_CHUNKS - Math.ceil((chunk - HEADER_CHUNKS) / (epa + 1));
}

const TWO_TO_32 = 2 ** 32;

function setU64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % TWO_TO_32, true);
  view.setUint32(at + 4, Math.floor(value / TWO_TO_32), true);
}

/** A u64 as a JavaScript number, or -1 when it is too large to be exact (only a corrupted file has one). */
function getU64(view: DataView, at: number): number {
  const high = view.getUint32(at + 4, true);
  if (high >= 2 ** 21) return -1;
  return high * TWO_TO_32 + view.getUint32(at, true);
}

/** Writes one exception into an area buffer, as the kernel's write_exception does. */
export function writeException(area: DataView, index: number, oldChunk: number, newChunk: number): void {
  const at = index * EXCEPTION_BYTES;
  setU64(area, at, oldChunk);
  setU64(area, at + 8, newChunk);
}

/** Reads one exception from an area buffer (-1 marks a value beyond 2^53, see getU64). */
export function readException(area: DataView, index: number): { oldChunk: number; newChunk: number } {
  const at = index * EXCEPTION_BYTES;
  return { oldChunk: getU64(area, at), newChunk: getU64(area, at + 8) };
}

/** The kernel's limit on a chunk size, INT_MAX >> SECTOR_SHIFT (dm_exception_store_set_chunk_size). */
export const MAX_CHUNK_SECTORS = 0x7fffffff >> 9;

/** How the kernel's read_header and read_metadata judge a header, before any exception is read. */
export type HeaderVerdict =
  | { kind: 'new' }
  | { kind: 'existing'; header: DiskHeader }
  | { kind: 'refused'; problem: 'bad-magic' | 'bad-chunk-size' | 'bad-version'; message: string };

export function judgeHeader(bytes: Uint8Array): HeaderVerdict {
  const header = decodeHeader(bytes);
  if (header.magic === 0) return { kind: 'new' };
  if (header.magic !== SNAP_MAGIC) {
    return { kind: 'refused', problem: 'bad-magic', message: 'Invalid or corrupt snapshot' };
  }
  const chunk = header.chunkSectors;
  const chunkProblem = !isPowerOfTwo(chunk)
    ? 'is not a power of 2'
    : chunk > MAX_CHUNK_SECTORS
      ? 'is too high'
      : null;
  if (chunkProblem) {
    return {
      kind: 'refused',
      problem: 'bad-chunk-size',
      message: `invalid on-disk chunk size ${chunk}: Chunk size ${chunkProblem}`,
    };
  }
  if (header.version !== SNAPSHOT_DISK_VERSION) {
    return {
      kind: 'refused',
      problem: 'bad-version',
      message: `unable to handle snapshot disk version ${header.version}`,
    };
  }
  return { kind: 'existing', header };
}
