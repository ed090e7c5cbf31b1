// <cellar-teacher-summary>: what a learner has done, for their teacher — each lesson with its state (done,
// at which step, not started) and the challenges' level, answers and points. It only reads the progress.

import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { NO_PROGRESS, type LessonProgress } from '../../lessons/lessonProgress';
import type { Lesson } from '../../lessons/lessonTypes';
import { viewText } from '../format/viewText';

@customElement('cellar-teacher-summary')
@localized()
export class CellarTeacherSummary extends LitElement {
  @property({ attribute: false }) lessons: readonly Lesson[] = [];
  @property({ attribute: false }) progress: LessonProgress = NO_PROGRESS;

  static override styles = [
    viewText,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        padding: 4px 8px;
        border-bottom: 1px solid #c8c8c8;
        text-align: start;
        vertical-align: top;
      }
      .done {
        font-weight: bold;
      }
    `,
  ];

  /** Puts the focus on the heading (the button that opened the summary is gone), scrolled into view. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const { completed, challenges } = this.progress;
    const done = completed.filter((id) => this.lessons.some((lesson) => lesson.id === id)).length;
    return html`
      <h2 tabindex="-1">${msg('For the teacher')}</h2>
      <p>${msg(str`Lessons done: ${done} of ${this.lessons.length}.`)}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Lesson')}</th>
            <th scope="col">${msg('Minutes')}</th>
            <th scope="col">${msg('State')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.lessons.map(
            (lesson) =>
              html`<tr>
                <td>${lesson.number}. ${lesson.title()}</td>
                <td>${lesson.minutes}</td>
                ${this.stateCell(lesson)}
              </tr>`,
          )}
        </tbody>
      </table>
      <h3>${msg('Predict the meter')}</h3>
      <p>
        ${msg(
          str`Level ${challenges.level}: ${challenges.right} right of ${challenges.answered} answered, ${challenges.points} points.`,
        )}
      </p>
    `;
  }

  private stateCell(lesson: Lesson) {
    if (this.progress.completed.includes(lesson.id)) {
      return html`<td class="done"><span aria-hidden="true">✓ </span>${msg('Done')}</td>`;
    }
    const current = this.progress.current;
    if (current?.lessonId === lesson.id) {
      const step = Math.min(current.stepIndex + 1, lesson.steps.length);
      return html`<td>${msg(str`At step ${step} of ${lesson.steps.length}`)}</td>`;
    }
    return html`<td>${msg('Not started')}</td>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-teacher-summary': CellarTeacherSummary;
  }
}
