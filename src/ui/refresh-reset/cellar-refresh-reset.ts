// "Refresh or reset…": the button beside Reboot and its window, for what is done to the whole stick with
// it off. A refresh (as editliveos) packs the overlay's changes into a new squashfs.img and starts the
// overlay again; a reset (as livecd-iso-to-disk --reset-overlay) forgets them, so it asks first. Each
// shows the learner's numbers; the app carries the command out and the announcer says what happened.

import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Session } from '../../model/session/Session';
import { SECTOR_BYTES } from '../../model/units';
import { sendIntent } from '../cellarCommand';
import { SessionController } from '../controllers/SessionController';
import { formatBytes, percentOf } from '../format/sizes';
import { refreshResetStyles } from './refreshReset.styles';

/**
 * `<cellar-refresh-reset>`: reads the session's stick.
 * @fires cellar-command - refresh-stick, or reset-overlay once the learner has confirmed it
 */
@customElement('cellar-refresh-reset')
@localized()
export class CellarRefreshReset extends LitElement {
  static override styles = refreshResetStyles;

  @property({ attribute: false }) session: Session | null = null;
  /** The reset's "are you sure?" is shown. */
  @state() private confirming = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  constructor() {
    super();
    new SessionController(this, () => this.session);
  }

  /** Opens the window, with the choice, not the reset's question. */
  async show(): Promise<void> {
    this.confirming = false;
    if (!this.dialog.open) this.dialog.showModal();
    await this.updateComplete;
  }

  override render() {
    return html`<button class="open" @click=${() => this.show()}>${msg('Refresh or reset…')}</button>
      <dialog aria-labelledby="refresh-reset-title" @close=${() => (this.confirming = false)}>
        <h2 id="refresh-reset-title">${msg('Refresh or reset the stick')}</h2>
        ${this.renderBody()}
      </dialog>`;
  }

  private renderBody() {
    const usage = this.session?.stick.usage();
    if (!usage) return '';
    const { overlay, device } = usage;
    const close = html`<button @click=${() => this.dialog.close()}>${msg('Cancel')}</button>`;
    if (overlay.fileBytes === null) {
      return html`<p>
          ${msg('This stick has no overlay file: its changes are kept in RAM, and a reboot forgets them.')}
        </p>
        <div class="buttons">${close}</div>`;
    }
    const used = formatBytes(overlay.allocatedSectors * SECTOR_BYTES);
    const percent = percentOf(overlay.allocatedSectors, overlay.totalSectors);
    if (this.confirming) return this.renderConfirm(used);
    return html`<p>
        ${msg(str`The overlay holds ${used} of changes (${percent} %). Either way, it starts again empty:`)}
      </p>
      <section aria-labelledby="refresh-title">
        <h3 id="refresh-title">${msg('Refresh: keep the changes')}</h3>
        <p>
          ${msg(
            str`Like the editliveos tool: the stick shuts down, the changes are packed into a new squashfs.img (now ${formatBytes(device.images.squashfsBytes)}), and it starts again. It needs free space on the stick: ${formatBytes(device.freeBytes)} is free.`,
          )}
        </p>
        <button class="act" @click=${() => this.send('refresh-stick')}>${msg('Refresh the stick')}</button>
      </section>
      <section aria-labelledby="reset-title">
        <h3 id="reset-title">${msg('Reset: forget the changes')}</h3>
        <p>
          ${msg(
            'Like livecd-iso-to-disk --reset-overlay: the stick shuts down, the overlay forgets every change kept in it, and it starts again. home.img keeps its files.',
          )}
        </p>
        <button class="act" @click=${this.askToReset}>${msg('Reset the overlay…')}</button>
      </section>
      <div class="buttons">${close}</div>`;
  }

  private renderConfirm(used: string) {
    return html`<div class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text">
        <span aria-hidden="true">⚠ </span>${msg(
          str`The ${used} of changes in the overlay will be lost for good. Undo can still bring them back in Cellar, but not on a real stick. Reset the overlay?`,
        )}
      </p>
      <div class="buttons">
        <button class="act danger" @click=${() => this.send('reset-overlay')}>
          ${msg('Yes, forget the changes')}
        </button>
        <button class="keep" @click=${this.keep}>${msg('No, keep them')}</button>
      </div>
    </div>`;
  }

  private askToReset = async () => {
    this.confirming = true;
    await this.updateComplete;
    // The safe answer has the focus, so Enter pressed again by mistake loses nothing.
    this.renderRoot.querySelector<HTMLButtonElement>('.keep')?.focus();
  };

  private keep = async () => {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.act')?.focus();
  };

  private send(type: 'refresh-stick' | 'reset-overlay'): void {
    this.dialog.close();
    sendIntent(this, { type });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-refresh-reset': CellarRefreshReset;
  }
}
