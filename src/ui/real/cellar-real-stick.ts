// Real mode's panel: the three ways to read the learner's own stick (paste, the overlay file, the bridge),
// what the last reading says, and the comparison — the real overlay and Cellar's model side by side with
// the same gauge and status line, the real chunk map when the file was read, and, while the bridge is
// connected, the live plot and "predict, then measure". It keeps the readings (input, not storage logic);
// "Mirror my stick" plans the model stick and sends it to the app as a session command.

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Session } from '../../model/session/Session';
import type { Stick } from '../../model/stick/Stick';
import type { UsageSample } from '../../model/stick/usageSample';
import { mirrorPlan, type MirrorResult } from '../../real/mirror';
import { readPaste } from '../../real/paste/readPaste';
import { realOverlayUsage, realUsageSample } from '../../real/realUsage';
import { sendIntent } from '../cellarCommand';
import '../chunk-map/cellar-chunk-map';
import '../overlay-gauge/cellar-overlay-gauge';
import '../usage-plot/cellar-usage-plot';
import './cellar-real-bridge';
import './cellar-real-file';
import './cellar-real-paste';
import './cellar-real-predict';
import './cellar-real-reading';
import { guessesText, mirrorRefusalText } from './mirrorTexts';
import type { RealRead } from './realReadEvent';
import { realStickStyles } from './realStick.styles';

/** The live plot keeps this many bridge readings (a few hours at one every few seconds). */
const MAX_LIVE_SAMPLES = 2000;

/**
 * `<cellar-real-stick>`: reads the session for the model's side of the comparison.
 * @fires cellar-command - mirror-stick, the model of the stick read
 */
@customElement('cellar-real-stick')
@localized()
export class CellarRealStick extends LitElement {
  static override styles = realStickStyles;

  @property({ attribute: false }) session: Session | null = null;
  /** A paste saved with the activity: put back in the box and read again, once. */
  @property({ attribute: false }) resumePaste = '';
  @state() private read: RealRead | null = null;
  @state() private pasted = '';
  @state() private address = '';
  /** The bridge's readings over time, for the live plot. */
  @state() private live: UsageSample[] = [];
  /** The last "Mirror my stick": its guesses, or why it could not be done. */
  @state() private mirrorResult: MirrorResult | null = null;
  /** The stick the mirror made: predictions are made on it while the session still has it. */
  private mirroredStick: Stick | null = null;
  /** The first bridge reading's time: the live plot's zero. */
  private firstTakenMs: number | null = null;

  /** What is in the paste box, to save with the activity. */
  get pasteText(): string {
    return this.pasted;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('resumePaste') && this.resumePaste !== '' && this.pasted === '') {
      this.pasted = this.resumePaste;
      this.read = { stick: readPaste(this.resumePaste), overlay: null };
    }
  }

  override render() {
    return html`<h2 id="real-title">${msg('Your own stick')}</h2>
      <p>
        ${msg('Read your own stick in one of three ways. Cellar only reads it: nothing on the stick changes.')}
      </p>
      <div class="ways" @cellar-real-read=${this.onRead}>
        <div class="way">
          <h3>${msg('Paste')}</h3>
          <cellar-real-paste
            .text=${this.pasted}
            @cellar-real-text=${(e: CustomEvent<{ text: string }>) => (this.pasted = e.detail.text)}
          ></cellar-real-paste>
        </div>
        <div class="way">
          <h3>${msg('The overlay file')}</h3>
          <cellar-real-file></cellar-real-file>
        </div>
        <div class="way">
          <h3>${msg('The bridge')}</h3>
          <cellar-real-bridge
            .address=${this.address}
            @cellar-real-address=${(e: CustomEvent<{ address: string }>) => (this.address = e.detail.address)}
          ></cellar-real-bridge>
        </div>
      </div>
      ${this.renderReading()}`;
  }

  private renderReading() {
    const read = this.read;
    if (!read) return nothing;
    const usage = realOverlayUsage(read.stick);
    const mirrored = this.mirroredStick !== null && this.session?.stick === this.mirroredStick;
    return html`<div class="reading">
      <h3>${msg('What your stick says')}</h3>
      <cellar-real-reading .stick=${read.stick}></cellar-real-reading>
      <div class="compare">
        <div class="side">
          <h3>${msg('Your stick')}</h3>
          ${
            usage
              ? html`<cellar-overlay-gauge .overlay=${usage}></cellar-overlay-gauge>`
              : html`<p>${msg('No overlay figures in this reading.')}</p>`
          }
        </div>
        <div class="side">
          <h3>${msg("Cellar's model")}</h3>
          <cellar-overlay-gauge .session=${this.session}></cellar-overlay-gauge>
        </div>
      </div>
      <div class="mirror">
        <button @click=${this.mirror}>${msg('Mirror my stick')}</button>
        <p>
          ${msg(
            "The model gets your stick's sizes, era and usage, so lessons and experiments go on with a stick like yours.",
          )}
        </p>
      </div>
      ${this.renderMirrored(read)}
      ${
        read.overlay
          ? html`<h3>${msg('Inside your overlay file')}</h3>
              <cellar-chunk-map .overlay=${read.overlay}></cellar-chunk-map>`
          : nothing
      }
      ${
        this.live.length > 0
          ? html`<h3>${msg('Your overlay, reading after reading')}</h3>
              <cellar-usage-plot .samples=${this.live}></cellar-usage-plot>
              <cellar-real-predict
                .session=${this.session}
                ?mirrored=${mirrored}
                .latest=${read.stick}
              ></cellar-real-predict>`
          : nothing
      }
    </div>`;
  }

  private renderMirrored(read: RealRead) {
    const mirror = this.mirrorResult;
    if (!mirror) return nothing;
    if (!mirror.ok) {
      return html`<p class="refusal" role="alert">
        ${mirrorRefusalText(read.stick)} <span class="detail" dir="ltr">(${mirror.reason})</span>
      </p>`;
    }
    const guessed = guessesText(mirror.guesses);
    return guessed ? html`<p>${guessed}</p>` : nothing;
  }

  private onRead = (event: CustomEvent<RealRead>) => {
    event.stopPropagation();
    this.read = event.detail;
    // The bridge's next reading is the same stick: what the mirror said stays.
    if (event.detail.stick.source !== 'bridge') this.mirrorResult = null;
    this.addLiveSample(event.detail);
  };

  /** A bridge reading with figures becomes a point of the live plot, at its time on the stick. */
  private addLiveSample({ stick }: RealRead): void {
    if (stick.source !== 'bridge' || stick.takenAt === null) return;
    const usage = realOverlayUsage(stick);
    const takenMs = Date.parse(stick.takenAt);
    if (!usage || Number.isNaN(takenMs)) return;
    this.firstTakenMs ??= takenMs;
    const sample = realUsageSample(usage, takenMs - this.firstTakenMs, this.live.length);
    this.live = [...this.live, sample].slice(-MAX_LIVE_SAMPLES);
  }

  private mirror = () => {
    if (!this.read) return;
    const mirror = mirrorPlan(this.read.stick);
    this.mirrorResult = mirror;
    if (!mirror.ok) return;
    const { plan, usedSectors, state } = mirror;
    sendIntent(this, { type: 'mirror-stick', plan, usedSectors, state });
    // The app makes the stick at once: it is the model to predict on until another stick replaces it.
    this.mirroredStick = this.session?.stick ?? null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-real-stick': CellarRealStick;
  }
}
