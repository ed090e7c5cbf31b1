// How the COW file's chunks fit the canvas: one cell per chunk while they fit, the biggest cell that does;
// past that, the smallest cell and several chunks per cell (a 1 GiB overlay has 262,144 chunks).

export interface ChunkGrid {
  cellPx: number;
  columns: number;
  rows: number;
  chunksPerCell: number;
  /** Cells in use: the last row may be partly empty. */
  cells: number;
}

const CELL_SIZES = [16, 12, 10, 8, 6, 5, 4, 3];

export function chunkGrid(totalChunks: number, widthPx: number, maxHeightPx: number): ChunkGrid {
  const chunks = Math.max(1, totalChunks);
  for (const cellPx of CELL_SIZES) {
    const columns = Math.max(1, Math.floor(widthPx / cellPx));
    const rows = Math.ceil(chunks / columns);
    if (rows * cellPx <= maxHeightPx) return { cellPx, columns, rows, chunksPerCell: 1, cells: chunks };
  }
  const cellPx = CELL_SIZES.at(-1)!;
  const columns = Math.max(1, Math.floor(widthPx / cellPx));
  const maxRows = Math.max(1, Math.floor(maxHeightPx / cellPx));
  const chunksPerCell = Math.ceil(chunks / (columns * maxRows));
  const cells = Math.ceil(chunks / chunksPerCell);
  return { cellPx, columns, rows: Math.ceil(cells / columns), chunksPerCell, cells };
}

/** The cell a chunk is drawn in. */
export function cellOfChunk(grid: ChunkGrid, chunk: number): number {
  return Math.floor(chunk / grid.chunksPerCell);
}
