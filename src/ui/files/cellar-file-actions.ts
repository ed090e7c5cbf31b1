// What can be added in the folder shown: preset files at realistic sizes, a file of a chosen size, a new
// folder; and, for Sugar, an Activity and a Journal entry (they go where Sugar puts them); and moving the
// folder to RAM. Each button sends one `cellar-command`.

import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { FILE_PRESETS, freeFileName, type FilePresetId } from '../../model/session/filePresets';
import { sendIntent } from '../cellarCommand';
import { childPath } from './places';
import { filesStyles } from './files.styles';

const MB = 1_000_000;

/** @fires cellar-command - write-file, mkdir, install-activity, save-journal-entry, move-to-ram */
@customElement('cellar-file-actions')
@localized()
export class CellarFileActions extends LitElement {
  static override styles = filesStyles;

  @property() folder = '/';
  @property({ attribute: false }) takenNames: ReadonlySet<string> = new Set();
  /** The folder is already a RAM folder (no "move to RAM"). */
  @property({ type: Boolean }) inRam = false;
  @state() private chosenMb = 10;
  @state() private folderName = '';
  @state() private activityCount = 1;

  override render() {
    return html`
      <h3>${msg(str`Add to ${this.folder}`)}</h3>
      <div class="actions" role="group" aria-label=${msg('Add a file')}>
        ${FILE_PRESETS.map(
          (preset) =>
            html`<button @click=${() => this.writePreset(preset.id)}>
              ${presetLabel(preset.id)} · ${formatMb(preset.sizeBytes)}
            </button>`,
        )}
      </div>
      <div class="actions" role="group" aria-label=${msg('A file of your size')}>
        <label
          >${msg('Size (MB)')}
          <input
            type="number"
            min="0"
            step="1"
            .value=${String(this.chosenMb)}
            @input=${(e: Event) => (this.chosenMb = Number((e.target as HTMLInputElement).value))}
        /></label>
        <button @click=${this.writeChosen}>${msg('Make file')}</button>
        <label
          >${msg('Folder name')}
          <input
            class="folder-name"
            .value=${this.folderName}
            @input=${(e: Event) => (this.folderName = (e.target as HTMLInputElement).value)}
        /></label>
        <button @click=${this.makeFolder}>${msg('New folder')}</button>
      </div>
      <h3>${msg('Sugar')}</h3>
      <div class="actions">
        <button @click=${this.installActivity}>${msg('Install an Activity')}</button>
        <button @click=${() => sendIntent(this, { type: 'save-journal-entry', title: msg('My drawing') })}>
          ${msg('Save a Journal entry')}
        </button>
        ${
          this.inRam
            ? ''
            : html`<button @click=${() => sendIntent(this, { type: 'move-to-ram', folder: this.folder })}>
                ${msg('Move this folder to RAM')}
              </button>`
        }
      </div>
    `;
  }

  private writePreset(id: FilePresetId): void {
    const preset = FILE_PRESETS.find((p) => p.id === id)!;
    const name = freeFileName(preset.fileName, this.takenNames);
    sendIntent(this, { type: 'write-file', path: childPath(this.folder, name), sizeBytes: preset.sizeBytes });
  }

  private writeChosen = () => {
    const sizeBytes = Math.max(0, Math.round(this.chosenMb * MB));
    const name = freeFileName(`file-${this.chosenMb}MB.bin`, this.takenNames);
    sendIntent(this, { type: 'write-file', path: childPath(this.folder, name), sizeBytes });
  };

  private makeFolder = () => {
    const name = this.folderName.trim() || freeFileName(msg('New folder'), this.takenNames);
    sendIntent(this, { type: 'mkdir', path: childPath(this.folder, name) });
    this.folderName = '';
  };

  private installActivity = () => {
    sendIntent(this, {
      type: 'install-activity',
      name: `Maze${this.activityCount > 1 ? this.activityCount : ''}`,
    });
    this.activityCount++;
  };
}

function presetLabel(id: FilePresetId): string {
  switch (id) {
    case 'photo':
      return msg('Photo');
    case 'activity':
      return msg('Activity bundle');
    case 'video':
      return msg('Video');
    case 'update':
      return msg('Update');
  }
}

function formatMb(bytes: number): string {
  return msg(str`${bytes / MB} MB`);
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-file-actions': CellarFileActions;
  }
}
