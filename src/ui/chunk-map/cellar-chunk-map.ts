// <cellar-chunk-map>: the overlay's COW file chunk by chunk, on a canvas — the header, the metadata areas
// (hollow squares) and the data chunks coloured and patterned by the owner the ledger charged them to —
// with a legend, a readout for the chunk under the pointer or the keyboard cursor, and a step-by-step or
// slow replay of the last operation's copies ("origin chunk 1234 → COW chunk 57"). It draws the simulated
// stick's ledger, or a real overlay file read by readOverlay (one owner, no replay), through ChunkMapSource.

import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { OverlayInfo } from '../../model/dm/overlayFile';
import type { OverlayLedger } from '../../model/stick/overlayLedger';
import { cellOfChunk, chunkGrid, type ChunkGrid } from './chunkGrid';
import { cellChunks, AREA_CELL, FREE_CELL, HEADER_CELL } from './chunkCells';
import { ledgerSource, type ChunkMapSource } from './chunkMapSource';
import { ChunkPainter, STRUCTURE_STYLES } from './chunkPainter';
import { cellText, stateText, stepText, summaryText } from './chunkTexts';
import type { CowLayout } from './cowLayout';
import { overlayInfoSource } from './overlayInfoSource';
import { ownerLabel } from './ownerLabels';
import { cssPattern, ownerStyles } from './ownerStyles';
import { viewText } from '../format/viewText';

export interface ChunkFocusDetail {
  cowChunk: number;
}

export interface ReplayStepDetail {
  step: number;
  steps: number;
  originChunk: number;
  cowChunk: number;
}

const DEFAULT_WIDTH_PX = 480;

@customElement('cellar-chunk-map')
@localized()
export class CellarChunkMap extends LitElement {
  /** The ledger of the simulated stick to draw (OverlayLedger.follow). */
  @property({ attribute: false }) ledger: OverlayLedger | null = null;
  /** Or a real overlay file, as readOverlayFile read it (`reading.overlay`); the ledger wins if both are set. */
  @property({ attribute: false }) overlay: OverlayInfo | null = null;
  /** The tallest the canvas may grow, in CSS pixels: past it, several chunks share a cell. */
  @property({ type: Number, attribute: 'max-height' }) maxHeight = 240;
  /** Time between two copies of the slow replay. */
  @property({ type: Number, attribute: 'replay-interval' }) replayIntervalMs = 600;

  @state() private layout: CowLayout | null = null;
  @state() private readout = '';
  @state() private cursorCell = -1;
  @state() private replayStep = -1;
  @state() private playing = false;
  @state() private widthPx = DEFAULT_WIDTH_PX;

  @query('canvas') private canvas!: HTMLCanvasElement;

  private source: ChunkMapSource | null = null;
  private grid: ChunkGrid | null = null;
  private painter: ChunkPainter | null = null;
  private unsubscribe: (() => void) | null = null;
  private timer = 0;
  private resizeObserver: ResizeObserver | null = null;

