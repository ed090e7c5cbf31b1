// What one cell of the map shows, as a number (so a redraw can skip cells whose number did not change):
// the header, a metadata area (started or still to come), a free chunk, or the owner holding most of
// its data chunks.

import type { ChunkEntries } from './chunkMapSource';
import type { ChunkGrid } from './chunkGrid';
import { cowChunkKind, rangeHoldsArea, type CowLayout } from './cowLayout';

export const FREE_CELL = 0;
export const HEADER_CELL = 1;
export const AREA_CELL = 2;
/** Where a metadata area will go once the ones before it fill. */
export const FUTURE_AREA_CELL = 3;
/** Cells of owner `id` are OWNER_CELL + id. */
export const OWNER_CELL = 4;

/** The COW chunks [first, end) a cell covers. */
export function cellChunks(grid: ChunkGrid, layout: CowLayout, cell: number): [number, number] {
  const first = cell * grid.chunksPerCell;
  return [first, Math.min(first + grid.chunksPerCell, layout.totalChunks)];
}

export function cellKey(grid: ChunkGrid, layout: CowLayout, entries: ChunkEntries, cell: number): number {
  const [first, end] = cellChunks(grid, layout, cell);
  if (layout.epa !== null && first === 0) return HEADER_CELL;
  if (rangeHoldsArea(layout, first, end)) {
    const kind = cowChunkKind(layout, grid.chunksPerCell === 1 ? first : firstAreaChunk(layout, first));
    return kind.kind === 'area' && kind.area < layout.areas ? AREA_CELL : FUTURE_AREA_CELL;
  }
  const from = entries.firstIndexFrom(first);
  const to = entries.firstIndexFrom(end);
  if (to === from) return FREE_CELL;
  return OWNER_CELL + (to - from === 1 ? entries.ownerIdAt(from) : mostCommonOwner(entries, from, to));
}

function firstAreaChunk(layout: CowLayout, first: number): number {
  const step = layout.epa! + 1;
  return 1 + Math.max(0, Math.ceil((first - 1) / step)) * step;
}

function mostCommonOwner(entries: ChunkEntries, from: number, to: number): number {
  const counts = new Map<number, number>();
  let best = entries.ownerIdAt(from);
  let bestCount = 0;
  for (let i = from; i < to; i++) {
    const id = entries.ownerIdAt(i);
    const count = (counts.get(id) ?? 0) + 1;
    counts.set(id, count);
    if (count > bestCount) [best, bestCount] = [id, count];
  }
  return best;
}
