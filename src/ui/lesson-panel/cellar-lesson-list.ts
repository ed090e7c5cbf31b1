// The lessons on offer, in catalogue order: number, title, what it teaches, how long, and whether the
// learner has done it (a mark and words, not colour alone). Choosing one asks the app to start it.

import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Lesson } from '../../lessons/lessonTypes';
import { lessonPanelStyles } from './lessonPanel.styles';

/**
 * `<cellar-lesson-list>`: the lesson picker.
 * @fires cellar-lesson-start - `detail.lessonId`: the lesson the learner chose
 * @fires cellar-lesson-challenges - the learner asks for the "predict the meter" challenges
 * @fires cellar-lesson-teacher - the teacher's summary is asked for
 */
@customElement('cellar-lesson-list')
@localized()
export class CellarLessonList extends LitElement {
  static override styles = [
    lessonPanelStyles,
    css`
      ol {
        display: grid;
        gap: 8px;
        margin: 8px 0 0;
        padding: 0;
        list-style: none;
      }
      li button {
        display: block;
        inline-size: 100%;
        padding: 8px 12px;
      }
      .title {
        display: block;
        font-weight: bold;
      }
      .about {
        display: block;
        font-size: 14px;
      }
      .more {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 12px;
      }
      .done {
        display: block;
        font-size: 14px;
        font-weight: bold;
        color: #2e7d32;
      }
      .yours {
        font-size: 14px;
        font-weight: bold;
      }
    `,
  ];

  @property({ attribute: false }) lessons: readonly Lesson[] = [];
  /** Ids of the lessons the learner has finished. */
  @property({ attribute: false }) completed: readonly string[] = [];
  /** The learner has mirrored their own stick: the lessons that can start on its model say so. */
  @property({ type: Boolean }) mirrored = false;

  override render() {
    return html`
      <h2 tabindex="-1">${msg('Lessons')}</h2>
      <p class="goal">
        ${
          this.mirrored
            ? msg(
                'Choose a lesson. Those marked "on your stick" start on the model of your own stick, the others on a stick made for them.',
              )
            : msg('Choose a lesson. Each one starts on a new stick made for it.')
        }
      </p>
      <ol>
        ${this.lessons.map(
          (lesson) =>
            html`<li>
              <button @click=${() => this.choose(lesson.id)}>
                <span class="title">${lesson.number}. ${lesson.title()}</span>
                <span class="about">${lesson.goal()}</span>
                <span class="about">${msg(str`About ${lesson.minutes} minutes`)}</span>
                ${this.mirrored && lesson.onYourStick ? html`<span class="yours">${msg('on your stick')}</span>` : ''}
                ${this.completed.includes(lesson.id) ? html`<span class="done">✓ ${msg('Done')}</span>` : ''}
              </button>
            </li>`,
        )}
      </ol>
      <div class="more">
        <button @click=${() => this.ask('cellar-lesson-challenges')}>${msg('Predict the meter')}</button>
        <button @click=${() => this.ask('cellar-lesson-teacher')}>${msg('For the teacher')}</button>
      </div>
    `;
  }

  private ask(type: 'cellar-lesson-challenges' | 'cellar-lesson-teacher'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }

  /** Puts the focus on the list's heading (back from a lesson, whose panel is gone). */
  async focusList(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private choose(lessonId: string): void {
    this.dispatchEvent(
      new CustomEvent('cellar-lesson-start', { detail: { lessonId }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-lesson-list': CellarLessonList;
  }
  interface HTMLElementEventMap {
    'cellar-lesson-start': CustomEvent<{ lessonId: string }>;
    'cellar-lesson-challenges': CustomEvent<undefined>;
    'cellar-lesson-teacher': CustomEvent<undefined>;
  }
}
