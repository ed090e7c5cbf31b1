// Small line icons drawn in SVG (the XO's fonts have no emoji): fast-forward, folder, file, lock.
// Decorative: every use sits next to words that say the same.

import { html } from 'lit';

export function fastForwardIcon() {
  return html`<svg viewBox="0 0 28 20" width="28" height="20" aria-hidden="true">
    <path d="M2 2 L13 10 L2 18 Z M14 2 L25 10 L14 18 Z" fill="currentColor"></path>
  </svg>`;
}

export function folderIcon() {
  return html`<svg viewBox="0 0 24 20" width="24" height="20" aria-hidden="true">
    <path d="M1 3 H9 L11 6 H23 V19 H1 Z" fill="#f2d27a" stroke="#282828" stroke-width="1.5"></path>
  </svg>`;
}

export function fileIcon() {
  return html`<svg viewBox="0 0 20 24" width="20" height="24" aria-hidden="true">
    <path d="M2 1 H13 L18 6 V23 H2 Z" fill="#ffffff" stroke="#282828" stroke-width="1.5"></path>
    <path d="M13 1 V6 H18" fill="none" stroke="#282828" stroke-width="1.5"></path>
  </svg>`;
}

export function lockIcon() {
  return html`<svg viewBox="0 0 24 28" width="24" height="28" aria-hidden="true">
    <path d="M6 12 V8 A6 6 0 0 1 18 8 V12" fill="none" stroke="#282828" stroke-width="3"></path>
    <rect x="2" y="12" width="20" height="15" rx="2" fill="#282828"></rect>
  </svg>`;
}
