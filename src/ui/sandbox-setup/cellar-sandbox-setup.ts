// The sandbox's "new stick" form: era, stick size, overlay and home sizes. While the learner chooses, it
// shows the livecd-iso-to-disk command those choices make and whether the era's installer accepts it
// (sandboxPlan asks the planner; this view only reads the answer). "Make this stick" sends the choices.

import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { sandboxPlan, STICK_SIZES_GB, type SandboxChoices } from '../../model/session/sandboxPlan';
import type { EraId } from '../../model/stick/eras';
import { sendIntent } from '../cellarCommand';
import { refusalText } from './refusalText';
import { commandLook } from '../format/commandLook';

/**
 * `<cellar-sandbox-setup>`: call `show()`.
 * @fires cellar-command - make-sandbox-stick with the choices
 */
@customElement('cellar-sandbox-setup')
@localized()
export class CellarSandboxSetup extends LitElement {
  /** The choices the form starts from (the current stick's). */
  @property({ attribute: false }) choices: SandboxChoices = {
    era: 'soas-2012',
    stickGb: 1,
    overlayMib: 300,
    homeMib: 200,
  };
  @state() private draft: SandboxChoices = this.choices;
  @query('dialog') private dialog!: HTMLDialogElement;

  static override styles = css`
    dialog {
      max-width: 620px;
      border: 3px solid #282828;
      border-radius: 8px;
      font-size: 15px;
    }
    h2 {
      margin-top: 0;
    }
    .fields {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 8px 12px;
      align-items: center;
    }
    select,
    input,
    button {
      min-height: 44px;
      font: inherit;
    }
    input {
      width: 8em;
    }
    select:focus-visible,
    input:focus-visible,
    button:focus-visible {
      outline: 3px solid #1a4f8f;
      outline-offset: 2px;
    }
    code {
      ${commandLook}
      margin: 10px 0 4px;
      font-size: 13px;
      word-break: break-all;
    }
    .verdict {
      padding: 6px 8px;
      border: 2px solid #282828;
    }
    .buttons {
      display: flex;
      gap: 8px;
      margin-top: 12px;
    }
    button {
      padding: 0 14px;
      border: 2px solid #282828;
      border-radius: 6px;
      background: #ffffff;
    }
    button[disabled] {
      color: #808080;
      border-style: dashed;
    }
  `;

  show(): void {
    this.draft = { ...this.choices };
    if (!this.dialog.open) this.dialog.showModal();
  }

  override render() {
    const planned = sandboxPlan(this.draft);
    return html`<dialog aria-labelledby="setup-title">
      <h2 id="setup-title">${msg('Make a new stick')}</h2>
      <div class="fields">
        <label for="era">${msg('Era')}</label>
        <select id="era" @change=${(e: Event) => this.set({ era: value(e) as EraId })}>
          <option value="soas-2012" ?selected=${this.draft.era === 'soas-2012'}>
            ${msg('Sugar on a Stick 2012')}
          </option>
          <option value="fedora-today" ?selected=${this.draft.era === 'fedora-today'}>
            ${msg('Fedora today')}
          </option>
        </select>
        <label for="size">${msg('Stick size')}</label>
        <select id="size" @change=${(e: Event) => this.set({ stickGb: Number(value(e)) })}>
          ${STICK_SIZES_GB.map(
            (gb) =>
              html`<option value=${gb} ?selected=${this.draft.stickGb === gb}>${msg(str`${gb} GB`)}</option>`,
          )}
        </select>
        <label for="overlay">${msg('Overlay (MiB, 0 for none)')}</label>
        <input
          id="overlay"
          type="number"
          min="0"
          step="1"
          .value=${String(this.draft.overlayMib)}
          @input=${(e: Event) => this.set({ overlayMib: Number(value(e)) })}
        />
        <label for="home">${msg('home.img (MiB, 0 for none)')}</label>
        <input
          id="home"
          type="number"
          min="0"
          step="1"
          .value=${String(this.draft.homeMib)}
          @input=${(e: Event) => this.set({ homeMib: Number(value(e)) })}
        />
      </div>
      <code aria-label=${msg('The installer command')}>${planned.commandLine}</code>
      <p class="verdict" role="status">
        ${
          planned.ok
            ? html`<span aria-hidden="true">✓ </span>${msg('The installer accepts this stick.')}`
            : html`<span aria-hidden="true">✕ </span>${msg('The installer refuses:')} ${refusalText(planned)}`
        }
      </p>
      <div class="buttons">
        <button ?disabled=${!planned.ok} @click=${this.make}>${msg('Make this stick')}</button>
        <button @click=${() => this.dialog.close()}>${msg('Cancel')}</button>
      </div>
    </dialog>`;
  }

  private set(change: Partial<SandboxChoices>): void {
    this.draft = { ...this.draft, ...change };
  }

  private make = () => {
    this.dialog.close();
    sendIntent(this, { type: 'make-sandbox-stick', choices: this.draft });
  };
}

function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-sandbox-setup': CellarSandboxSetup;
  }
}
