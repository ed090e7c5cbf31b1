// "Predict, then measure": while the bridge reads the learner's stick, they pick an action, Cellar predicts
// its overlay cost on the mirrored model, they do it on the real stick, and each later reading shows the
// real change since the prediction beside it.

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Session } from '../../model/session/Session';
import { SECTOR_BYTES } from '../../model/units';
import {
  measureChange,
  predictOnMirror,
  REAL_ACTIONS,
  type Prediction,
  type RealActionId,
} from '../../real/predictAction';
import type { RealStick } from '../../real/realStick';
import { buttonLook } from '../format/buttonLook';
import { formatBytes } from '../format/sizes';
import { actionInSugar, actionTitle } from './realActionTexts';
import { commandLook } from '../format/commandLook';

interface Guess {
  actionId: RealActionId;
  prediction: Prediction;
  /** The reading the real change is measured from. */
  from: RealStick;
}

function costText(sectors: number, chunkSectors: number): string {
  const chunks = Math.round(sectors / chunkSectors);
  const size = formatBytes(sectors * SECTOR_BYTES);
  return chunks === 1 ? msg(str`1 chunk (${size})`) : msg(str`${chunks} chunks (${size})`);
}

/** `<cellar-real-predict>`: reads the mirrored session and the bridge's latest reading; sends nothing. */
@customElement('cellar-real-predict')
@localized()
export class CellarRealPredict extends LitElement {
  /** The session, holding the model of the learner's stick once mirrored. */
  @property({ attribute: false }) session: Session | null = null;
  /** Whether the session's stick was made by "Mirror my stick". */
  @property({ type: Boolean }) mirrored = false;
  /** The bridge's latest reading. */
  @property({ attribute: false }) latest: RealStick | null = null;
  @state() private chosen: RealActionId = REAL_ACTIONS[0]!.id;
  @state() private guess: Guess | null = null;
  @state() private refused = false;
  /** The model is working it out (a second or two on a big stick: it works on a copy). */
  @state() private predicting = false;

  static override styles = css`
    :host {
      display: block;
    }
    h3 {
      margin: 0 0 6px;
      font-size: 16px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    select,
    button {
      ${buttonLook}
    }
    select:focus-visible,
    button:focus-visible {
      outline: 3px solid #1a4f8f;
      outline-offset: 2px;
    }
    p {
      margin: 6px 0 0;
    }
    code {
      ${commandLook}
      overflow-wrap: anywhere;
    }
    .figures {
      font-size: 17px;
      font-weight: 600;
    }
  `;

  override render() {
    return html`<h3>${msg('Predict, then measure')}</h3>
      ${
        this.mirrored
          ? this.renderChoice()
          : html`<p>
              ${msg('First press Mirror my stick, so that Cellar predicts on a model of your stick.')}
            </p>`
      }
      ${this.guess ? this.renderGuess(this.guess) : nothing}`;
  }

  private renderChoice() {
    return html`<div class="row">
        <label for="action">${msg('What will you do on your stick?')}</label>
        <select
          id="action"
          .value=${this.chosen}
          @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value as RealActionId)}
        >
          ${REAL_ACTIONS.map(
            (action) =>
              html`<option value=${action.id} ?selected=${action.id === this.chosen}>
                ${actionTitle(action.id)}
              </option>`,
          )}
        </select>
        <button @click=${this.predict} ?disabled=${this.predicting}>
          ${this.predicting ? msg('Predicting…') : msg('Predict')}
        </button>
      </div>
      ${
        this.refused
          ? html`<p role="alert">
              ${msg('Cellar needs a reading with figures and a running model to predict.')}
            </p>`
          : nothing
      }`;
  }

  private renderGuess({ actionId, prediction, from }: Guess) {
    const action = REAL_ACTIONS.find((a) => a.id === actionId)!;
    const chunkSectors = from.snapshot?.chunkSectors ?? 8;
    const inSugar = actionInSugar(actionId);
    const measured = this.latest ? measureChange(from, this.latest) : null;
    return html`<p class="figures" role="status">
        ${msg(str`Cellar predicts: ${costText(prediction.deltaSectors, chunkSectors)} more in the overlay.`)}
      </p>
      <p>${msg('Now do it on your stick:')}</p>
      ${action.terminal ? html`<code dir="ltr">${action.terminal}</code>` : nothing}
      ${inSugar ? html`<p>${inSugar}</p>` : nothing}
      <p class="figures" aria-live="polite">
        ${
          measured === null
            ? msg('Measured: waiting for a reading of the same overlay…')
            : msg(str`Measured since the prediction: ${costText(measured, chunkSectors)}.`)
        }
      </p>`;
  }

  private predict = async () => {
    // Drawn first, so the button says it is working while the model runs.
    this.predicting = true;
    await this.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.predicting = false;
    const from = this.latest;
    const prediction = this.session && from ? predictOnMirror(this.session, this.chosen) : null;
    this.refused = prediction === null || from?.snapshot?.status?.state !== 'Valid';
    this.guess = this.refused ? null : { actionId: this.chosen, prediction: prediction!, from: from! };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-real-predict': CellarRealPredict;
  }
}
