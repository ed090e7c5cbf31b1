// The lesson under way: its title and goal, how far along, the step's instruction (and its question's
// choices), hints on request, what just happened once the step is done, Back and Next. It shows the
// engine's `LessonView` and hands the learner's presses to the run; it decides nothing itself.

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { LessonRun, LessonView } from '../../lessons/LessonRun';
import { visuallyHidden } from '../format/visuallyHidden';
import { lessonPanelStyles } from './lessonPanel.styles';

/** What the panel asks of the run (a `LessonRun`, or a stand-in in tests). */
export type LessonControls = Pick<LessonRun, 'answer' | 'hint' | 'next' | 'back'>;

/**
 * `<cellar-lesson-panel>`: one lesson being taken.
 * @fires cellar-lesson-list - the learner asked for the list of lessons
 */
@customElement('cellar-lesson-panel')
@localized()
export class CellarLessonPanel extends LitElement {
  static override styles = [lessonPanelStyles, visuallyHidden];

  @property({ attribute: false }) view: LessonView | null = null;
  @property({ attribute: false }) controls: LessonControls | null = null;
  /** How many hints the step has: Hint is disabled once all are shown. */
  @property({ type: Number }) hintCount = Number.POSITIVE_INFINITY;
  /** What the live region says: a new step, a hint, or what just happened. */
  @state() private said = '';
  /** Next or Back was pressed: the focus goes to the step the run shows next. */
  private refocus = false;

  /**
   * Puts the focus on the step's instruction (or the closing words): after Next or Back, whose button may
   * just have been disabled, and when a lesson starts, so a keyboard learner is not left on nothing.
   */
  async focusStep(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.instruction, .complete')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('view') || !this.view) return;
    const said = newsOf(changed.get('view') ?? null, this.view);
    if (said) this.said = said;
  }

  // The run's new view reaches the panel only when its host renders again, after `focusStep` has run: the
  // last Next swaps the instruction for the closing words, which would drop the focus on nothing.
  protected override updated(changed: PropertyValues<this>): void {
    if (!this.refocus || !changed.has('view')) return;
    this.refocus = false;
    void this.focusStep();
  }

  override render() {
    const view = this.view;
    if (!view) return nothing;
    return html`
      <h2 id="lesson-title">${view.title}</h2>
      <p class="goal">${view.goal}</p>
      ${view.complete ? this.renderComplete() : this.renderStep(view)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.said}</div>
    `;
  }

  private renderStep(view: LessonView) {
    const progress = msg(str`Step ${view.stepNumber} of ${view.stepCount}`);
    return html`
      <p class="step-count" id="step-count">${progress}</p>
      <progress max=${view.stepCount} .value=${view.stepNumber} aria-labelledby="step-count"></progress>
      <p class="instruction" tabindex="-1">${view.instruction}</p>
      ${
        view.choices
          ? html`<div class="choices" role="group" aria-label=${msg('Answers')}>
              ${view.choices.map(
                (choice, index) =>
                  html`<button
                    ?disabled=${view.explanation !== null}
                    @click=${() => this.controls?.answer(index)}
                  >
                    ${choice}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${
        view.hints.length > 0
          ? html`<h3>${msg('Hints')}</h3>
              <ul class="hints">
                ${view.hints.map((hint) => html`<li>${hint}</li>`)}
              </ul>`
          : nothing
      }
      ${
        view.explanation !== null
          ? html`<h3>${msg('What just happened')}</h3>
              <p class="explanation">${view.explanation}</p>`
          : nothing
      }
      <div class="buttons">
        <button ?disabled=${!view.canGoBack} @click=${() => this.move('back')}>${msg('Back')}</button>
        <button
          ?disabled=${view.explanation !== null || view.hints.length >= this.hintCount}
          @click=${() => this.controls?.hint()}
        >
          ${msg('Hint')}
        </button>
        <button class="primary" ?disabled=${!view.canGoOn} @click=${() => this.move('next')}>
          ${msg('Next')}
        </button>
      </div>
      <button class="leave" @click=${this.toList}>${msg('All lessons')}</button>
    `;
  }

  private renderComplete() {
    return html`
      <p class="complete" tabindex="-1">${msg('Lesson complete. Well done!')}</p>
      <div class="buttons">
        <button class="primary" @click=${this.toList}>${msg('Choose another lesson')}</button>
      </div>
    `;
  }

  private move(where: 'next' | 'back'): void {
    this.refocus = true;
    this.controls?.[where]();
    void this.focusStep();
  }

  private toList = () => {
    this.dispatchEvent(new CustomEvent('cellar-lesson-list', { bubbles: true, composed: true }));
  };
}

/** What a screen reader should hear when the view goes from `before` to `after` ('' for nothing new). */
function newsOf(before: LessonView | null, after: LessonView): string {
  if (after.complete) return before?.complete ? '' : msg('Lesson complete. Well done!');
  if (!before || before.lessonId !== after.lessonId || before.stepNumber !== after.stepNumber) {
    return `${msg(str`Step ${after.stepNumber} of ${after.stepCount}`)}: ${after.instruction ?? ''}`;
  }
  if (after.explanation !== null && before.explanation === null) return after.explanation;
  if (after.hints.length > before.hints.length) return after.hints.at(-1)!;
  return '';
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-lesson-panel': CellarLessonPanel;
  }
  interface HTMLElementEventMap {
    'cellar-lesson-list': CustomEvent<undefined>;
  }
}
