// <cellar-challenge>: one "predict the meter" question. It says what happens to the challenge's own stick,
// takes the learner's guess (a slider and a number, kept together), and after "Check" shows the verdict and
// the idea behind it. Below, the gauge of that stick (not the session's): before the actions, then as the
// model leaves it. The question and the guess come first, so a small screen shows them without scrolling.
// It owns no logic: the challenge, the model's answer and the score come from its owner, which hears
// `cellar-challenge-answered` and `cellar-challenge-next`.

import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Challenge, MeterAnswer } from '../../lessons/challenges/challengeTypes';
import { points, verdict, type Verdict } from '../../lessons/challenges/grade';
import { buttonLook } from '../format/buttonLook';
import { viewText } from '../format/viewText';
import '../overlay-gauge/cellar-overlay-gauge';
import { actionText, levelIdea, verdictText } from './challengeText';

export interface ChallengeAnsweredDetail {
  guessPercent: number;
  verdict: Verdict;
  points: number;
}

@customElement('cellar-challenge')
@localized()
export class CellarChallenge extends LitElement {
  @property({ attribute: false }) challenge: Challenge | null = null;
  /** The model's answer to the challenge. */
  @property({ attribute: false }) answer: MeterAnswer | null = null;
  /** The learner's score so far, shown beside the question. */
  @property({ type: Number }) score = 0;

  @state() private guess = 50;
  @state() private checked: Verdict | null = null;

  static override styles = [
    viewText,
    css`
      :host {
        display: block;
      }
      ol {
        margin: 6px 0;
        padding-inline-start: 1.4em;
      }
      .guess {
        display: flex;
        gap: 10px;
        align-items: center;
        flex-wrap: wrap;
      }
      input[type='range'] {
        flex: 1 1 12em;
        min-height: 44px;
      }
      input[type='number'] {
        width: 5em;
        min-height: 44px;
        font: inherit;
      }
      button {
        ${buttonLook}
      }
      button:focus-visible,
      input:focus-visible {
        outline: 3px solid #1a4f8f;
        outline-offset: 2px;
      }
      .stick {
        margin: 8px 0;
        padding: 6px 8px;
        border: 2px dashed #282828;
      }
      .stick p {
        margin: 0 0 4px;
        font-weight: 600;
      }
      .result {
        margin-top: 8px;
        padding: 6px 8px;
        border: 2px solid #282828;
      }
    `,
  ];

  /** Puts the focus on the question's heading (a new question replaced what had it), scrolled into view. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('challenge')) {
      this.checked = null;
      this.guess = this.answer?.startPercent ?? 50;
    }
  }

  override render() {
    const { challenge, answer } = this;
    if (!challenge || !answer) return html`<p>${msg('Making a challenge…')}</p>`;
    return html`
      <h2 tabindex="-1">${msg('Predict the meter')}</h2>
      <p>${msg(str`Level ${challenge.level}. Score: ${this.score}.`)}</p>
      <p>${msg(str`The overlay is at ${answer.startPercent} %. Then:`)}</p>
      <ol>
        ${challenge.actions.map((action) => html`<li>${actionText(action)}</li>`)}
      </ol>
      <p id="question">${msg('Where is the overlay gauge now?')}</p>
      <div class="guess">
        <input
          type="range"
          min="0"
          max="100"
          aria-labelledby="question"
          .value=${String(this.guess)}
          ?disabled=${this.checked !== null}
          @input=${this.onGuess}
        />
        <input
          type="number"
          min="0"
          max="100"
          aria-label=${msg('Your guess, in percent')}
          .value=${String(this.guess)}
          ?disabled=${this.checked !== null}
          @input=${this.onGuess}
        />
        <span aria-hidden="true">%</span>
        ${
          this.checked === null
            ? html`<button @click=${this.check}>${msg('Check')}</button>`
            : html`<button @click=${this.next}>${msg('Next challenge')}</button>`
        }
      </div>
      ${
        this.checked === null
          ? null
          : html`<div class="result" role="status">
              <p><strong>${verdictText(this.checked, answer.endPercent)}</strong></p>
              <p>${levelIdea(challenge.level)}</p>
            </div>`
      }
      <div class="stick">
        <p>
          ${
            this.checked === null
              ? msg('The challenge’s own stick, before:')
              : msg('The challenge’s own stick, after: the model’s answer')
          }
        </p>
        <cellar-overlay-gauge
          .overlay=${this.checked === null ? answer.before : answer.after}
        ></cellar-overlay-gauge>
      </div>
    `;
  }

  private onGuess(event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (Number.isFinite(value)) this.guess = Math.min(100, Math.max(0, Math.round(value)));
  }

  private check(): void {
    if (!this.challenge || !this.answer) return;
    this.checked = verdict(this.guess, this.answer.endPercent);
    const detail: ChallengeAnsweredDetail = {
      guessPercent: this.guess,
      verdict: this.checked,
      points: points(this.checked, this.challenge.level),
    };
    this.dispatchEvent(
      new CustomEvent('cellar-challenge-answered', { detail, bubbles: true, composed: true }),
    );
  }

  private next(): void {
    this.dispatchEvent(new CustomEvent('cellar-challenge-next', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-challenge': CellarChallenge;
  }
}
