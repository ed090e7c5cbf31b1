// The third way in: the bridge, a small program the learner starts on the stick (`npx cellar bridge`),
// which reads the stick every few seconds and answers on 127.0.0.1 only. The learner pastes the address it
// printed; each new report becomes a reading. Without Node, the probe script prints the same report to paste.

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import {
  connectBridge,
  parseBridgeAddress,
  type BridgeConnection,
  type BridgeState,
} from '../../real/bridgeClient';
import { readReport } from '../../real/readReport';
import { buttonLook } from '../format/buttonLook';
import { realReadEvent } from './realReadEvent';

function stateText(state: BridgeState): string {
  switch (state) {
    case 'connecting':
      return msg('Connecting to the bridge…');
    case 'connected':
      return msg('Connected: the bridge reads your stick every few seconds.');
    case 'lost':
      return msg('The bridge does not answer. Is it still running on this computer?');
  }
}

/**
 * `<cellar-real-bridge>`: the bridge's address, Connect and Disconnect.
 * @fires cellar-real-read - each report the bridge sends, read
 */
@customElement('cellar-real-bridge')
@localized()
export class CellarRealBridge extends LitElement {
  /** The address in the box (kept by the panel). */
  @property() address = '';
  @state() private connection: BridgeConnection | null = null;
  @state() private bridgeState: BridgeState | null = null;
  @state() private refusal = false;

  static override styles = css`
    :host {
      display: block;
    }
    label {
      display: block;
      font-weight: 600;
      margin-bottom: 4px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    input {
      flex: 1;
      min-width: 12em;
      min-height: 40px;
      box-sizing: border-box;
      font-family: 'DejaVu Sans Mono', monospace;
      font-size: 13px;
      border: 2px solid #282828;
      border-radius: 6px;
      padding: 0 6px;
    }
    button {
      ${buttonLook}
    }
    input:focus-visible,
    button:focus-visible,
    a:focus-visible {
      outline: 3px solid #1a4f8f;
      outline-offset: 2px;
    }
    p {
      margin: 6px 0 0;
      font-size: 13px;
    }
    code {
      font-family: 'DejaVu Sans Mono', monospace;
    }
    .refusal {
      font-weight: 600;
      font-size: 15px;
    }
  `;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.disconnect();
  }

  override render() {
    const connected = this.connection !== null;
    return html`<label for="address">${msg('The bridge address')}</label>
      <div class="row">
        <input
          id="address"
          dir="ltr"
          spellcheck="false"
          placeholder="http://127.0.0.1:47653/?token=…"
          .value=${this.address}
          ?disabled=${connected}
          @input=${(event: Event) => this.changed((event.target as HTMLInputElement).value)}
          @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.connect()}
        />
        ${
          connected
            ? html`<button @click=${this.disconnect}>${msg('Disconnect')}</button>`
            : html`<button @click=${this.connect}>${msg('Connect')}</button>`
        }
      </div>
      ${
        this.refusal
          ? html`<p class="refusal" role="alert">
              ${msg('That is not the address of a bridge. Copy the whole line it printed, starting with http://127.0.0.1.')}
            </p>`
          : nothing
      }
      ${this.bridgeState ? html`<p role="status">${stateText(this.bridgeState)}</p>` : nothing}
      <p>
        ${msg('On the stick, in a terminal:')} <code dir="ltr">npx cellar bridge</code>.
        ${msg('Without Node, run the probe script and paste what it prints:')}
        <a href="cellar-probe.sh" download dir="ltr">cellar-probe.sh</a>
      </p>`;
  }

  private changed(address: string): void {
    this.address = address;
    this.refusal = false;
    this.dispatchEvent(
      new CustomEvent('cellar-real-address', { detail: { address }, bubbles: true, composed: true }),
    );
  }

  private connect = () => {
    const parsed = parseBridgeAddress(this.address);
    if (!parsed.ok) {
      this.refusal = true;
      return;
    }
    this.disconnect();
    this.connection = connectBridge(parsed.address, {
      onState: (state) => (this.bridgeState = state),
      onReport: (report) => this.dispatchEvent(realReadEvent({ stick: readReport(report), overlay: null })),
    });
  };

  private disconnect = () => {
    this.connection?.close();
    this.connection = null;
    this.bridgeState = null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-real-bridge': CellarRealBridge;
  }
  interface HTMLElementEventMap {
    'cellar-real-address': CustomEvent<{ address: string }>;
  }
}
