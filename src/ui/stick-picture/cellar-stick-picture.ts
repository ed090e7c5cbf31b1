// The stick to scale: its filesystem as one bar cut into squashfs.img, the overlay file, home.img, boot
// files and free space, with how full the overlay and home.img are inside them; the machine's RAM beside
// it with what the RAM folders (and a temporary overlay) hold. A legend gives every part in words and
// numbers, with the same colours and patterns.

import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Session } from '../../model/session/Session';
import type { StickUsage } from '../../model/stick/usageSummary';
import { SessionController } from '../controllers/SessionController';
import { formatBytes, percentOf } from '../format/sizes';
import { storeName } from '../format/storeNames';
import { STORE_COLOURS, storeFill, storePatterns, type PictureStore } from '../format/storeLook';
import { boldTitle, fittedText, fittingFontPx, SMALLEST_LABEL_PX } from './fitText';
import { stickSegments, type SegmentInside, type StickSegment } from './stickSegments';

const BODY = { x: 70, y: 44, width: 700, height: 170 };
/** The empty part of a container, a pale tint of its colour: an empty overlay is not free space. */
const EMPTY_TINTS: Partial<Record<PictureStore, string>> = { overlay: '#fde6cf', home: '#d9e7f8' };
const RAM = { x: 805, y: 60, width: 180, height: 130 };

/** `<cellar-stick-picture>`: reads the session's stick; sends nothing. */
@customElement('cellar-stick-picture')
@localized()
export class CellarStickPicture extends LitElement {
  @property({ attribute: false }) session: Session | null = null;

  constructor() {
    super();
    new SessionController(this, () => this.session);
  }

  static override styles = css`
    /* A drawing keeps its geometry right to left too: its labels are placed by their left end. */
    svg {
      direction: ltr;
    }
    :host {
      display: block;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    ul {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
      gap: 2px 12px;
      font-size: 14px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      width: 22px;
      height: 16px;
      flex: none;
      border: 1px solid #282828;
    }
    b {
      font-weight: 600;
    }
  `;

  override render() {
    const usage = this.session?.stick.usage();
    if (!usage) return html``;
    const segments = stickSegments(usage);
    return html`
      <svg viewBox="0 0 1000 240" role="img" aria-label=${this.summary(usage)}>
        ${storePatterns()} ${this.drawStick(usage, segments)} ${this.drawRam(usage)}
      </svg>
      <ul aria-label=${msg('What takes the space')}>
        ${segments.map((s) => this.legendItem(s))} ${this.ramLegend(usage)}
      </ul>
    `;
  }

  private drawStick(usage: StickUsage, segments: StickSegment[]) {
    const total = usage.device.capacityBytes;
    let x = BODY.x;
    const parts = segments.map((segment) => {
      const width = (segment.bytes / total) * BODY.width;
      const at = x;
      x += width;
      return this.drawSegment(segment, at, width);
    });
    return svg`
      <rect x="10" y=${BODY.y + 45} width=${BODY.x - 8} height=${BODY.height - 90} rx="4"
        fill="#c8c8c8" stroke="#282828" stroke-width="2"></rect>
      <rect x="22" y=${BODY.y + 62} width="16" height="12" fill="#282828"></rect>
      <rect x="22" y=${BODY.y + 96} width="16" height="12" fill="#282828"></rect>
      <rect x=${BODY.x} y=${BODY.y} width=${BODY.width} height=${BODY.height} fill="#ffffff"></rect>
      ${parts}
      <rect x=${BODY.x} y=${BODY.y} width=${BODY.width} height=${BODY.height} rx="10"
        fill="none" stroke="#282828" stroke-width="3"></rect>
      ${boldTitle(BODY.x, 'start', RAM.x - BODY.x - 40, msg(str`The stick: ${formatBytes(total)} (${usage.device.filesystem})`))}`;
  }

  private drawSegment(segment: StickSegment, x: number, width: number) {
    const { y, height } = BODY;
    const name = segmentName(segment.store);
    const namePx = fittingFontPx(name, width - 12, 24, 'normal');
    const label = namePx >= SMALLEST_LABEL_PX ? name : '';
    if (segment.inside === null) {
      return svg`<rect x=${x} y=${y} width=${width} height=${height} fill=${storeFill(segment.store)}
          stroke="#282828" stroke-width="1"></rect>
        ${
          label &&
          svg`<text x=${x + 6} y=${y + 32} font-size=${namePx} fill="#282828" paint-order="stroke"
          stroke="#ffffff" stroke-width="4">${label}</text>`
        }`;
    }
    // A container: its empty part pale, its used part filled from the bottom up, like a glass.
    const { usedBytes, roomBytes } = segment.inside;
    const fraction = roomBytes > 0 ? Math.min(1, usedBytes / roomBytes) : 0;
    const usedHeight = fraction * height;
    return svg`<rect x=${x} y=${y} width=${width} height=${height} fill=${EMPTY_TINTS[segment.store] ?? '#ffffff'}
        stroke=${STORE_COLOURS[segment.store]} stroke-width="3"></rect>
      <rect x=${x} y=${y + height - usedHeight} width=${width} height=${usedHeight}
        fill=${storeFill(segment.store)}></rect>
      <rect x=${x} y=${y} width=${width} height=${height} fill="none" stroke="#282828" stroke-width="1"></rect>
      ${
        label &&
        svg`<text x=${x + 6} y=${y + 32} font-size=${namePx} fill="#282828" paint-order="stroke"
        stroke="#ffffff" stroke-width="4">${label}</text>
        ${fittedText(x + 6, y + 60, width - 12, 22, msg(str`${percentOf(usedBytes, roomBytes)} % used`))}`
      }`;
  }

