// The file browser's look: rows and buttons at least 44 px high (fingers), a visible focus ring, cost
// badges that carry a pattern and a word besides a colour.

import { css } from 'lit';

export const filesStyles = css`
  :host {
    display: block;
    font-size: 15px;
  }
  h2 {
    margin: 0 0 6px;
    font-size: 18px;
  }
  h3 {
    margin: 10px 0 4px;
    font-size: 16px;
  }
  button,
  input,
  select {
    min-height: 44px;
    font: inherit;
  }
  button {
    padding: 0 12px;
    border: 2px solid #282828;
    border-radius: 6px;
    background: #ffffff;
    color: #282828;
    cursor: pointer;
  }
  button:hover {
    background: #eeeeee;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid #1a4f8f;
    outline-offset: 2px;
  }
  input {
    width: 6em;
    padding: 0 8px;
    border: 2px solid #282828;
    border-radius: 6px;
  }
  .places,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .where {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 8px 0 4px;
  }
  .path {
    font-family: 'DejaVu Sans Mono', monospace;
    font-weight: bold;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 2px solid #282828;
    border-radius: 6px;
    max-height: 260px;
    overflow-y: auto;
  }
  /* A long name keeps its room; the buttons move to a second line before it is cut. */
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    min-height: 48px;
    padding: 0 6px;
    border-bottom: 1px solid #d0d0d0;
  }
  li:last-child {
    border-bottom: 0;
  }
  .name {
    flex: 1 1 6em;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  button.name {
    border: 0;
    text-align: start;
    background: transparent;
    text-decoration: underline;
  }
  .size {
    min-width: 5.5em;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .empty {
    padding: 12px;
    color: #505050;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 8px;
    border: 2px solid #282828;
    border-radius: 12px;
    font-size: 13px;
    font-weight: 600;
    white-space: nowrap;
    background: #ffffff;
  }
  .badge svg {
    width: 16px;
    height: 12px;
  }
  .moving {
    margin: 6px 0;
    padding: 6px;
    border: 2px dashed #282828;
    border-radius: 6px;
  }
`;

export const svgDefs = css`
  .defs {
    position: absolute;
    width: 0;
    height: 0;
  }
`;
