// The activity's toolbar, as Sugar's HIG lays it out: activity button (title) at the left, then mode, era,
// clock speed, fast-forward, a new stick, undo and reset; help "?" just left of Stop at the far right.
// It only reports what the learner pressed: `cellar-command` intents, and `cellar-stop` for Stop.

import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localized, msg } from '@lit/localize';
import type { SessionMode } from '../../model/session/sessionCommands';
import type { EraId } from '../../model/stick/eras';
import { sendIntent, type ClockSpeed } from '../cellarCommand';
import { DEFAULT_XO_COLOURS, type XoColours } from '../../sugar/host';
import { fastForwardIcon } from '../icons';
import { toolbarStyles } from './toolbar.styles';

const DAY_MS = 24 * 3600 * 1000;

/**
 * `<cellar-toolbar>`.
 * @fires cellar-command - the learner's intent (mode, era, clock, undo, reset, help…)
 * @fires cellar-stop - Stop was pressed: the app saves, then closes through the host
 */
@customElement('cellar-toolbar')
@localized()
export class CellarToolbar extends LitElement {
  static override styles = toolbarStyles;

  /** The Journal title of this activity instance. */
  @property() activityTitle = 'Cellar';
  @property() mode: SessionMode = 'sandbox';
  @property() era: EraId = 'soas-2012';
  @property({ type: Number }) clockSpeed: ClockSpeed = 0;
  /** Steps undo can go back (0 disables Undo). */
  @property({ type: Number }) undoSteps = 0;
  /** The learner's XO colours: the activity button's icon wears them, as in every Sugar activity. */
  @property({ attribute: false }) colours: XoColours = DEFAULT_XO_COLOURS;

  override render() {
    return html`
      <div role="toolbar" aria-label=${msg('Cellar toolbar')}>
        <button class="activity" title=${msg('Cellar activity')} aria-label=${msg('Cellar activity')}>
          ${activityIcon(this.colours)}<span class="title">${this.activityTitle}</span>
        </button>
        <span class="separator"></span>
        ${this.renderMode()} ${this.renderEra()} ${this.renderClock()}
        <button
          class="labelled"
          title=${msg('Fast-forward one day')}
          @click=${() => sendIntent(this, { type: 'advance', ms: DAY_MS })}
        >
          ${fastForwardIcon()}${msg('+1 day')}
        </button>
        <span class="separator"></span>
        <button
          class="labelled"
          title=${msg('Make a new stick')}
          @click=${() => sendIntent(this, { type: 'open-sandbox-setup' })}
        >
          <span class="icon" aria-hidden="true">✚</span>${msg('New stick')}
        </button>
        <button
          class="labelled"
          title=${msg('Undo (Ctrl+Z)')}
          aria-disabled=${this.undoSteps === 0 ? 'true' : 'false'}
          @click=${() => this.undoSteps > 0 && sendIntent(this, { type: 'undo' })}
        >
          <span class="icon" aria-hidden="true">↶</span>${msg('Undo')}
        </button>
        <button
          class="labelled"
          title=${msg('Start over: back to the stick as it was made')}
          @click=${() => sendIntent(this, { type: 'reset' })}
        >
          <span class="icon" aria-hidden="true">⟲</span>${msg('Start over')}
        </button>
        <span class="spacer"></span>
        <button
          class="help"
          title=${msg('Help and keyboard shortcuts (?)')}
          aria-label=${msg('Help')}
          @click=${() => sendIntent(this, { type: 'open-help' })}
        >
          <span class="icon" aria-hidden="true">?</span>
        </button>
        <button class="stop" title=${msg('Stop (Ctrl+Q)')} aria-label=${msg('Stop')} @click=${this.stop}>
          ${stopIcon()}
        </button>
      </div>
    `;
  }

