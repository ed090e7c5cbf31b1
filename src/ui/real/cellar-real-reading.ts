// What the last reading of the learner's stick says: how it keeps its changes and what told Cellar so,
// each number of its status line in words, its LiveOS files, and what could not be read.

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { RealFile, RealStick } from '../../real/realStick';
import { formatBytes } from '../format/sizes';
import { eraText, evidenceText, headerText, numberTexts, persistenceText, problemText } from './realTexts';

/** A file's size, and what it really takes on the stick when that is less (a sparse file). */
function sizeText({ sizeBytes, allocatedBytes }: RealFile): string {
  const size = formatBytes(sizeBytes);
  if (allocatedBytes === null || allocatedBytes >= sizeBytes) return size;
  return msg(str`${size}, of which only ${formatBytes(allocatedBytes)} is taken on the stick`);
}

/** `<cellar-real-reading>`: reads a RealStick; sends nothing. */
@customElement('cellar-real-reading')
@localized()
export class CellarRealReading extends LitElement {
  @property({ attribute: false }) stick: RealStick | null = null;

  static override styles = css`
    :host {
      display: block;
    }
    .verdict {
      margin: 0;
      font-size: 17px;
      font-weight: 600;
    }
    p,
    ul {
      margin: 6px 0 0;
    }
    .why {
      font-size: 13px;
      color: #505050;
    }
    .problems li {
      margin-top: 4px;
    }
    code {
      font-family: 'DejaVu Sans Mono', monospace;
      overflow-wrap: anywhere;
    }
  `;

  override render() {
    const stick = this.stick;
    if (!stick) return nothing;
    const era = eraText(stick);
    const numbers = numberTexts(stick);
    return html`<p class="verdict" role="status">${persistenceText(stick)}</p>
      ${era ? html`<p>${era}</p>` : nothing}
      ${
        stick.evidence.length > 0
          ? html`<p class="why">${msg('Told by:')} ${stick.evidence.map(evidenceText).join('; ')}.</p>`
          : nothing
      }
      ${
        numbers.length > 0
          ? html`<ul>
              ${numbers.map((text) => html`<li>${text}</li>`)}
            </ul>`
          : nothing
      }
      ${this.renderFiles(stick)}
      ${stick.overlayHeader ? html`<p>${headerText(stick.overlayHeader)}</p>` : nothing}
      ${this.renderNeedsRoot(stick)} ${this.renderFailed(stick)} ${this.renderProblems(stick)}`;
  }

  private renderFiles(stick: RealStick) {
    const files = [
      [stick.overlayFile, msg('the overlay file')],
      [stick.homeImage, msg('your home folder')],
      [stick.squashfsImage, msg('the system, compressed')],
    ] as const;
    const known = files.filter(([file]) => file !== null);
    if (known.length === 0) return nothing;
    return html`<ul>
      ${known.map(
        ([file, what]) =>
          html`<li><code dir="ltr">${file!.path.split('/').at(-1)}</code>: ${what}, ${sizeText(file!)}</li>`,
      )}
    </ul>`;
  }

  private renderNeedsRoot(stick: RealStick) {
    if (stick.needsRoot.length === 0) return nothing;
    const commands = stick.needsRoot.join(', ');
    return html`<p>
      ${msg(str`Without root, these could not be read: ${commands}. Run it again with sudo to read them.`)}
    </p>`;
  }

  private renderFailed(stick: RealStick) {
    if (stick.failedCommands.length === 0) return nothing;
    return html`<p>${msg('These did not work on your stick:')}</p>
      <ul>
        ${stick.failedCommands.map(
          ({ command, message }) =>
            html`<li><code dir="ltr">${command}</code>: <span dir="ltr">${message}</span></li>`,
        )}
      </ul>`;
  }

  private renderProblems(stick: RealStick) {
    if (stick.problems.length === 0) return nothing;
    return html`<ul class="problems" aria-label=${msg('Lines Cellar could not read')}>
      ${stick.problems.map(
        (problem) =>
          html`<li>
            ${problemText(problem)}
            ${problem.line === null ? nothing : html`<br /><code dir="ltr">${problem.line}</code>`}
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-real-reading': CellarRealReading;
  }
}
