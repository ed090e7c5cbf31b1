// <cellar-usage-plot>: how full each store was over simulated time — the overlay, home.img, RAM and the
// stick itself — as a share of its size, one line per store told apart by dash pattern and an end label
// as well as colour; a legend gives the latest figures in words.

import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { UsageSample } from '../../model/stick/usageSample';
import { formatDuration } from './plotFormat';
import { fractionOf, SERIES, type PlotSeries } from './plotSeries';
import { formatBytes, percentOf } from '../format/sizes';
import { viewText } from '../format/viewText';

const WIDTH = 600;
const HEIGHT = 240;
const LEFT = 44;
/** Room for the end labels at least; more when a language's store names are longer. */
const RIGHT = 120;
/** About one bold 12 px character, to make room for the end labels before drawing them. */
const LABEL_CHAR_PX = 7.5;
const TOP = 12;
const BOTTOM = 30;
const LABEL_GAP = 13;

@customElement('cellar-usage-plot')
@localized()
export class CellarUsagePlot extends LitElement {
  /** Samples in time order (the session's, one after each operation). */
  @property({ attribute: false }) samples: readonly UsageSample[] = [];

  static override styles = [
    viewText,
    css`
      /* A drawing keeps its geometry right to left too: its labels are placed by their left end. */
      svg {
        direction: ltr;
      }
      svg {
        width: 100%;
        max-width: ${WIDTH}px;
        height: auto;
        display: block;
      }
      .axis text {
        font-size: 11px;
        fill: #555;
      }
      .grid line {
        stroke: #ddd;
      }
      .series {
        fill: none;
        stroke-width: 2.5;
        stroke-linejoin: round;
      }
      .end-label {
        font-size: 12px;
        font-weight: bold;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        margin: 4px 0 0;
        padding: 0;
        list-style: none;
      }
      li svg {
        display: inline-block;
        width: 32px;
        vertical-align: middle;
      }
    `,
  ];

  override render() {
    if (this.samples.length === 0) return html`<p>${msg('Nothing measured yet.')}</p>`;
    // Clicks take no simulated time: until the clock moves, the learner's steps are the axis, or every
    // change would stand on one vertical line. Each sample carries its step: a thinned or resumed
    // history keeps its numbers.
    const bySteps = this.samples.at(-1)!.timeMs === this.samples[0]!.timeMs;
    const samples = bySteps ? this.samples.map((s) => ({ ...s, timeMs: s.step })) : this.samples;
    const t0 = samples[0]!.timeMs;
    const span = Math.max(1, samples.at(-1)!.timeMs - t0);
    const drawn = SERIES.filter((series) => samples.some((s) => fractionOf(series, s) !== null));
    const longest = Math.max(0, ...drawn.map((series) => `${series.label()} 100 %`.length));
    const right = Math.min(WIDTH / 2, Math.max(RIGHT, 10 + longest * LABEL_CHAR_PX));
    const x = (timeMs: number) => LEFT + ((timeMs - t0) / span) * (WIDTH - LEFT - right);
    const y = (fraction: number) => TOP + (1 - fraction) * (HEIGHT - TOP - BOTTOM);
    return html`
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="caption">
        <title id="caption">${this.caption(drawn)}</title>
        ${this.axes(samples, x, y, span, WIDTH - right, bySteps)}
        ${drawn.map((series) => this.line(series, samples, x, y))} ${this.endLabels(drawn, samples, x, y)}
      </svg>
      <ul aria-label=${msg('Latest figures')}>
        ${SERIES.map((series) => this.legendItem(series, samples.at(-1)!))}
      </ul>
    `;
  }

