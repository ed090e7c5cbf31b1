// The usage plot's history: bounded by thinning (never renumbered), and continued from a saved one.

import { describe, expect, it } from 'vitest';
import { MAX_USAGE_SAMPLES, resumedHistory, withSample } from '../../../src/model/session/usageHistory';
import type { UsageSample } from '../../../src/model/stick/usageSample';
import { bootedStick, MIB } from '../stick/makeStick';

function grown(count: number): UsageSample[] {
  const stick = bootedStick();
  let history: UsageSample[] = [];
  for (let i = 0; i < count; i++) history = withSample(history, stick.usage(), i * 1000);
  return history;
}

describe('withSample', () => {
  it('numbers the samples on from the last one', () => {
    expect(grown(3).map((s) => s.step)).toEqual([0, 1, 2]);
  });

  it('past the cap drops every other sample, keeping the first, the newest and their own steps', () => {
    const history = grown(MAX_USAGE_SAMPLES + 1);
    expect(history.length).toBeLessThanOrEqual(MAX_USAGE_SAMPLES);
    expect(history[0]!.step).toBe(0);
    expect(history.at(-1)!.step).toBe(MAX_USAGE_SAMPLES);
    expect(history.at(-1)!.timeMs).toBe(MAX_USAGE_SAMPLES * 1000);
    expect(history[1]!.step).toBe(2);
  });

  it('stays bounded however long the session runs', () => {
    expect(grown(5 * MAX_USAGE_SAMPLES).length).toBeLessThanOrEqual(MAX_USAGE_SAMPLES);
  });
});

describe('resumedHistory', () => {
  it('continues a saved history without repeating its last sample', () => {
    const stick = bootedStick();
    const saved = JSON.parse(JSON.stringify(withSample([], stick.usage(), stick.clockMs)));
    expect(resumedHistory(saved, stick.usage(), stick.clockMs)).toEqual(saved);
  });

  it('adds the usage now when it differs from the last saved sample', () => {
    const stick = bootedStick();
    const saved = withSample([], stick.usage(), stick.clockMs);
    stick.writeFile('/root/a.bin', 1 * MIB);
    const history = resumedHistory(saved, stick.usage(), stick.clockMs);
    expect(history.map((s) => s.step)).toEqual([0, 1]);
    expect(history[1]!.overlayUsedBytes).toBeGreaterThan(history[0]!.overlayUsedBytes);
  });

  it('starts afresh from a damaged history, or one ahead of the stick’s clock', () => {
    const stick = bootedStick();
    const good = withSample([], stick.usage(), stick.clockMs);
    const damaged = [{ ...good[0], overlayUsedBytes: 'lots' }];
    const ahead = [{ ...good[0], timeMs: stick.clockMs + 1 }];
    const unordered = [good[0], good[0]];
    for (const saved of [damaged, ahead, unordered, 'text', { 0: good[0] }]) {
      expect(resumedHistory(saved, stick.usage(), stick.clockMs)).toEqual(good);
    }
  });
});
