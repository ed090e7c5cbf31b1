// Text for screen readers only. The host is positioned so that the hidden text stays inside it: an
// absolute box with no positioned ancestor escapes the scrolling column it sits in, and the whole page
// grows taller by it (the toolbar could then be scrolled out of sight).
import { css } from 'lit';

export const visuallyHidden = css`
  :host {
    position: relative;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
