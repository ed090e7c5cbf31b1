// Reading <cellar-chunk-map>'s canvas back in browser tests: how many cells show a data chunk's owner.

import type { CellarChunkMap } from '../../src/ui/chunk-map/cellar-chunk-map.js';

/** Cells whose colour is an owner's (not free, header or metadata area): pixel (1, 0) of each cell. */
export function dataCells(el: CellarChunkMap): number {
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const ratio = canvas.width / canvas.clientWidth;
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const structure = new Set(['238,238,238', '26,26,26', '247,247,247', '187,187,187', '255,255,255']);
  const cellPx = cellSize(el);
  let count = 0;
  for (let y = 0; y < canvas.clientHeight; y += cellPx) {
    for (let x = 0; x < canvas.clientWidth - cellPx + 1; x += cellPx) {
      const at = (Math.round(y * ratio) * canvas.width + Math.round((x + 1) * ratio)) * 4;
      if (pixels[at + 3] === 0) continue;
      if (!structure.has(`${pixels[at]},${pixels[at + 1]},${pixels[at + 2]}`)) count++;
    }
  }
  return count;
}

function cellSize(el: CellarChunkMap): number {
  const grid = (el as unknown as { grid: { cellPx: number } }).grid;
  return grid.cellPx;
}
