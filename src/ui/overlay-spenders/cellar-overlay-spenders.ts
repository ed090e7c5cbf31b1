// <cellar-overlay-spenders>: "who spent my overlay" — the overlay's data chunks per owner (folder, ext4
// journal, filesystem metadata, the boot), as bars with the chunk map's patterns, names and figures.

import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OverlayLedger } from '../../model/stick/overlayLedger';
import { ownerLabel } from '../chunk-map/ownerLabels';
import { cssPattern, ownerStyles } from '../chunk-map/ownerStyles';
import { formatBytes } from '../format/sizes';
import { viewText } from '../format/viewText';

export interface OwnerSelectDetail {
  owner: string;
}

@customElement('cellar-overlay-spenders')
@localized()
export class CellarOverlaySpenders extends LitElement {
  /** The ledger of the stick (OverlayLedger.follow). */
  @property({ attribute: false }) ledger: OverlayLedger | null = null;

  private unsubscribe: (() => void) | null = null;

  static override styles = [
    viewText,
    css`
      p {
        margin: 4px 0;
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button {
        display: grid;
        grid-template-columns: minmax(6em, 14em) minmax(3em, 1fr) minmax(0, 15em);
        gap: 8px;
        align-items: center;
        width: 100%;
        padding: 3px 4px;
        border: 0;
        background: none;
        font: inherit;
        color: inherit;
        text-align: start;
        cursor: pointer;
      }
      button:hover,
      button:focus-visible {
        background: #eef4fa;
        outline: 2px solid #0072b2;
      }
      .name {
        overflow-wrap: anywhere;
      }
      .track {
        height: 16px;
        background: #eeeeee;
      }
      .bar {
        height: 100%;
        min-width: 2px;
        box-sizing: border-box;
        border: 1px solid #444;
      }
      /* Figures wrap in a longer language rather than push the row out of the panel. */
      .figures {
        font-variant-numeric: tabular-nums;
        text-align: end;
      }
    `,
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ledger')) this.listen();
  }

  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.ledger?.events.on('changed', () => this.requestUpdate()) ?? null;
  }

  override render() {
    const ledger = this.ledger;
    if (!ledger || ledger.count === 0)
      return html`<p>${msg('No chunk of the overlay has been spent yet.')}</p>`;
    const chunkBytes = ledger.stick.usage().overlay.chunkSectors * 512;
    const total = ledger.count;
    const styles = ownerStyles(ledger.owners);
    const spenders = ledger.spenders();
    return html`
      <p>
        ${
          total === 1
            ? msg(str`1 data chunk (${formatBytes(chunkBytes)}) copied into the overlay, by who caused it:`)
            : msg(
                str`${total} data chunks (${formatBytes(total * chunkBytes)}) copied into the overlay, by who caused them:`,
              )
        }
      </p>
      <ol>
        ${spenders.map(({ owner, chunks }) => {
          const share = (chunks / total) * 100;
          const shareText = share < 1 ? '<1' : Math.round(share);
          const style = styles[ledger.owners.indexOf(owner)]!;
          return html`<li data-owner=${owner}>
            <button @click=${() => this.select(owner)}>
              <span class="name">${ownerLabel(owner)}</span>
              <span class="track" aria-hidden="true">
                <span
                  class="bar"
                  style="display:block;width:${share}%;background:${cssPattern(style)}"
                ></span>
              </span>
              <span class="figures">
                ${
                  chunks === 1
                    ? msg(str`1 chunk, ${formatBytes(chunkBytes)}, ${shareText} %`)
                    : msg(str`${chunks} chunks, ${formatBytes(chunks * chunkBytes)}, ${shareText} %`)
                }
              </span>
            </button>
          </li>`;
        })}
      </ol>
    `;
  }

  private select(owner: string): void {
    this.dispatchEvent(
      new CustomEvent<OwnerSelectDetail>('cellar-owner-select', {
        detail: { owner },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-overlay-spenders': CellarOverlaySpenders;
  }
}