  private drawRam(usage: StickUsage) {
    const { ram } = usage;
    const inRam = ram.tmpfsUsedBytes + ram.temporaryOverlayBytes;
    const usedWidth = Math.min(1, inRam / ram.ramBytes) * RAM.width;
    const overlayWidth = Math.min(1, ram.temporaryOverlayBytes / ram.ramBytes) * RAM.width;
    const pins = Array.from({ length: 8 }, (_, i) => RAM.x + 12 + i * 21);
    return svg`
      ${boldTitle(RAM.x + RAM.width / 2, 'middle', RAM.width + 30, msg(str`RAM: ${formatBytes(ram.ramBytes)}`))}
      ${pins.map((px) => svg`<rect x=${px} y=${RAM.y + RAM.height} width="8" height="10" fill="#b08a2e"></rect>`)}
      <rect x=${RAM.x} y=${RAM.y} width=${RAM.width} height=${RAM.height} fill="#ffffff"></rect>
      <rect x=${RAM.x} y=${RAM.y} width=${usedWidth} height=${RAM.height} fill=${storeFill('ram')}></rect>
      <rect x=${RAM.x} y=${RAM.y} width=${overlayWidth} height=${RAM.height} fill=${storeFill('overlay')}></rect>
      <rect x=${RAM.x} y=${RAM.y} width=${RAM.width} height=${RAM.height} rx="4" fill="none"
        stroke="#282828" stroke-width="3"></rect>
      ${fittedText(RAM.x + 8, RAM.y + 72, RAM.width - 16, 24, msg(str`${formatBytes(inRam)} in RAM`))}`;
  }

  private legendItem(segment: StickSegment) {
    const { inside } = segment;
    const text =
      inside === null
        ? html`<b>${segmentName(segment.store)}</b>: ${formatBytes(segment.bytes)}`
        : html`<b>${segmentName(segment.store)}</b>: ${this.insideText(inside)}`;
    return html`<li>${swatch(segment.store)}<span>${text}</span></li>`;
  }

  /** "29 MiB used of 55 MiB (52 %)", and the file's own size when its room is smaller (home.img). */
  private insideText({ usedBytes, roomBytes, fileBytes }: SegmentInside) {
    const used = formatBytes(usedBytes);
    const room = formatBytes(roomBytes);
    const percent = percentOf(usedBytes, roomBytes);
    return roomBytes === fileBytes
      ? msg(str`${used} used of ${room} (${percent} %)`)
      : msg(str`${used} used of ${room} (${percent} %), in a ${formatBytes(fileBytes)} file`);
  }

  private ramLegend(usage: StickUsage) {
    const { ram } = usage;
    return html`<li>
      ${swatch('ram')}<span
        ><b>${msg('RAM folders (/tmp…)')}</b>:
        ${msg(str`${formatBytes(ram.tmpfsUsedBytes)}, gone at reboot`)}</span
      >
    </li>`;
  }

  private summary(usage: StickUsage): string {
    const parts = stickSegments(usage).map((s) =>
      s.inside === null
        ? `${segmentName(s.store)} ${formatBytes(s.bytes)}`
        : msg(
            str`${segmentName(s.store)} ${formatBytes(s.bytes)}, ${percentOf(s.inside.usedBytes, s.inside.roomBytes)} % used`,
          ),
    );
    return msg(
      str`The stick, to scale: ${parts.join('; ')}. RAM beside it: ${formatBytes(usage.ram.ramBytes)}.`,
    );
  }
}

function segmentName(store: PictureStore): string {
  switch (store) {
    case 'squashfs':
      return msg('squashfs.img (system)');
    case 'system':
      return msg('boot files');
    case 'overlay':
    case 'home':
    case 'ram':
      return storeName(store);
    case 'free':
      return msg('free space');
    case 'other':
      return msg('swap.img');
  }
}

/** A legend swatch; its pattern comes from the picture's <defs> in the same shadow root. */
function swatch(store: PictureStore) {
  return html`<svg class="swatch" viewBox="0 0 22 16" aria-hidden="true">
    <rect width="22" height="16" fill=${storeFill(store)}></rect>
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-stick-picture': CellarStickPicture;
  }
}
