// The simulated system's files: jump to a place, open folders, see what each folder costs (overlay,
// home.img, RAM, the stick's space), delete or move what is there. Adding files, folders, Activities and
// Journal entries is <cellar-file-actions> below the list. Every change goes up as a `cellar-command`.

import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Session } from '../../model/session/Session';
import type { FolderEntry } from '../../model/stick/Stick';
import { ACTIVITIES_DIR } from '../../model/stick/sugarActivities';
import { sendIntent } from '../cellarCommand';
import { SessionController } from '../controllers/SessionController';
import { formatBytes } from '../format/sizes';
import { storePatterns } from '../format/storeLook';
import { storeMeaning } from '../format/storeNames';
import { fileIcon, folderIcon } from '../icons';
import { costBadge } from './cost-badge';
import { visuallyHidden } from '../format/visuallyHidden';
import { filesStyles, svgDefs } from './files.styles';
import { childPath, parentPath, placesFor } from './places';
import './cellar-file-actions';

/**
 * `<cellar-files>`.
 * @fires cellar-command - delete, move, and (from the actions) write, mkdir, install, Journal, RAM
 */
@customElement('cellar-files')
@localized()
export class CellarFiles extends LitElement {
  static override styles = [filesStyles, svgDefs, visuallyHidden];

  @property({ attribute: false }) session: Session | null = null;
  /** The folder shown. */
  @property() folder = '/home/liveuser';
  /**
   * The folder that was open when the activity was saved: shown once given, if the stick still has it
   * (otherwise the folder shown stays, quietly).
   */
  @property({ attribute: false }) resumeFolder: string | null = null;
  /** The file being moved, while the learner picks where to. */
  @state() private moving: string | null = null;

  constructor() {
    super();
    new SessionController(this, () => this.session);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const resumed = this.resumeFolder;
    if (changed.has('resumeFolder') && resumed && this.session?.stick.list(resumed).ok) this.folder = resumed;
  }

  override render() {
    const stick = this.session?.stick;
    if (!stick) return html``;
    const listed = stick.list(this.folder);
    const place = stick.whereIs(this.folder);
    const entries = listed.ok ? listed.value : [];
    return html`
      <svg class="defs" aria-hidden="true">${storePatterns()}</svg>
      <h2>${msg('Files')}</h2>
      <nav class="places" aria-label=${msg('Places')}>
        ${placesFor(stick.era).map(
          (p) =>
            html`<button
              aria-current=${p.path === this.folder ? 'true' : 'false'}
              @click=${() => this.open(p.path)}
            >
              ${p.label}
            </button>`,
        )}
      </nav>
      <div class="where">
        ${
          this.folder !== '/'
            ? html`<button
                @click=${() => this.open(parentPath(this.folder))}
                aria-label=${msg('Up one folder')}
              >
                ⬆ ${msg('Up')}
              </button>`
            : ''
        }
        <span class="path" dir="ltr">${this.folder}</span>
        ${place.ok ? html`${costBadge(place.store)} <span>${storeMeaning(place.store)}</span>` : ''}
      </div>
      ${listed.ok ? this.renderList(entries) : html`<p class="empty">${msg('This folder cannot be shown now.')}</p>`}
      ${this.moving ? this.renderMoving(this.moving) : ''}
      <cellar-file-actions
        .folder=${this.folder}
        .takenNames=${new Set(entries.map((e) => e.name))}
        .inRam=${place.ok && place.store === 'ram'}
      ></cellar-file-actions>
    `;
  }

  private renderList(entries: FolderEntry[]) {
    if (entries.length === 0)
      return html`<ul>
        <li class="empty">${msg('This folder is empty.')}</li>
      </ul>`;
    return html`<ul aria-label=${msg(str`Contents of ${this.folder}`)}>
      ${entries.map((entry) => this.renderEntry(entry))}
    </ul>`;
  }

  private renderEntry(entry: FolderEntry) {
    const path = childPath(this.folder, entry.name);
    const isActivity = this.folder === ACTIVITIES_DIR && entry.name.endsWith('.activity');
    const where = entry.kind === 'dir' ? this.session!.stick.whereIs(path) : null;
    return html`<li>
      ${entry.kind === 'dir' ? folderIcon() : fileIcon()}
      ${
        entry.kind === 'dir'
          ? html`<button class="name" @click=${() => this.open(path)}>${entry.name}/</button>`
          : html`<span class="name">${entry.name}</span>`
      }
      ${where?.ok ? costBadge(where.store) : ''}
      <span class="size">${entry.kind === 'file' ? formatBytes(entry.sizeBytes) : ''}</span>
      ${
        entry.kind === 'file'
          ? html`<button @click=${() => (this.moving = path)} aria-label=${msg(str`Move ${entry.name}`)}>
              ${msg('Move')}
            </button>`
          : ''
      }
      <button
        @click=${() =>
          sendIntent(
            this,
            isActivity ? { type: 'remove-activity', name: entry.name } : { type: 'delete', path },
          )}
        aria-label=${isActivity ? msg(str`Remove the Activity ${entry.name}`) : msg(str`Delete ${entry.name}`)}
      >
        ${isActivity ? msg('Remove') : msg('Delete')}
      </button>
    </li>`;
  }

  private renderMoving(fromPath: string) {
    const name = fromPath.slice(fromPath.lastIndexOf('/') + 1);
    const targets = placesFor(this.session!.stick.era).filter((p) => p.path !== this.folder);
    return html`<div class="moving" role="group" aria-label=${msg(str`Move ${name} to`)}>
      <span>${msg(str`Move ${name} to:`)}</span>
      <div class="actions">
        ${targets.map(
          (p) =>
            html`<button @click=${() => this.move(fromPath, childPath(p.path, name))}>${p.label}</button>`,
        )}
        <button @click=${() => (this.moving = null)}>${msg('Cancel')}</button>
      </div>
    </div>`;
  }

  private open(path: string): void {
    this.folder = path;
    this.moving = null;
  }

  private move(fromPath: string, toPath: string): void {
    this.moving = null;
    sendIntent(this, { type: 'move', fromPath, toPath });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-files': CellarFiles;
  }
}