  private axes(
    samples: readonly UsageSample[],
    x: (t: number) => number,
    y: (f: number) => number,
    span: number,
    plotRight: number,
    bySteps: boolean,
  ) {
    const t0 = samples[0]!.timeMs;
    const [first, lastLabel, name] = bySteps
      ? [msg('start'), msg(str`step ${t0 + span}`), msg('your steps (no time passed yet)')]
      : [formatDuration(0), formatDuration(span), msg('simulated time')];
    const ticks = [0, 0.25, 0.5, 0.75, 1];
    return svg`
      <g class="grid">${ticks.map((f) => svg`<line x1=${LEFT} x2=${plotRight} y1=${y(f)} y2=${y(f)}></line>`)}</g>
      <g class="axis">
        ${ticks.map((f) => svg`<text x=${LEFT - 6} y=${y(f) + 4} text-anchor="end">${Math.round(f * 100)} %</text>`)}
        <text x=${x(t0)} y=${HEIGHT - 10}>${first}</text>
        <text x=${x(t0 + span)} y=${HEIGHT - 10} text-anchor="end">${lastLabel}</text>
        <text x=${(LEFT + plotRight) / 2} y=${HEIGHT - 10} text-anchor="middle">${name}</text>
      </g>`;
  }

  /** A step line: usage changes when an operation ends and stays until the next one. */
  private line(
    series: PlotSeries,
    samples: readonly UsageSample[],
    x: (t: number) => number,
    y: (f: number) => number,
  ) {
    let d = '';
    let open = false;
    for (const sample of samples) {
      const fraction = fractionOf(series, sample);
      if (fraction === null) {
        open = false;
        continue;
      }
      d += open ? ` H${x(sample.timeMs)} V${y(fraction)}` : ` M${x(sample.timeMs)} ${y(fraction)}`;
      open = true;
    }
    return svg`<path class="series" data-store=${series.store} d=${d.trim()} stroke=${series.colour}
      stroke-dasharray=${series.dash || nothing}></path>`;
  }

  /** Each line's name at its right end, moved apart when two lines end close together. */
  private endLabels(
    drawn: readonly PlotSeries[],
    samples: readonly UsageSample[],
    x: (t: number) => number,
    y: (f: number) => number,
  ) {
    const last = samples.at(-1)!;
    const labels = drawn
      .map((series) => ({ series, fraction: fractionOf(series, last) }))
      .filter((l): l is { series: PlotSeries; fraction: number } => l.fraction !== null)
      .map((l) => ({
        ...l,
        at: y(l.fraction),
        percent: percentOf(l.series.used(last), l.series.total(last)),
      }))
      .sort((a, b) => a.at - b.at);
    for (let i = 1; i < labels.length; i++) {
      labels[i]!.at = Math.max(labels[i]!.at, labels[i - 1]!.at + LABEL_GAP);
    }
    // Then up from the bottom edge, each only as far as the one under it needs: a label far above the
    // crowd at the bottom (the stick at 95 %) stays by its line instead of leaving the top of the plot.
    for (let i = labels.length - 1; i >= 0; i--) {
      const floor = i === labels.length - 1 ? HEIGHT - BOTTOM : labels[i + 1]!.at - LABEL_GAP;
      labels[i]!.at = Math.min(labels[i]!.at, floor);
    }
    return labels.map(
      ({ series, percent, at }) =>
        svg`<text class="end-label" x=${x(last.timeMs) + 6} y=${at + 4} fill=${series.colour}>
          ${series.label()} ${percent} %</text>`,
    );
  }

  private legendItem(series: PlotSeries, last: UsageSample) {
    const total = series.total(last);
    const figures =
      total > 0
        ? msg(str`${formatBytes(series.used(last))} of ${formatBytes(total)}`)
        : msg('none on this stick');
    return html`<li data-store=${series.store}>
      <svg viewBox="0 0 32 10" aria-hidden="true">
        <line
          x1="0"
          x2="32"
          y1="5"
          y2="5"
          stroke=${series.colour}
          stroke-width="2.5"
          stroke-dasharray=${series.dash || nothing}
        ></line>
      </svg>
      ${series.label()}: ${figures}
    </li>`;
  }

  private caption(drawn: readonly PlotSeries[]): string {
    const names = drawn.map((s) => s.label()).join(', ');
    return msg(str`Usage over simulated time, as a share of each store's size: ${names}.`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-usage-plot': CellarUsagePlot;
  }
}
