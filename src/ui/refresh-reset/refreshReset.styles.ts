// The "Refresh or reset…" button (as the Reboot beside it) and its window (as the New stick window).

import { css } from 'lit';
import { buttonLook } from '../format/buttonLook';

export const refreshResetStyles = css`
  :host {
    display: inline-block;
  }
  button {
    ${buttonLook}
    min-width: 44px;
  }
  button:focus-visible {
    outline: 3px solid #1a4f8f;
    outline-offset: 2px;
  }
  dialog {
    max-width: 560px;
    border: 3px solid #282828;
    border-radius: 8px;
    font-size: 15px;
    line-height: 1.4;
  }
  h2 {
    margin-top: 0;
    font-size: 20px;
  }
  h3 {
    margin: 0 0 4px;
    font-size: 16px;
  }
  section {
    margin: 12px 0;
    padding: 8px 10px;
    border: 1px solid #c0c0c0;
    border-radius: 6px;
  }
  section p {
    margin: 0 0 8px;
  }
  .confirm p {
    padding: 8px 10px;
    background: #fff4d6;
    border: 3px solid #282828;
    font-weight: 600;
  }
  .danger {
    border-width: 3px;
    font-weight: 600;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 12px;
  }
`;
