// The terminal's look: a dark console, monospace, the scrollback above a prompt line, and a clear focus
// ring (Sugar's keyboard users must see where they type).

import { css } from 'lit';

export const terminalStyles = css`
  /* A shell reads left to right in every language, as the real one does. */
  :host {
    direction: ltr;
    display: flex;
    flex-direction: column;
    min-height: 12em;
    background: #1e1e1e;
    color: #e8e8e8;
    font-family: 'DejaVu Sans Mono', 'Noto Sans Mono', monospace;
    font-size: 15px;
    line-height: 1.4;
  }
  .log {
    flex: 1;
    overflow-y: auto;
    padding: 8px 10px 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .line {
    margin: 0;
    min-height: 1.4em;
  }
  .stderr {
    color: #ffb0a8;
  }
  .typed {
    color: #ffffff;
  }
  .candidates {
    color: #b8d8ff;
  }
  /* Cellar's own word between commands, not a tool's output: set apart by its font too. */
  .note {
    margin-block: 4px;
    color: #d8d8d8;
    font-style: italic;
    font-family: sans-serif;
  }
  form {
    display: flex;
    align-items: baseline;
    margin: 0 6px 6px;
    padding: 2px 4px;
    border-radius: 3px;
  }
  form:focus-within {
    outline: 3px solid #ffd24a;
    outline-offset: 0;
  }
  .prompt {
    white-space: pre;
    color: #9be39b;
  }
  input {
    flex: 1;
    min-width: 4em;
    border: none;
    padding: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    caret-color: #ffd24a;
  }
  input:focus {
    outline: none;
  }
`;
