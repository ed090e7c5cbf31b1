// The overlay gauge: how much of the overlay live-rw has handed out (it only ever grows), with the exact
// `dmsetup status` line under it. A broken overlay is told by shape and words, not colour alone:
// Invalid (2012) shows a cracked bar and a ✕ sign, Overflow (today) a full bar and a lock sign.

import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Session } from '../../model/session/Session';
import type { OverlayUsage } from '../../model/stick/usageSummary';
import { SECTOR_BYTES } from '../../model/units';
import { SessionController } from '../controllers/SessionController';
import { formatBytes, percentOf } from '../format/sizes';
import { storeFill, storePatterns } from '../format/storeLook';
import { lockIcon } from '../icons';
import { commandLook } from '../format/commandLook';

type GaugeState = 'valid' | 'invalid' | 'overflow' | 'off' | 'none';

/** `<cellar-overlay-gauge>`: reads the session's stick, or the overlay it is given; sends nothing. */
@customElement('cellar-overlay-gauge')
@localized()
export class CellarOverlayGauge extends LitElement {
  @property({ attribute: false }) session: Session | null = null;
  /** An overlay to show instead of the session's: a stick of its own, as a challenge's. */
  @property({ attribute: false }) overlay: OverlayUsage | null = null;

  constructor() {
    super();
    new SessionController(this, () => this.session);
  }

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 4px;
      font-size: 18px;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    svg {
      flex: 1;
      height: 48px;
      min-width: 0;
    }
    .percent {
      font-size: 30px;
      font-weight: bold;
      min-width: 3.2em;
      text-align: end;
    }
    .numbers {
      margin: 2px 0;
      font-size: 15px;
    }
    .alarm {
      display: flex;
      align-items: center;
      gap: 10px;
      margin: 6px 0;
      padding: 6px 10px;
      border: 3px solid #282828;
      background: #fff4d6;
      font-size: 15px;
      font-weight: 600;
    }
    .alarm .sign {
      font-size: 28px;
      line-height: 1;
    }
    figure {
      margin: 4px 0 0;
    }
    figcaption {
      font-size: 13px;
      color: #505050;
    }
    code {
      ${commandLook}
      font-size: 14px;
      /* Between words where it can: a number cut in two would read as two numbers. */
      overflow-wrap: anywhere;
    }
  `;

  override render() {
    const overlay = this.overlay ?? this.session?.stick.usage().overlay;
    if (!overlay) return html``;
    const state = gaugeState(overlay);
    const used = overlay.allocatedSectors * SECTOR_BYTES;
    const total = overlay.totalSectors * SECTOR_BYTES;
    const percent = percentOf(overlay.allocatedSectors, overlay.totalSectors);
    const statusLine = overlay.statusLine === null ? null : `live-rw: ${overlay.statusLine}`;
    const valueText = msg(str`${percent} % used: ${formatBytes(used)} of ${formatBytes(total)}`);
    return html`
      <h2>${overlay.kind === 'temporary' ? msg('Overlay (temporary, in RAM)') : msg('Overlay')}</h2>
      <div
        class="row"
        role="meter"
        aria-label=${msg('Overlay used')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${valueText}
      >
        <svg viewBox="0 0 400 48" preserveAspectRatio="none" aria-hidden="true">
          ${storePatterns()} ${drawBar(overlay.allocatedSectors / Math.max(1, overlay.totalSectors), state)}
        </svg>
        <span class="percent" aria-hidden="true">${percent} %</span>
      </div>
      <p class="numbers">${valueText}. ${msg('Deleting files never gives overlay space back.')}</p>
      ${this.renderAlarm(state)}
      <figure>
        <figcaption>${msg('What the kernel says (dmsetup status):')}</figcaption>
        <code dir="ltr">${statusLine ?? msg('(no live-rw device: the stick is off)')}</code>
      </figure>
    `;
  }

  private renderAlarm(state: GaugeState) {
    switch (state) {
      case 'invalid':
        return html`<p class="alarm" role="alert">
          <span class="sign" aria-hidden="true">✕</span>
          ${msg('Invalid: the overlay filled up and broke. The system can no longer read it, and the stick will not start again.')}
        </p>`;
      case 'overflow':
        return html`<p class="alarm" role="alert">
          <span class="sign">${lockIcon()}</span>
          ${msg('Overflow: the overlay is full. The system is read-only now; nothing more can be saved outside /home and RAM.')}
        </p>`;
      case 'off':
        return html`<p class="alarm">${msg('The stick is off.')}</p>`;
      case 'none':
        return html`<p class="alarm">${msg('This stick has no overlay.')}</p>`;
      case 'valid':
        return html``;
    }
  }
}

function gaugeState(overlay: OverlayUsage): GaugeState {
  if (overlay.kind === 'none') return 'none';
  if (overlay.state === null) return 'off';
  if (overlay.state === 'Invalid') return 'invalid';
  if (overlay.state === 'Overflow') return 'overflow';
  return 'valid';
}

function drawBar(fraction: number, state: GaugeState) {
  const width = Math.min(1, fraction) * 400;
  const frame = svg`<rect x="1.5" y="1.5" width="397" height="45" fill="none" stroke="#282828" stroke-width="3"></rect>`;
  if (state === 'invalid') {
    // A cracked bar: the used part split by a zigzag, the whole crossed out.
    return svg`<rect x="0" y="0" width=${width} height="48" fill=${storeFill('overlay')}></rect>
      <path d="M200 0 L185 12 L210 24 L188 36 L205 48" fill="none" stroke="#ffffff" stroke-width="6"></path>
      <path d="M0 0 L400 48 M0 48 L400 0" stroke="#282828" stroke-width="4"></path>${frame}`;
  }
  return svg`<rect x="0" y="0" width=${width} height="48" fill=${storeFill('overlay')}></rect>
    ${state === 'overflow' ? svg`<rect x="6" y="6" width="388" height="36" fill="none" stroke="#282828" stroke-width="3" stroke-dasharray="10 6"></rect>` : ''}
    ${frame}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-overlay-gauge': CellarOverlayGauge;
  }
}
