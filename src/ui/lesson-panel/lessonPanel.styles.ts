// The lesson panel and the lesson list: a narrow column of text and 44 px buttons, focus always visible,
// progress shown as words and as a bar.

import { css } from 'lit';

export const lessonPanelStyles = css`
  :host {
    display: block;
    font-size: 15px;
    line-height: 1.4;
  }
  h2 {
    margin: 0 0 4px;
    font-size: 18px;
  }
  h3 {
    margin: 12px 0 4px;
    font-size: 15px;
  }
  p {
    margin: 0 0 8px;
  }
  .goal {
    color: #4a4a4a;
  }
  .step-count {
    margin: 8px 0 2px;
    font-weight: bold;
  }
  progress {
    display: block;
    inline-size: 100%;
    block-size: 12px;
    accent-color: #1a4f8f;
  }
  .instruction {
    margin-top: 10px;
    padding: 8px 10px;
    border-inline-start: 4px solid #1a4f8f;
    background: #eef3fa;
    font-weight: bold;
  }
  .choices {
    display: grid;
    gap: 6px;
    margin: 8px 0;
  }
  ul {
    margin: 0 0 8px;
    padding-inline-start: 20px;
  }
  .explanation {
    padding: 8px 10px;
    border: 2px solid #2e7d32;
    border-radius: 6px;
  }
  .complete {
    font-size: 17px;
    font-weight: bold;
  }
  /* Kept in sight at the foot of the column on short screens, where a long explanation pushes it down. */
  .buttons {
    position: sticky;
    bottom: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 10px;
    padding-block: 6px;
    background: #ffffff;
  }
  button {
    min-height: 44px;
    min-width: 44px;
    padding: 4px 14px;
    font: inherit;
    text-align: start;
    color: #282828;
    border: 2px solid #282828;
    border-radius: 6px;
    background: #ffffff;
    cursor: pointer;
  }
  .leave {
    margin-top: 12px;
  }
  button.primary {
    color: #ffffff;
    background: #1a4f8f;
    border-color: #1a4f8f;
  }
  button:disabled {
    color: #767676;
    border-color: #9a9a9a;
    background: #f2f2f2;
    cursor: default;
  }
  button:focus-visible {
    outline: 3px solid #1a4f8f;
    outline-offset: 2px;
  }
`;
