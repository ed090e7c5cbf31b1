// Each owner's colour and pattern, the same in the chunk map, its legend and the spenders' bars, so no
// owner is told apart by colour alone. The filesystem's own owners keep fixed styles; folders take the
// palette in the order the ledger first met them.

import { BOOT_OWNER, EARLIER_OWNER, JOURNAL_OWNER, METADATA_OWNER } from '../../model/stick/overlayOwners';

export type Pattern =
  'solid' | 'diagonal' | 'backslash' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'grid';

export interface OwnerStyle {
  colour: string;
  /** Lines and dots drawn over the colour. */
  ink: string;
  pattern: Pattern;
}

const FIXED: Record<string, OwnerStyle> = {
  [JOURNAL_OWNER]: { colour: '#f0e442', ink: '#5c5200', pattern: 'horizontal' },
  [METADATA_OWNER]: { colour: '#7a8793', ink: '#1d252c', pattern: 'dots' },
  [BOOT_OWNER]: { colour: '#b9a58c', ink: '#3b2f20', pattern: 'vertical' },
  [EARLIER_OWNER]: { colour: '#c4c4c4', ink: '#444444', pattern: 'grid' },
};

/** Colour-blind-safe hues (Okabe–Ito and friends), each with its own pattern. */
const FOLDER_STYLES: OwnerStyle[] = [
  { colour: '#0072b2', ink: '#ffffff', pattern: 'solid' },
  { colour: '#d55e00', ink: '#ffffff', pattern: 'diagonal' },
  { colour: '#009e73', ink: '#ffffff', pattern: 'backslash' },
  { colour: '#cc79a7', ink: '#3d0f2b', pattern: 'cross' },
  { colour: '#56b4e9', ink: '#06304a', pattern: 'dots' },
  { colour: '#8e44ad', ink: '#ffffff', pattern: 'horizontal' },
  { colour: '#2e7d32', ink: '#ffffff', pattern: 'grid' },
  { colour: '#a0522d', ink: '#ffffff', pattern: 'vertical' },
];

/** Styles for every owner of a ledger, by owner id. */
export function ownerStyles(owners: readonly string[]): OwnerStyle[] {
  let folders = 0;
  return owners.map((owner) => FIXED[owner] ?? FOLDER_STYLES[folders++ % FOLDER_STYLES.length]!);
}

/** Paints one cell: the colour, then the pattern when the cell is big enough to show it. */
export function paintCell(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  size: number,
  style: OwnerStyle,
): void {
  ctx.fillStyle = style.colour;
  ctx.fillRect(x, y, size, size);
  if (size < 5 || style.pattern === 'solid') return;
  ctx.fillStyle = style.ink;
  const mid = Math.floor(size / 2);
  const last = size - 1;
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
    for (let i = 0; i <= steps; i++) {
      ctx.fillRect(
        x + Math.round(x0 + ((x1 - x0) * i) / steps),
        y + Math.round(y0 + ((y1 - y0) * i) / steps),
        1,
        1,
      );
    }
  };
  switch (style.pattern) {
    case 'diagonal':
      line(0, last, last, 0);
      break;
    case 'backslash':
      line(0, 0, last, last);
      break;
    case 'cross':
      line(0, last, last, 0);
      line(0, 0, last, last);
      break;
    case 'dots':
      ctx.fillRect(x + mid - 1, y + mid - 1, 2, 2);
      break;
    case 'horizontal':
      ctx.fillRect(x, y + mid, size, 1);
      break;
    case 'vertical':
      ctx.fillRect(x + mid, y, 1, size);
      break;
    case 'grid':
      ctx.fillRect(x, y + mid, size, 1);
      ctx.fillRect(x + mid, y, 1, size);
      break;
  }
}

/** The same pattern as a CSS background, for the legend's swatches and the spenders' bars. */
export function cssPattern(style: OwnerStyle): string {
  const { colour, ink } = style;
  const stripes = (angle: number) =>
    `repeating-linear-gradient(${angle}deg, ${ink} 0 1.5px, transparent 1.5px 7px)`;
  switch (style.pattern) {
    case 'solid':
      return colour;
    case 'diagonal':
      return `${stripes(45)}, ${colour}`;
    case 'backslash':
      return `${stripes(-45)}, ${colour}`;
    case 'cross':
      return `${stripes(45)}, ${stripes(-45)}, ${colour}`;
    case 'dots':
      return `radial-gradient(${ink} 1.5px, transparent 2px) 0 0 / 7px 7px, ${colour}`;
    case 'horizontal':
      return `${stripes(0)}, ${colour}`;
    case 'vertical':
      return `${stripes(90)}, ${colour}`;
    case 'grid':
      return `${stripes(0)}, ${stripes(90)}, ${colour}`;
  }
}
