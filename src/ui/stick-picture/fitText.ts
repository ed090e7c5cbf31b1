// SVG text does not wrap: a label in a longer language would run into its neighbour. The picture sizes each
// label from an estimate of its width (DejaVu/Noto Sans average about 0.6 em a character, bold a little
// more), before drawing, so Spanish, French or a long pseudo-translation still fit their box.

import { nothing, svg } from 'lit';

const EM_PER_CHAR = { normal: 0.58, bold: 0.64 };

/** The font size (at most `fontPx`) at which `text` fits in `roomPx`. */
export function fittingFontPx(
  text: string,
  roomPx: number,
  fontPx: number,
  weight: 'normal' | 'bold',
): number {
  const widthAtOnePx = Math.max(1, text.length) * EM_PER_CHAR[weight];
  return Math.min(fontPx, Math.floor(roomPx / widthAtOnePx));
}

/** Below this a label is too small to read; the legend under the picture says the same in words. */
export const SMALLEST_LABEL_PX = 14;

/** A bold heading over the picture, shrunk to `roomPx` if it needs to be. */
export function boldTitle(x: number, anchor: 'start' | 'middle', roomPx: number, text: string) {
  const fontPx = fittingFontPx(text, roomPx, 28, 'bold');
  return svg`<text x=${x} y="30" text-anchor=${anchor} font-size=${fontPx} font-weight="bold"
    fill="#282828">${text}</text>`;
}

/**
 * A label inside a box, haloed white so it reads over any fill; shrunk to `roomPx` if it needs to be, left
 * out if it would be too small to read.
 */
export function fittedText(x: number, y: number, roomPx: number, fontPx: number, text: string) {
  const fitted = fittingFontPx(text, roomPx, fontPx, 'normal');
  if (fitted < SMALLEST_LABEL_PX) return nothing;
  return svg`<text x=${x} y=${y} font-size=${fitted} fill="#282828" paint-order="stroke" stroke="#ffffff"
    stroke-width="4">${text}</text>`;
}
