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

describe('cellar replay with a 2012 stick formatted ext4 that fills', () => {
  it('takes the stick’s space as the overlay grows, and invalidates the overlay when the stick is full', async () => {
    expect(
      await main([
        'replay',
        join(import.meta.dirname, '../fixtures/stick-scenarios/ext4-stick-fills-2012.json'),
      ]),
    ).toBe(0);
    const steps = (JSON.parse(out) as { steps: (Step & { errors?: string[] })[] }).steps;
    const step = (name: string) => steps.find((s) => s.name === name)!;
    expect(step('audit log to RAM').costs.ram_bytes).toBeGreaterThanOrEqual(100_000);
    expect(step('audit log back')).toMatchObject({ ok: true });
    expect(step('audit log back').costs.ram_bytes).toBe(-step('audit log to RAM').costs.ram_bytes);
    const photo = step('a photo in /');
    expect(photo.costs.device_bytes).toBe(photo.costs.overlay_chunks * 4096);
    expect(step('a backup on the stick').ok).toBe(true);
    // The write itself went to the page cache (dd says nothing); its writeback at the step's sync found
    // the stick full, long before the overlay was.
    expect(step('a video in /').status).toBe('0 131072 snapshot Invalid');
    expect(step('a video in /').costs.device_bytes).toBeLessThan(8_000_000);
    expect(step('reboot')).toMatchObject({ ok: false, power: 'emergency' });
  });
});
