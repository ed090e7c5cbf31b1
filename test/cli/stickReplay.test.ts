// `cellar replay` on a whole-stick scenario: what each step cost where, and the overlay's status after it.

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

interface Step {
  name: string;
  ok: boolean;
  costs: { overlay_chunks: number; home_bytes: number; ram_bytes: number; device_bytes: number };
  status: string | null;
  power: string;
}

describe('cellar replay with a stick scenario (the wiki’s 1 GB stick, 2012)', () => {
  it('answers each step with its costs by place and the live-rw status', async () => {
    expect(
      await main(['replay', join(import.meta.dirname, '../fixtures/stick-scenarios/wiki-1gb-2012.json')]),
    ).toBe(0);
    const steps = (JSON.parse(out) as { steps: Step[] }).steps;
    const step = (name: string) => steps.find((s) => s.name === name)!;
    expect(steps.every((s) => s.ok)).toBe(true);
    expect(step('boot').status).toMatch(/^0 \d+ snapshot \d+\/614400 16$/);
    // With home.img, an Activity and the Journal go to home: almost nothing on the overlay.
    expect(step('install Maze').costs.home_bytes).toBeGreaterThan(2_500_000);
    expect(step('install Maze').costs.overlay_chunks).toBeLessThan(20);
    // A photo in / costs the overlay, and deleting it gives nothing back.
    expect(step('a photo in /').costs.overlay_chunks).toBeGreaterThan(730);
    expect(step('delete it').costs.overlay_chunks).toBeGreaterThanOrEqual(0);
    // The quiet writers cost the overlay every day; after a reboot, with the audit log in RAM, far less
    // (NetworkManager's new blocks then come from space the first day freed, already copied).
    const firstDay = step('a day of quiet writing').costs.overlay_chunks;
    const laterDay = step('another quiet day').costs.overlay_chunks;
    expect(firstDay).toBeGreaterThan(500);
    expect(laterDay).toBeLessThan(firstDay);
    expect(step('another quiet day').costs.ram_bytes).toBeGreaterThan(1_000_000);
  });
});

describe('cellar replay with a refresh (a stick of today)', () => {
  it('folds the overlay into a new base: files stay, the overlay starts afresh', async () => {
    expect(
      await main(['replay', join(import.meta.dirname, '../fixtures/stick-scenarios/refresh-today.json')]),
    ).toBe(0);
    const steps = (JSON.parse(out) as { steps: Step[] }).steps;
    const step = (name: string) => steps.find((s) => s.name === name)!;
    expect(steps.every((s) => s.ok)).toBe(true);
    expect(step('an update in /usr').costs.overlay_chunks).toBeGreaterThan(4_800);
    expect(step('shut down').status).toBeNull();
    expect(step('boot again').status).toMatch(/^0 \d+ snapshot (16|24)\/1048576 16$/);
    expect(step('the update is still there').ok).toBe(true);
  });
});
