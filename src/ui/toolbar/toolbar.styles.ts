// Sugar's toolbar: one cell high (55 px; 75 px at the XO's 1200×900), #282828, white text, the
// activity at the far left and Stop at the far right, every button at least one cell wide.

import { css } from 'lit';

export const toolbarStyles = css`
  :host {
    --cell: 55px;
    display: block;
    background: #282828;
    color: #ffffff;
  }
  @media (min-width: 1200px) and (min-height: 900px) {
    :host {
      --cell: 75px;
    }
  }
  [role='toolbar'] {
    display: flex;
    align-items: center;
    height: var(--cell);
    overflow-x: auto;
    overflow-y: hidden;
  }
  button,
  select {
    height: var(--cell);
    min-width: var(--cell);
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 15px;
    cursor: pointer;
  }
  button:hover,
  select:hover {
    background: #404040;
  }
  button:focus-visible,
  select:focus-visible {
    outline: 3px solid #ffffff;
    outline-offset: -5px;
  }
  button[aria-disabled='true'] {
    color: #9a9a9a;
    cursor: default;
  }
  select {
    padding: 0 8px;
    background: #282828;
  }
  .activity {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 0 12px 0 6px;
    font-weight: bold;
    font-size: 18px;
  }
  .activity svg {
    width: 36px;
    height: 36px;
  }
  .icon {
    font-size: 26px;
    line-height: 1;
  }
  .labelled {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    padding: 0 8px;
    font-size: 12px;
    gap: 2px;
  }
  .field {
    display: flex;
    align-items: center;
    gap: 4px;
    padding-left: 6px;
    font-size: 13px;
    color: #d0d0d0;
    white-space: nowrap;
  }
  .separator {
    width: 1px;
    height: 60%;
    background: #5a5a5a;
    margin: 0 4px;
    flex: none;
  }
  .spacer {
    flex: 1;
  }
  /* The select's name is in its tooltip and aria-label; the chosen value says enough on screen. */
  .field-label {
    display: none;
  }
  @media (max-width: 1000px) {
    .title {
      display: none;
    }
    .labelled {
      padding: 0 4px;
    }
    select {
      max-width: 112px;
      padding: 0 2px;
    }
  }
`;
