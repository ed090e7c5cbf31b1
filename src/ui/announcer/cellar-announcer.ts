// A polite ARIA live region that reads out each change, and shows it as a line for sighted learners too
// (the same words).

import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** `<cellar-announcer>`: the last change, in words. */
@customElement('cellar-announcer')
export class CellarAnnouncer extends LitElement {
  @property() text = '';
  /** Whether the last change failed (shown with a sign and a border, not colour alone). */
  @property({ type: Boolean, reflect: true }) problem = false;

  static override styles = css`
    :host {
      display: block;
    }
    p {
      margin: 0;
      min-height: 1.4em;
      padding: 6px 12px;
      font-size: 15px;
      background: #f4f4f4;
      border-bottom: 1px solid #c0c0c0;
    }
    :host([problem]) p {
      background: #fff4d6;
      border: 3px solid #282828;
      font-weight: 600;
    }
  `;

  override render() {
    return html`<p role="status" aria-live="polite">
      ${this.problem && this.text ? html`<span aria-hidden="true">⚠ </span>` : ''}${this.text}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-announcer': CellarAnnouncer;
  }
}