  static override styles = [
    viewText,
    css`
      .frame {
        position: relative;
        display: inline-block;
        line-height: 0;
      }
      canvas {
        display: block;
        outline: none;
      }
      canvas:focus-visible {
        box-shadow: 0 0 0 3px #0072b2;
      }
      .mark {
        position: absolute;
        pointer-events: none;
        box-sizing: border-box;
        border: 2px solid #000;
        box-shadow: 0 0 0 2px #fff;
      }
      .mark.replay {
        border-style: dashed;
        border-color: #d00000;
      }
      p {
        margin: 4px 0;
      }
      .state {
        padding: 4px 8px;
        border-inline-start: 4px solid #d00000;
        background: #fff0f0;
      }
      .readout {
        min-height: 1.4em;
        font-family: 'DejaVu Sans Mono', monospace;
        font-size: 13px;
      }
      .replay {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      button {
        font: inherit;
        padding: 2px 10px;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        padding: 0;
        margin: 6px 0 0;
        list-style: none;
      }
      li {
        display: flex;
        align-items: center;
        gap: 5px;
      }
      .swatch {
        width: 14px;
        height: 14px;
        box-sizing: border-box;
        border: 1px solid #555;
        flex: none;
      }
      .swatch.area {
        border: 2px solid #1a1a1a;
        background: #fff;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      // A frame later: redrawing within the observer's callback would resize the host again in this frame.
      if (width > 0 && width !== this.widthPx) requestAnimationFrame(() => (this.widthPx = width));
    });
    this.resizeObserver.observe(this);
    if (this.source) this.follow(this.source);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.forget();
  }

  /** Whether cells are still waiting to be drawn (the map draws over several frames after a big write). */
  get drawing(): boolean {
    return this.painter?.busy ?? false;
  }

  /** Advances the replay of the last operation by one copy (what the Step button does). */
  step(): void {
    const entries = this.source?.entries;
    const copies = entries?.lastCopies;
    if (!entries || !copies || copies.to === copies.from) return;
    const steps = copies.to - copies.from;
    this.replayStep = (this.replayStep + 1) % steps;
    const entry = entries.entry(copies.from + this.replayStep);
    this.readout = stepText(entries, this.replayStep, steps);
    this.dispatchEvent(
      new CustomEvent<ReplayStepDetail>('cellar-replay-step', {
        detail: { step: this.replayStep, steps, originChunk: entry.originChunk, cowChunk: entry.cowChunk },
        bubbles: true,
        composed: true,
      }),
    );
    if (this.playing && this.replayStep === steps - 1) this.stopReplay();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ledger') || changed.has('overlay')) {
      this.forget();
      this.source = this.ledger
        ? ledgerSource(this.ledger)
        : this.overlay
          ? overlayInfoSource(this.overlay)
          : null;
      // Another source: another picture, drawn afresh.
      this.grid = null;
      this.layout = null;
      if (this.source && this.isConnected) this.follow(this.source);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('layout') || changed.has('widthPx') || changed.has('maxHeight')) this.relayout();
  }

  private follow(source: ChunkMapSource): void {
    const refresh = () => (this.layout = source.layout());
    this.unsubscribe?.();
    this.unsubscribe = source.watch(({ reset, fromIndex }) => this.entriesChanged(reset, fromIndex), refresh);
    refresh();
  }

  private forget(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.painter?.stop();
    this.painter = null;
    this.stopReplay();
  }

  private entriesChanged(reset: boolean, fromIndex: number): void {
    this.replayStep = -1;
    this.stopReplay();
    const entries = this.source?.entries;
    if (!this.painter || !this.grid || !entries) return;
    if (reset) {
      this.painter.markDirty(0, this.grid.cells);
      return;
    }
    // From the chunk before the first new one: a metadata area started just before it must be drawn too.
    const firstChunk = Math.max(0, entries.cowChunkAt(fromIndex) - 1);
    const lastChunk = entries.cowChunkAt(entries.count - 1);
    this.painter.markDirty(cellOfChunk(this.grid, firstChunk), cellOfChunk(this.grid, lastChunk) + 1);
    this.requestUpdate();
  }

  private relayout(): void {
    if (!this.layout || !this.source || !this.canvas || this.layout.totalChunks === 0) return;
    const grid = chunkGrid(this.layout.totalChunks, this.widthPx, this.maxHeight);
    const before = this.grid;
    this.grid = grid;
    if (!this.painter) {
      this.painter = new ChunkPainter(this.canvas, this.source.entries, grid, this.layout);
    } else if (
      !before ||
      before.cells !== grid.cells ||
      before.columns !== grid.columns ||
      before.cellPx !== grid.cellPx ||
      this.painter.layoutEpa !== this.layout.epa
    ) {
      this.painter.reset(grid, this.layout);
    } else {
      // Same cells: new areas and states are drawn with the chunks that caused them (entriesChanged).
      this.painter.setLayout(this.layout);
    }
  }

  override render() {
    const source = this.source;
    const layout = this.layout;
    if (!source || !layout || layout.kind === 'none' || layout.totalChunks === 0) {
      return html`<p>${msg('This stick has no overlay to show.')}</p>`;
    }
    const problem = stateText(layout);
    return html`
      <p id="summary">${summaryText(layout, source.entries.count, this.grid?.chunksPerCell ?? 1)}</p>
      ${problem ? html`<p class="state" role="status">${problem}</p>` : nothing}
      <div class="frame">
        <canvas
          tabindex="0"
          aria-label=${msg('The COW file, chunk by chunk. Arrow keys move from cell to cell.')}
          aria-describedby="summary readout"
          @keydown=${this.onKey}
          @focus=${this.onFocus}
          @mousemove=${this.onPointer}
          @mouseleave=${() => (this.cursorCell = -1)}
        ></canvas>
        ${this.mark(this.cursorCell, '')} ${this.mark(this.replayCell(), 'replay')}
      </div>
      <p class="readout" id="readout" aria-live="polite">${this.readout}</p>
      ${source.replayable ? this.replayControls() : nothing} ${this.legend()}
    `;
  }

  private replayControls() {
    const copies = this.source!.entries.lastCopies;
    const steps = copies ? copies.to - copies.from : 0;
    const what = copies
      ? msg(
          str`Last operation: ${copies.name}${copies.path === '/' ? '' : ` ${copies.path}`}, ${steps} chunks copied.`,
        )
      : msg('No operation has copied a chunk yet.');
    return html`<div class="replay">
      <button ?disabled=${steps === 0} @click=${() => this.step()}>${msg('Step')}</button>
      <button
        ?disabled=${steps === 0}
        aria-pressed=${this.playing ? 'true' : 'false'}
        @click=${this.toggleReplay}
      >
        ${this.playing ? msg('Stop') : msg('Replay slowly')}
      </button>
      <span>${what}</span>
    </div>`;
  }

  private legend() {
    const entries = this.source!.entries;
    const styles = ownerStyles(entries.owners);
    const spenders = entries.spenders();
    const swatch = (background: string) =>
      html`<span class="swatch" style="background:${background}"></span>`;
    const structure = (key: number) => cssPattern(STRUCTURE_STYLES[key]!);
    return html`<ul aria-label=${msg('Legend')}>
      ${
        this.layout!.epa !== null
          ? html`<li>${swatch(structure(HEADER_CELL))}${msg('header')}</li>
              <li><span class="swatch area" data-key=${AREA_CELL}></span>${msg('metadata area')}</li>`
          : nothing
      }
      <li>${swatch(structure(FREE_CELL))}${msg('free')}</li>
      ${spenders.map(
        ({ owner, chunks }) =>
          html`<li>
            ${swatch(cssPattern(styles[entries.owners.indexOf(owner)]!))}${ownerLabel(owner)} (${chunks})
          </li>`,
      )}
    </ul>`;
  }

  private mark(cell: number, kind: string) {
    const grid = this.grid;
    if (cell < 0 || !grid) return nothing;
    const size = grid.cellPx;
    const pad = 2;
    const x = (cell % grid.columns) * size - pad;
    const y = Math.floor(cell / grid.columns) * size - pad;
    return html`<div
      class="mark ${kind}"
      style="left:${x}px;top:${y}px;width:${size + 2 * pad}px;height:${size + 2 * pad}px"
    ></div>`;
  }

  private replayCell(): number {
    const entries = this.source?.entries;
    const copies = entries?.lastCopies;
    if (!entries || !copies || this.replayStep < 0 || !this.grid) return -1;
    return cellOfChunk(this.grid, entries.cowChunkAt(copies.from + this.replayStep));
  }

  private toggleReplay(): void {
    if (this.playing) {
      this.stopReplay();
      return;
    }
    this.playing = true;
    this.replayStep = -1;
    this.step();
    this.timer = window.setInterval(() => this.step(), this.replayIntervalMs);
  }

  private stopReplay(): void {
    if (this.timer) window.clearInterval(this.timer);
    this.timer = 0;
    this.playing = false;
  }

  private onFocus(): void {
    if (this.cursorCell < 0) this.moveCursor(0);
  }

  private onPointer(event: MouseEvent): void {
    const grid = this.grid;
    if (!grid) return;
    const column = Math.floor(event.offsetX / grid.cellPx);
    const row = Math.floor(event.offsetY / grid.cellPx);
    if (column < grid.columns) this.moveCursor(row * grid.columns + column);
  }

  private onKey(event: KeyboardEvent): void {
    const grid = this.grid;
    if (!grid) return;
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: grid.columns,
      ArrowUp: -grid.columns,
      PageDown: grid.columns * 8,
      PageUp: -grid.columns * 8,
      Home: -grid.cells,
      End: grid.cells,
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    this.moveCursor(Math.max(0, this.cursorCell) + move);
  }

  private moveCursor(cell: number): void {
    if (!this.grid || !this.layout || !this.source) return;
    this.cursorCell = Math.min(this.grid.cells - 1, Math.max(0, cell));
    const [first, end] = cellChunks(this.grid, this.layout, this.cursorCell);
    this.readout = cellText(this.layout, this.source.entries, first, end);
    this.dispatchEvent(
      new CustomEvent<ChunkFocusDetail>('cellar-chunk-focus', {
        detail: { cowChunk: first },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-chunk-map': CellarChunkMap;
  }
}