  private renderMode() {
    const choose = (event: Event) =>
      sendIntent(this, { type: 'set-mode', mode: (event.target as HTMLSelectElement).value as SessionMode });
    return html`<label class="field"
      ><span class="field-label">${msg('Mode')}</span>
      <select title=${msg('Mode')} aria-label=${msg('Mode')} .value=${live(this.mode)} @change=${choose}>
        <option value="lessons" ?selected=${this.mode === 'lessons'}>${msg('Lessons')}</option>
        <option value="sandbox" ?selected=${this.mode === 'sandbox'}>${msg('Sandbox')}</option>
        <option value="real" ?selected=${this.mode === 'real'}>${msg('Real stick')}</option>
      </select></label
    >`;
  }

  private renderEra() {
    const choose = (event: Event) => {
      sendIntent(this, { type: 'set-era', era: (event.target as HTMLSelectElement).value as EraId });
      // When the app could not change the era, the select goes back to the stick's own.
      this.requestUpdate();
    };
    return html`<label class="field"
      ><span class="field-label">${msg('Era')}</span>
      <select title=${msg('Era')} aria-label=${msg('Era')} .value=${live(this.era)} @change=${choose}>
        <option value="soas-2012" ?selected=${this.era === 'soas-2012'}>${msg('SoaS 2012')}</option>
        <option value="fedora-today" ?selected=${this.era === 'fedora-today'}>${msg('Fedora today')}</option>
      </select></label
    >`;
  }

  private renderClock() {
    const speeds: { value: ClockSpeed; label: string }[] = [
      { value: 0, label: msg('Paused') },
      { value: 60_000, label: msg('1 min a second') },
      { value: 3_600_000, label: msg('1 hour a second') },
      { value: 86_400_000, label: msg('1 day a second') },
    ];
    const choose = (event: Event) =>
      sendIntent(this, {
        type: 'set-clock-speed',
        msPerSecond: Number((event.target as HTMLSelectElement).value) as ClockSpeed,
      });
    return html`<label class="field"
      ><span class="field-label">${msg('Clock')}</span>
      <select title=${msg('Clock speed')} aria-label=${msg('Clock speed')} @change=${choose}>
        ${speeds.map(
          (s) => html`<option value=${s.value} ?selected=${this.clockSpeed === s.value}>${s.label}</option>`,
        )}
      </select></label
    >`;
  }

  private stop = () => {
    this.dispatchEvent(new CustomEvent('cellar-stop', { bubbles: true, composed: true }));
  };
}

/** The activity's icon: a USB stick (stroke and fill would be the learner's XO colours in Sugar). */
/** activity/activity-icon.svg's drawing (the stick with its vaulted cellar), in the learner's colours. */
function activityIcon({ stroke, fill }: XoColours) {
  return html`<svg viewBox="0 0 55 55" aria-hidden="true">
    <g stroke=${stroke} stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round">
      <rect x="19" y="3" width="17" height="10" fill=${fill}></rect>
      <rect x="23" y="6.5" width="3" height="3" fill=${stroke} stroke-width="1"></rect>
      <rect x="29" y="6.5" width="3" height="3" fill=${stroke} stroke-width="1"></rect>
      <rect x="12.5" y="13" width="30" height="39" rx="5" fill=${fill} stroke-width="3"></rect>
      <path d="M19,47 V29 A8.5,8.5 0 0 1 36,29 V47 Z" fill=${fill}></path>
      <line x1="19" y1="33" x2="36" y2="33"></line>
      <line x1="19" y1="40" x2="36" y2="40"></line>
    </g>
  </svg>`;
}

/** Sugar's Stop: a square in a circle. */
function stopIcon() {
  return html`<svg viewBox="0 0 36 36" width="36" height="36" aria-hidden="true">
    <circle cx="18" cy="18" r="14" fill="none" stroke="#ffffff" stroke-width="3"></circle>
    <rect x="12" y="12" width="12" height="12" fill="#ffffff"></rect>
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-toolbar': CellarToolbar;
  }
}
