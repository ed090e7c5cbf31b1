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
  button {
    flex: none;
  }
  button:hover {
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
  /* A long value shrinks its select (ellipsis; the list shows it whole) before a button leaves the screen. */
  select {
    min-width: 4em;
    max-width: 100%;
    padding-block: 0;
    padding-inline: 8px 28px;
    text-overflow: ellipsis;
    /* Drawn by us: Sugar's WebKitGTK paints a native select as a light GTK box under white text. */
    appearance: none;
    -webkit-appearance: none;
    background: #282828
      url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='12' height='8'%3E%3Cpath d='M1 1l5 5 5-5' fill='none' stroke='white' stroke-width='2'/%3E%3C/svg%3E")
      no-repeat right 9px center;
  }
  select:dir(rtl) {
    background-position: left 9px center;
  }
  select:hover {
    background-color: #404040;
  }
  .activity {
    display: flex;
    align-items: center;
    gap: 8px;
    padding-block: 0;
    padding-inline: 6px 12px;
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
  /* Longer words in other languages wrap under the icon instead of widening the bar. */
  .labelled {
    max-width: 7.5em;
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
    min-width: 0;
    flex: 0 1 auto;
    padding-inline-start: 6px;
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
    /* Narrower, but still clear of the arrow. */
    select {
      max-width: 112px;
      padding-inline: 4px 22px;
      background-position: right 5px center;
    }
    select:dir(rtl) {
      background-position: left 5px center;
    }
  }
`;
