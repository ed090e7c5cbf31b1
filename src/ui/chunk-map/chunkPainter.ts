// Draws the map's cells on its canvas a few at a time: only cells whose content changed are painted, and
// each animation frame stops after a few milliseconds, so a 1 GiB write (262,144 new chunks) is drawn
// over several frames instead of freezing one.

import type { ChunkEntries } from './chunkMapSource';
import { AREA_CELL, cellKey, FREE_CELL, FUTURE_AREA_CELL, HEADER_CELL, OWNER_CELL } from './chunkCells';
import type { ChunkGrid } from './chunkGrid';
import type { CowLayout } from './cowLayout';
import { ownerStyles, paintCell, type OwnerStyle } from './ownerStyles';

/** Milliseconds of drawing per frame: leaves the rest of a 16 ms frame to the gauge and the browser. */
const FRAME_BUDGET_MS = 4;

export const STRUCTURE_STYLES: Record<number, OwnerStyle> = {
  [FREE_CELL]: { colour: '#eeeeee', ink: '#eeeeee', pattern: 'solid' },
  [HEADER_CELL]: { colour: '#1a1a1a', ink: '#ffffff', pattern: 'cross' },
  [AREA_CELL]: { colour: '#ffffff', ink: '#1a1a1a', pattern: 'solid' },
  [FUTURE_AREA_CELL]: { colour: '#f7f7f7', ink: '#bbbbbb', pattern: 'solid' },
};

export class ChunkPainter {
  private keys = new Int32Array(0);
  private styles: OwnerStyle[] = [];
  /** Cells still to check, as one range: [next, end). */
  private next = 0;
  private end = 0;
  private frame = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly entries: ChunkEntries,
    private grid: ChunkGrid,
    private layout: CowLayout,
  ) {
    this.reset(grid, layout);
  }

  /** A new geometry: every cell is drawn again. */
  reset(grid: ChunkGrid, layout: CowLayout): void {
    this.grid = grid;
    this.layout = layout;
    const ratio = globalThis.devicePixelRatio || 1;
    this.canvas.width = grid.columns * grid.cellPx * ratio;
    this.canvas.height = grid.rows * grid.cellPx * ratio;
    this.canvas.style.width = `${grid.columns * grid.cellPx}px`;
    this.canvas.style.height = `${grid.rows * grid.cellPx}px`;
    this.canvas.getContext('2d', { willReadFrequently: true })!.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.keys = new Int32Array(grid.cells).fill(-1);
    this.markDirty(0, grid.cells);
  }

  /** Exceptions per area of the layout drawn (null: a transient store): another value redraws everything. */
  get layoutEpa(): number | null {
    return this.layout.epa;
  }

  /** The same cells, a layout with more metadata areas or another state: cells are drawn as they change. */
  setLayout(layout: CowLayout): void {
    this.layout = layout;
  }

  /** Cells [from, to) may have changed (new chunks, a new area, new owners). */
  markDirty(from: number, to: number): void {
    const first = Math.max(0, from);
    const last = Math.min(this.grid.cells, to);
    if (last <= first) return;
    if (this.next >= this.end) [this.next, this.end] = [first, last];
    else [this.next, this.end] = [Math.min(this.next, first), Math.max(this.end, last)];
    this.frame ||= requestAnimationFrame(() => this.drawSome());
  }

  /** Whether cells wait to be drawn (tests wait for this to become false). */
  get busy(): boolean {
    return this.next < this.end;
  }

  stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private drawSome(): void {
    this.frame = 0;
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true })!;
    const start = performance.now();
    this.styles = ownerStyles(this.entries.owners);
    const { cellPx, columns } = this.grid;
    while (this.next < this.end) {
      const cell = this.next++;
      const key = cellKey(this.grid, this.layout, this.entries, cell);
      if (key !== this.keys[cell]) {
        this.keys[cell] = key;
        const x = (cell % columns) * cellPx;
        const y = Math.floor(cell / columns) * cellPx;
        this.paint(ctx, key, x, y);
      }
      if ((cell & 63) === 0 && performance.now() - start > FRAME_BUDGET_MS) break;
    }
    if (this.next < this.end) this.frame = requestAnimationFrame(() => this.drawSome());
  }

  private paint(ctx: CanvasRenderingContext2D, key: number, x: number, y: number): void {
    const size = this.grid.cellPx;
    // A gap between cells once they are big enough for one: the grid reads as chunks.
    const inner = size >= 6 ? size - 1 : size;
    ctx.clearRect(x, y, size, size);
    // Areas still to come are only worth a mark where a cell is big enough to show a hollow square.
    const shown = key === FUTURE_AREA_CELL && size < 6 ? FREE_CELL : key;
    const style = shown >= OWNER_CELL ? this.styles[shown - OWNER_CELL]! : STRUCTURE_STYLES[shown]!;
    paintCell(ctx, x, y, inner, style);
    // Metadata areas are hollow squares: a shape, not only a colour.
    if (shown === AREA_CELL || shown === FUTURE_AREA_CELL) {
      ctx.strokeStyle = shown === AREA_CELL ? '#1a1a1a' : '#bbbbbb';
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, inner - 1, inner - 1);
    }
  }
}
