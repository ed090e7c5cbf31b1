// The plot's four lines: which fields of a sample each draws, and how it is told apart without colour
// (its dash pattern and its label).

import { msg } from '@lit/localize';
import type { UsageSample } from '../../model/stick/usageSample';

export type StoreName = 'overlay' | 'home' | 'ram' | 'device';

export interface PlotSeries {
  store: StoreName;
  label: () => string;
  colour: string;
  /** SVG stroke-dasharray: solid, dashes, dots, dash-dot. */
  dash: string;
  used: (s: UsageSample) => number;
  total: (s: UsageSample) => number;
}

export const SERIES: readonly PlotSeries[] = [
  {
    store: 'overlay',
    label: () => msg('overlay'),
    colour: '#d55e00',
    dash: '',
    used: (s) => s.overlayUsedBytes,
    total: (s) => s.overlayTotalBytes,
  },
  {
    store: 'home',
    label: () => msg('home.img'),
    colour: '#0072b2',
    dash: '8 4',
    used: (s) => s.homeUsedBytes,
    total: (s) => s.homeTotalBytes,
  },
  {
    store: 'ram',
    label: () => msg('RAM'),
    colour: '#009e73',
    dash: '2 4',
    used: (s) => s.ramUsedBytes,
    total: (s) => s.ramTotalBytes,
  },
  {
    store: 'device',
    label: () => msg('stick'),
    colour: '#6a3d9a',
    dash: '10 4 2 4',
    used: (s) => s.deviceUsedBytes,
    total: (s) => s.deviceTotalBytes,
  },
];

/** A sample's use of one store, as a fraction of its size (null when the store does not exist then). */
export function fractionOf(series: PlotSeries, sample: UsageSample): number | null {
  const total = series.total(sample);
  return total > 0 ? series.used(sample) / total : null;
}
