// Help "?": what Cellar shows, in a few sentences, and every keyboard shortcut (from SHORTCUTS). A modal
// <dialog>: focus moves into it, Escape or Close closes it and focus goes back where it was.

import { LitElement, css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { SHORTCUTS } from './keyboardShortcuts';

/** `<cellar-shortcuts-dialog>`: call `show()`. */
@customElement('cellar-shortcuts-dialog')
@localized()
export class CellarShortcutsDialog extends LitElement {
  @query('dialog') private dialog!: HTMLDialogElement;

  static override styles = css`
    dialog {
      max-width: 560px;
      border: 3px solid #282828;
      border-radius: 8px;
      font-size: 15px;
    }
    h2 {
      margin-top: 0;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 6px;
      border-bottom: 1px solid #d0d0d0;
    }
    kbd {
      font-family: 'DejaVu Sans Mono', monospace;
      padding: 2px 6px;
      border: 1px solid #282828;
      border-radius: 4px;
      background: #f4f4f4;
    }
    button {
      min-height: 44px;
      min-width: 88px;
      margin-top: 12px;
      font: inherit;
      border: 2px solid #282828;
      border-radius: 6px;
      background: #ffffff;
    }
    button:focus-visible {
      outline: 3px solid #1a4f8f;
      outline-offset: 2px;
    }
  `;

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  show(): void {
    if (!this.dialog.open) this.dialog.showModal();
  }

  override render() {
    return html`<dialog aria-labelledby="help-title">
      <h2 id="help-title">${msg('Help')}</h2>
      <p>
        ${msg(
          'The stick picture shows where the space goes. Save files in different folders and watch which part grows: the overlay never gives space back, home.img does, RAM folders empty at reboot.',
        )}
      </p>
      <h3>${msg('Keyboard')}</h3>
      <table>
        <tbody>
          <tr>
            <th scope="row">
              <kbd>${msg('Tab', { desc: 'Key name, as printed on keyboards' })}</kbd> /
              <kbd>${msg('Shift+Tab', { desc: 'Key name, as printed on keyboards' })}</kbd>
            </th>
            <td>${msg('Move between buttons and fields')}</td>
          </tr>
          <tr>
            <th scope="row">
              <kbd>${msg('Enter', { desc: 'Key name, as printed on keyboards' })}</kbd> /
              <kbd>${msg('Space', { desc: 'Key name, as printed on keyboards' })}</kbd>
            </th>
            <td>${msg('Press the button that has the focus')}</td>
          </tr>
          <tr>
            <th scope="row"><kbd>${msg('Escape', { desc: 'Key name, as printed on keyboards' })}</kbd></th>
            <td>${msg('Close a window like this one')}</td>
          </tr>
          ${SHORTCUTS.map(
            (s) =>
              html`<tr>
                <th scope="row"><kbd>${s.keys}</kbd></th>
                <td>${s.does()}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <button @click=${() => this.dialog.close()}>${msg('Close')}</button>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-shortcuts-dialog': CellarShortcutsDialog;
  }
}
