// What each chunk of the COW file is, as dm-snap-persistent.c lays it out: chunk 0 the header, then
// metadata areas, each followed by the data chunks it records; a transient (RAM) store has data only.

import { areaLocation, exceptionsPerArea, HEADER_CHUNKS } from '../../model/dm/diskFormat';
import type { OverlayUsage, StickUsage } from '../../model/stick/usageSummary';

export interface CowLayout {
  kind: OverlayUsage['kind'];
  state: OverlayUsage['state'];
  chunkSectors: number;
  chunkBytes: number;
  /** The chunks drawn: the whole COW file, or for a temporary overlay the chunks RAM can hold. */
  totalChunks: number;
  /** The COW file's chunks (a temporary overlay's sparse file is far larger than the RAM behind it). */
  fileChunks: number;
  /** Exceptions per metadata area; null for a transient store (no header, no areas). */
  epa: number | null;
  /** Metadata areas started so far (persistent). */
  areas: number;
}

export type CowChunkKind = { kind: 'header' } | { kind: 'area'; area: number } | { kind: 'data' };

export function cowLayout(usage: StickUsage): CowLayout {
  const overlay = usage.overlay;
  const persistent = overlay.kind === 'persistent';
  const chunkBytes = overlay.chunkSectors * 512;
  const fileChunks = Math.floor(overlay.totalSectors / overlay.chunkSectors);
  const room = usage.ram.temporaryOverlayRoomBytes;
  const inRam =
    overlay.kind === 'temporary' && room !== null
      ? Math.floor((overlay.allocatedSectors * 512 + room) / chunkBytes)
      : fileChunks;
  return {
    kind: overlay.kind,
    state: overlay.state,
    chunkSectors: overlay.chunkSectors,
    chunkBytes,
    totalChunks: Math.min(fileChunks, inRam),
    fileChunks,
    epa: persistent ? exceptionsPerArea(overlay.chunkSectors) : null,
    areas: persistent ? Math.max(0, overlay.metadataSectors / overlay.chunkSectors - HEADER_CHUNKS) : 0,
  };
}

export function cowChunkKind(layout: CowLayout, chunk: number): CowChunkKind {
  if (layout.epa === null) return { kind: 'data' };
  if (chunk < HEADER_CHUNKS) return { kind: 'header' };
  const offset = chunk - HEADER_CHUNKS;
  return offset % (layout.epa + 1) === 0
    ? { kind: 'area', area: offset / (layout.epa + 1) }
    : { kind: 'data' };
}

/** Whether [first, end) holds an area's chunk (areas sit every epa + 1 chunks from chunk 1). */
export function rangeHoldsArea(layout: CowLayout, first: number, end: number): boolean {
  if (layout.epa === null) return false;
  const step = layout.epa + 1;
  const firstArea = Math.max(0, Math.ceil((first - HEADER_CHUNKS) / step));
  return areaLocation(firstArea, layout.epa) < end;
}
