// The colour and pattern of each store in every picture, so the stick picture, the gauge, the files'
// labels and the legends agree. Patterns are SVG <pattern> ids defined by storePatterns().

import { svg } from 'lit';

export type PictureStore = 'squashfs' | 'system' | 'overlay' | 'home' | 'ram' | 'free' | 'other';

export const STORE_COLOURS: Record<PictureStore, string> = {
  squashfs: '#8c8c8c',
  system: '#bdbdbd',
  overlay: '#f08a24',
  home: '#2e7bd6',
  ram: '#3aa55b',
  free: '#ffffff',
  other: '#d9c7a8',
};

/** Pattern ids: solid stores use their colour; these add a texture on top. */
export const STORE_PATTERNS: Partial<Record<PictureStore, string>> = {
  squashfs: 'cellar-hatch',
  overlay: 'cellar-stripes',
  ram: 'cellar-dots',
  home: 'cellar-grid',
};

/** The <defs> every SVG picture includes once. */
export function storePatterns() {
  return svg`<defs>
    <pattern id="cellar-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="8" height="8" fill=${STORE_COLOURS.squashfs}></rect>
      <line x1="0" y1="0" x2="0" y2="8" stroke="#5a5a5a" stroke-width="3"></line>
    </pattern>
    <pattern id="cellar-stripes" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
      <rect width="10" height="10" fill=${STORE_COLOURS.overlay}></rect>
      <line x1="0" y1="0" x2="0" y2="10" stroke="#b35c0c" stroke-width="3"></line>
    </pattern>
    <pattern id="cellar-dots" width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill=${STORE_COLOURS.ram}></rect>
      <circle cx="4" cy="4" r="1.8" fill="#1d6b35"></circle>
    </pattern>
    <pattern id="cellar-grid" width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill=${STORE_COLOURS.home}></rect>
      <path d="M0 0H8M0 0V8" stroke="#1a4f8f" stroke-width="1.5"></path>
    </pattern>
  </defs>`;
}

/** The fill for a store: its pattern when it has one, else its colour. */
export function storeFill(store: PictureStore): string {
  const pattern = STORE_PATTERNS[store];
  return pattern ? `url(#${pattern})` : STORE_COLOURS[store];
}
