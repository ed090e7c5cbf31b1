// The activity's top-level element: for now a Sugar-style toolbar and a line on what Cellar will become.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '@lit/localize';

/**
 * `<cellar-app>`: the whole Cellar activity.
 * Placeholder: the stick picture, overlay gauge, terminal and lessons will live here.
 */
@customElement('cellar-app')
export class CellarApp extends LitElement {
  /** The activity's name, shown in the toolbar (Sugar shows the Journal title there later). */
  @property() activityName = 'Cellar';

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100%;
      font-family: 'Noto Sans', 'DejaVu Sans', sans-serif;
      color: #282828;
      background: #ffffff;
    }
    /* Sugar's toolbar: one cell (55 px at 96 dpi), dark grey, the activity at the far left. */
    header {
      flex: 0 0 55px;
      display: flex;
      align-items: center;
      padding: 0 16px;
      background: #282828;
      color: #ffffff;
      font-size: 20px;
      font-weight: bold;
    }
    main {
      flex: 1;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 12px;
      padding: 24px;
      background: #e5e5e5;
      text-align: center;
    }
    h1 {
      margin: 0;
      font-size: 40px;
    }
    p {
      margin: 0;
      max-width: 36em;
      font-size: 18px;
      line-height: 1.5;
    }
  `;

  override render() {
    return html`
      <header>${this.activityName}</header>
      <main>
        <h1>${this.activityName}</h1>
        <p>
          ${msg(
            'Coming soon: a simulator of the storage on a Sugar on a Stick USB stick, to see where the space goes and how to keep it.',
          )}
        </p>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-app': CellarApp;
  }
}
