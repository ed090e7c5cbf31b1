// The first way in: what the learner copied from their stick's terminal, pasted and read. The text stays
// in the box whatever happens to it, so nothing typed is ever lost; reading it is a button, not each key.

import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { readPaste } from '../../real/paste/readPaste';
import { buttonLook } from '../format/buttonLook';
import { realReadEvent } from './realReadEvent';

/**
 * `<cellar-real-paste>`: a text box and a button.
 * @fires cellar-real-read - the reading of the pasted text (`detail.stick`)
 */
@customElement('cellar-real-paste')
@localized()
export class CellarRealPaste extends LitElement {
  /** The text in the box (kept by the panel, so it survives a mode change). */
  @property() text = '';

  static override styles = css`
    :host {
      display: block;
    }
    label {
      display: block;
      font-weight: 600;
      margin-bottom: 4px;
    }
    textarea {
      box-sizing: border-box;
      width: 100%;
      min-height: 7em;
      font-family: 'DejaVu Sans Mono', monospace;
      font-size: 13px;
      border: 2px solid #282828;
      border-radius: 6px;
      padding: 6px;
    }
    textarea:focus-visible,
    button:focus-visible {
      outline: 3px solid #1a4f8f;
      outline-offset: 2px;
    }
    button {
      ${buttonLook}
      margin-top: 6px;
    }
    p {
      margin: 4px 0 0;
      font-size: 13px;
      color: #505050;
    }
  `;

  override render() {
    return html`<label for="paste">${msg('Paste what your stick printed')}</label>
      <textarea
        id="paste"
        dir="ltr"
        spellcheck="false"
        aria-describedby="paste-help"
        .value=${this.text}
        @input=${(event: Event) => this.changed((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="paste-help">
        ${msg(
          'In a terminal on the stick: sudo dmsetup status, sudo dmsetup table, losetup -a, findmnt, ls -l /run/initramfs/live/LiveOS — one or several, together.',
        )}
      </p>
      <button @click=${this.read}>${msg('Read it')}</button>`;
  }

  private changed(text: string): void {
    this.text = text;
    this.dispatchEvent(
      new CustomEvent('cellar-real-text', { detail: { text }, bubbles: true, composed: true }),
    );
  }

  private read = () => {
    this.dispatchEvent(realReadEvent({ stick: readPaste(this.text), overlay: null }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-real-paste': CellarRealPaste;
  }
  interface HTMLElementEventMap {
    'cellar-real-text': CustomEvent<{ text: string }>;
  }
}
