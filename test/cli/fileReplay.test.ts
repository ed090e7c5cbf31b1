// `cellar replay` on file-level scenarios: the status after every step, and plain refusals of bad documents.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';

const SCENARIOS = join(import.meta.dirname, '../fixtures/file-scenarios');

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

/** Writes a small file-level scenario (a 64 MiB ext4 root) with these steps; returns its path. */
function smallScenario(name: string, store: string, steps: { name: string; ops: object[] }[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cellar-file-')), `${name}.json`);
  const scenario = {
    schema: 'cellar-scenario/v1',
    kind: 'file',
    name,
    base: {
      fs: 'ext4',
      size_bytes: 67108864,
      mkfs: 'mkfs.ext4 -F root.img',
      tree: { files: 1, bytes: 4096 },
    },
    overlay: { cow_sectors: 65536, store, chunk_sectors: 8 },
    steps,
  };
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

describe('cellar replay with a file-level scenario', () => {
  it('prints every step with its name and the status line after it', async () => {
    expect(await main(['replay', join(SCENARIOS, 'c_P_8.json')])).toBe(0);
    const replay = JSON.parse(out) as {
      schema: string;
      steps: { name: string; ok: boolean; status: string | null }[];
    };
    expect(replay.schema).toBe('cellar-replay/v1');
    expect(replay.steps.map((s) => s.name).slice(0, 3)).toEqual(['created', 'mounted', 'write_1M']);
    expect(replay.steps[1]!.status).toBe('0 262144 snapshot 24/131072 16');
    expect(replay.steps.find((s) => s.name === 'removed')!.status).toBeNull();
  });

  it('refuses an unknown operation, naming the step', async () => {
    const path = smallScenario('bad', 'P', [
      { name: 'mounted', ops: [{ op: 'mount' }] },
      { name: 'oops', ops: [{ op: 'format' }] },
    ]);
    expect(await main(['replay', path])).toBe(1);
    expect(err).toBe(`cellar: ${path}: step 1 (oops): unknown op "format"\n`);
  });

  it('a command that fails (deleting a missing file) marks its step, and the replay goes on', async () => {
    const path = smallScenario('missing', 'PO', [
      { name: 'mounted', ops: [{ op: 'mount' }] },
      { name: 'rm', ops: [{ op: 'rm', path: '/nothing-here' }] },
      { name: 'write', ops: [{ op: 'write', path: '/f', bytes: 4096 }] },
    ]);
    expect(await main(['replay', path])).toBe(0);
    const steps = (JSON.parse(out) as { steps: { ok: boolean; error?: string }[] }).steps;
    expect(steps.map((s) => s.ok)).toEqual([true, false, true]);
    expect(steps[1]!.error).toBe('/nothing-here: no such file or directory');
  });

  it('runs a log kept open and closed, and refuses a "keepOpen" that is not true or false', async () => {
    const log = (keepOpen: unknown) => [
      { name: 'mounted', ops: [{ op: 'mount' }] },
      { name: 'log', ops: [{ op: 'write', path: '/log', bytes: 10240, how: 'append', keepOpen }] },
      { name: 'closed', ops: [{ op: 'close', path: '/log' }] },
      { name: 'closed again', ops: [{ op: 'close', path: '/log' }] },
    ];
    expect(await main(['replay', smallScenario('open', 'PO', log(true))])).toBe(0);
    const steps = (JSON.parse(out) as { steps: { ok: boolean; error?: string }[] }).steps;
    expect(steps.map((s) => s.ok)).toEqual([true, true, true, false]);
    expect(steps[3]!.error).toBe('/log is not kept open');
    const path = smallScenario('bad-open', 'PO', log('yes'));
    expect(await main(['replay', path])).toBe(1);
    expect(err).toBe(`cellar: ${path}: step 1 (log): "keepOpen" is true or false\n`);
  });
});
