// The activity's layout: the toolbar on top, the change line under it, then the canvas — the stick
// picture across the top; under it the overlay gauge with the usage plot and who spent my overlay beside
// the files; at the bottom the chunk map and the terminal.
// In Lessons mode the lesson panel is a column at the start side. One column on small screens.

import { css } from 'lit';
import { buttonLook } from './format/buttonLook';

export const appStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
    font-family: 'Noto Sans', 'DejaVu Sans', sans-serif;
    color: #282828;
    background: #ffffff;
  }
  .body {
    flex: 1;
    display: flex;
    min-height: 0;
  }
  main {
    flex: 1;
    min-width: 0;
    overflow: auto;
    display: grid;
    grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
    grid-auto-rows: min-content;
    gap: 12px;
    padding: 12px;
    background: #e5e5e5;
  }
  section {
    background: #ffffff;
    border-radius: 8px;
    padding: 10px 12px;
    min-width: 0;
  }
  /* The stick across the whole canvas: where the space goes is the first thing to see. */
  .stick {
    grid-column: 1 / -1;
  }
  cellar-stick-picture {
    max-width: 860px;
    margin: 0 auto;
  }
  /* Lessons mode: the lesson in a column beside the views, so its instruction stays in sight. */
  .lesson {
    flex: none;
    inline-size: 300px;
    overflow: auto;
    padding: 12px;
    border-inline-end: 2px solid #282828;
    background: #ffffff;
  }
  /* Real mode: the learner's own stick across the canvas, above the model it is compared with. */
  .real {
    grid-column: 1 / -1;
  }
  .stick-head {
    display: flex;
    /* Long translations put the buttons under the title, side by side, not stacked beside it. */
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .stick-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  h2 {
    margin: 0;
    font-size: 18px;
  }
  .stick-head button,
  .lesson > .leave {
    ${buttonLook}
  }
  .lesson > .leave {
    margin-top: 12px;
  }
  .stick-head button:focus-visible,
  .lesson > .leave:focus-visible {
    outline: 3px solid #1a4f8f;
    outline-offset: 2px;
  }
  .side-slots {
    display: grid;
    gap: 10px;
    margin-top: 12px;
  }
  .slots {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
    gap: 12px;
    padding: 0;
    background: transparent;
  }
  @media (max-width: 900px) {
    main {
      grid-template-columns: minmax(0, 1fr);
    }
    .lesson {
      inline-size: 250px;
      padding: 8px;
    }
  }
`;
