// Real mode's panel: the three ways in side by side (stacked on a small screen), then the reading and
// the two gauges side by side.

import { css } from 'lit';
import { buttonLook } from '../format/buttonLook';

export const realStickStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0;
    font-size: 18px;
  }
  h3 {
    margin: 0 0 6px;
    font-size: 16px;
  }
  p {
    margin: 6px 0;
  }
  .ways,
  .compare {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
    gap: 12px;
  }
  .way,
  .side {
    padding: 8px 10px;
    border: 2px solid #d0d0d0;
    border-radius: 8px;
    min-width: 0;
  }
  .reading {
    margin-top: 12px;
    display: grid;
    gap: 12px;
  }
  .mirror {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px;
  }
  .mirror button {
    ${buttonLook}
    font-weight: 600;
  }
  .mirror button:focus-visible {
    outline: 3px solid #1a4f8f;
    outline-offset: 2px;
  }
  .mirror p {
    flex: 1;
    min-width: 14em;
    margin: 0;
  }
`;
