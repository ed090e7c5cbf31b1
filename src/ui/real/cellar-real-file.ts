// The second way in: the overlay file itself (LiveOS/overlay-…), chosen or dropped. Only its header and
// metadata areas are read, with a progress bar on big files; a file the kernel would refuse is told in the
// learner's words, with the reader's own detail under it.

import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { readOverlayFile, type OverlayFileProblem } from '../../real/overlayFileReading';
import { buttonLook } from '../format/buttonLook';
import { realReadEvent } from './realReadEvent';

function problemText(problem: OverlayFileProblem): string {
  switch (problem) {
    case 'bad-magic':
      return msg(
        'This is not an overlay file: it does not start with the overlay mark, SnAp. Choose the file named overlay-… in the LiveOS folder of the stick.',
      );
    case 'bad-chunk-size':
      return msg('This overlay names a chunk size the kernel does not accept: the file is damaged.');
    case 'bad-version':
      return msg('This overlay was written in a format the kernel does not know: the file is damaged.');
    case 'truncated':
      return msg('This overlay file is cut short: it ends before its own table does. Was it copied whole?');
    case 'corrupt':
      return msg('The table inside this overlay is damaged: the kernel would refuse to use it.');
    case 'unreadable':
      return msg('The file could not be read. Is the stick still plugged in?');
    case 'empty':
      return msg('This file is empty: an overlay file is never empty.');
  }
}

/**
 * `<cellar-real-file>`: a file chooser and a drop zone.
 * @fires cellar-real-read - the overlay's reading and its table
 */
@customElement('cellar-real-file')
@localized()
export class CellarRealFile extends LitElement {
  /** 0–1 while a file is read; null otherwise. */
  @state() private progress: number | null = null;
  @state() private failure: { text: string; detail: string } | null = null;
  @state() private dragging = false;

  static override styles = css`
    :host {
      display: block;
    }
    .zone {
      padding: 10px;
      border: 2px dashed #282828;
      border-radius: 8px;
    }
    .zone.dragging {
      background: #fff4d6;
    }
    label {
      ${buttonLook}
      display: inline-flex;
      align-items: center;
    }
    label:focus-within {
      outline: 3px solid #1a4f8f;
      outline-offset: 2px;
    }
    input {
      position: absolute;
      opacity: 0;
      width: 1px;
      height: 1px;
    }
    p {
      margin: 6px 0 0;
      font-size: 13px;
    }
    progress {
      width: 100%;
      margin-top: 6px;
    }
    .failure {
      font-weight: 600;
      font-size: 15px;
    }
    .detail {
      color: #505050;
    }
  `;

  override render() {
    return html`<div
        class="zone ${this.dragging ? 'dragging' : ''}"
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <label>
          ${msg('Choose the overlay file…')}
          <input type="file" @change=${this.onChosen} ?disabled=${this.progress !== null} />
        </label>
        <p>
          ${msg('Or drop it here. It is in the LiveOS folder of the stick, named overlay- and the stick name.')}
        </p>
      </div>
      ${
        this.progress === null
          ? nothing
          : html`<progress
              max="1"
              .value=${this.progress}
              aria-label=${msg('Reading the overlay file')}
            ></progress>`
      }
      ${
        this.failure
          ? html`<p class="failure" role="alert">${this.failure.text}</p>
              <p class="detail" dir="ltr">${this.failure.detail}</p>`
          : nothing
      }`;
  }

  /** Reads a file as if it had been chosen (the drop zone and tests use it). */
  async read(file: File): Promise<void> {
    this.failure = null;
    this.progress = 0;
    try {
      const result = await readOverlayFile(file, (fraction) => (this.progress = fraction));
      if (result.ok) this.dispatchEvent(realReadEvent({ stick: result.stick, overlay: result.overlay }));
      else this.failure = { text: problemText(result.problem), detail: result.message };
    } finally {
      this.progress = null;
    }
  }

  private onChosen = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after it changed on the stick) reads it again.
    input.value = '';
    if (file) void this.read(file);
  };

  private onDragOver = (event: DragEvent) => {
    event.preventDefault();
    this.dragging = true;
  };

  private onDrop = (event: DragEvent) => {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.read(file);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-real-file': CellarRealFile;
  }
}
