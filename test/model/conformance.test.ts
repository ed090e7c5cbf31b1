// Every block-level scenario recorded on the real kernel replays to the kernel's answers, step by step.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/model/scenario/scenario';
import { replayScenario } from '../../src/model/scenario/replay';

const dir = join(import.meta.dirname, '../fixtures/kernel/conformance');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.scenario.json'))
  .map((f) => f.replace('.scenario.json', ''));

interface ExpectedStep {
  ok: boolean;
  status: string | null;
  header_hex16?: string;
  exceptions: number | null;
  table?: [number, number][];
  deterministic: boolean;
  other_runs?: Record<string, unknown>[];
}

function judged(step: ExpectedStep | Record<string, unknown>) {
  const { ok, status, header_hex16, exceptions, table } = step as ExpectedStep;
  return { ok, status, header_hex16, exceptions, table };
}

describe('kernel conformance set', () => {
  it('has the twenty recorded scenarios', () => {
    expect(names.length).toBe(20);
  });

  for (const name of names) {
    it(`${name} replays to the kernel's status, ok, header, exceptions and table on every step`, async () => {
      const scenario = validateScenario(JSON.parse(readFileSync(join(dir, `${name}.scenario.json`), 'utf8')));
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as {
        steps: ExpectedStep[];
      };
      const replay = await replayScenario(scenario, true);
      expect(replay.steps).toHaveLength(expected.steps.length);
      for (const [i, step] of replay.steps.entries()) {
        const want = expected.steps[i]!;
        const got = judged(step as unknown as Record<string, unknown>);
        const answers = [judged(want), ...(want.other_runs ?? []).map((r) => judged({ ...want, ...r }))];
        if (!answers.some((a) => JSON.stringify(a) === JSON.stringify(got))) {
          expect(got, `${name} step ${i} (${scenario.steps[i]!.op})`).toEqual(answers[0]);
        }
      }
    });
  }
});
