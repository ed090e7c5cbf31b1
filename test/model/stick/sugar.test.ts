// Sugar on the stick: Activities and the Journal land in home.img when there is one and on the overlay
// otherwise; on a stick built from the kernel lab's LiveOS root they cost what the kernel measured.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BaseImageSpec } from '../../../src/model/fs/baseImage';
import {
  ACTIVITIES_DIR,
  DATASTORE_DIR,
  journalUid,
  TYPICAL_ACTIVITY,
} from '../../../src/model/stick/sugarActivities';
import { loadGolden } from '../../helpers/golden';
import { bootedStick, MIB } from './makeStick';

describe('installing an Activity', () => {
  it('goes to home.img when the stick has one: no overlay chunk', () => {
    const stick = bootedStick();
    const installed = stick.installActivity('Maze');
    expect(installed.ok).toBe(true);
    expect(installed.costs.overlayChunks).toBe(0);
    expect(installed.costs.homeBytes).toBeGreaterThan(2 * MIB);
    expect(stick.stat(`${ACTIVITIES_DIR}/Maze.activity`)).toMatchObject({ ok: true, value: { kind: 'dir' } });
  });

  it('goes to the overlay without home.img: about a chunk per 4 KiB it holds', () => {
    const stick = bootedStick({ homeMib: null });
    const installed = stick.installActivity('Maze.activity');
    expect(installed.ok).toBe(true);
    expect(installed.costs.homeBytes).toBe(0);
    expect(installed.costs.overlayChunks).toBeGreaterThan(TYPICAL_ACTIVITY.sizeBytes / 4096);
  });

  it('writes the files Sugar would: 150 by default', () => {
    const stick = bootedStick({ homeMib: null });
    stick.installActivity('Maze', { files: 20, sizeBytes: 200 * 1024, folders: 2 });
    const root = stick.whereIs(`${ACTIVITIES_DIR}/Maze.activity`);
    expect(root).toMatchObject({ ok: true, store: 'overlay' });
    expect(stick.stat(`${ACTIVITIES_DIR}/Maze.activity/part1`)).toMatchObject({
      ok: true,
      value: { kind: 'dir' },
    });
  });

  it('replaces an installed version when it is installed again', () => {
    const stick = bootedStick();
    stick.installActivity('Maze');
    const used = stick.usage().home!.usedBytes;
    expect(stick.installActivity('Maze').ok).toBe(true);
    expect(Math.abs(stick.usage().home!.usedBytes - used)).toBeLessThan(1 * MIB);
  });

  it('answers ENOSPC part-way when home.img fills, with what it cost so far', () => {
    const stick = bootedStick({ homeMib: 4 });
    const installed = stick.installActivity('Big', { sizeBytes: 8 * MIB });
    expect(installed).toMatchObject({ ok: false, error: 'ENOSPC' });
    expect(installed.costs.homeBytes).toBeGreaterThan(0);
    expect(installed.costs.overlayChunks).toBe(0);
  });

  it('refuses a name that cannot be a folder', () => {
    const stick = bootedStick();
    expect(stick.installActivity('a/b')).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(stick.installActivity('')).toMatchObject({ ok: false, error: 'EINVAL' });
  });
});

describe('removing an Activity', () => {
  it('frees home.img space, but costs the overlay without home.img (it never frees)', () => {
    const withHome = bootedStick();
    withHome.installActivity('Maze');
    expect(withHome.removeActivity('Maze').costs.homeBytes).toBeLessThan(-2 * MIB);
    const withoutHome = bootedStick({ homeMib: null });
    withoutHome.installActivity('Maze');
    const removed = withoutHome.removeActivity('Maze');
    expect(removed.ok).toBe(true);
    expect(removed.costs.overlayChunks).toBeGreaterThan(0);
  });

  it('refuses the built-in Activities (EPERM) and unknown ones (ENOENT)', () => {
    const stick = bootedStick();
    expect(stick.removeActivity('Read')).toMatchObject({ ok: false, error: 'EPERM' });
    expect(stick.removeActivity('Nothing')).toMatchObject({ ok: false, error: 'ENOENT' });
  });
});

describe('saving a Journal entry', () => {
  it('makes <2 hex>/<uid>/ with data and eight metadata files, in home.img when there is one', () => {
    const stick = bootedStick();
    const saved = stick.saveJournalEntry({ dataBytes: 51_200, title: 'My drawing' });
    expect(saved.ok).toBe(true);
    expect(saved.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    const folder = `${DATASTORE_DIR}/${saved.uid.slice(0, 2)}/${saved.uid}`;
    expect(stick.stat(`${folder}/data`)).toEqual({ ok: true, value: { kind: 'file', sizeBytes: 51_200 } });
    expect(stick.stat(`${folder}/metadata/title`)).toEqual({
      ok: true,
      value: { kind: 'file', sizeBytes: 10 },
    });
    for (const name of ['mime_type', 'activity', 'activity_id', 'timestamp', 'mtime', 'keep', 'uid']) {
      expect(stick.stat(`${folder}/metadata/${name}`).ok).toBe(true);
    }
    expect(saved.costs.overlayChunks).toBe(0);
    expect(saved.costs.homeBytes).toBeGreaterThan(0);
  });

  it('costs the overlay without home.img', () => {
    const stick = bootedStick({ homeMib: null });
    const saved = stick.saveJournalEntry();
    expect(saved.costs.homeBytes).toBe(0);
    expect(saved.costs.overlayChunks).toBeGreaterThan(12);
  });

  it('gives every entry its own uid, the same on every run', () => {
    expect(journalUid(1)).not.toBe(journalUid(2));
    expect(journalUid(7)).toBe(journalUid(7));
  });
});

describe("on a stick built from the kernel lab's LiveOS root (f_liveos_4k)", () => {
  const scenario = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/file-scenarios/f_liveos_4k.json'), 'utf8'),
  ) as { base: BaseImageSpec };
  const golden = loadGolden('f_liveos_4k');
  const kernelCost = (name: string) => {
    const index = golden.steps.findIndex((s) => s.name === name);
    return golden.steps[index]!.chunks_allocated! - golden.steps[index - 1]!.chunks_allocated!;
  };
  /** The tolerance for one step's own cost: 25 % or 8 chunks. */
  const within = (model: number, kernel: number) =>
    expect(Math.abs(model - kernel)).toBeLessThanOrEqual(Math.max(8, 0.25 * kernel));

  it('installing Maze costs what the kernel measured for copying it in', () => {
    const stick = bootedStick({ era: 'fedora-today', homeMib: null, overlayMib: 64, base: scenario.base });
    within(stick.installActivity('Maze').costs.overlayChunks, kernelCost('install_activity'));
    within(stick.saveJournalEntry().costs.overlayChunks, kernelCost('journal_entry_2'));
    within(stick.saveJournalEntry().costs.overlayChunks, kernelCost('journal_entry_3'));
  });
});
