// The model against the file-level kernel recordings, with issue 3's tolerance (usage within 2 % or 16
// chunks, each step's cost within 25 % or 8 chunks, of the kernel's record or of one of its repeat runs).
// a_ext4 and the c_* runs are within it at every step; a_ext3 and f_liveos_4k are held at least where they
// are now, so that no change makes the model drift further from the kernel.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithKernel, type Recording } from '../../../../src/model/scenario/fidelity';
import { runFileScenario, type FileScenario } from '../../../../src/model/scenario/fileScenario';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

function rowsOf(name: string) {
  const scenario = JSON.parse(
    readFileSync(join(FIXTURES, 'file-scenarios', `${name}.json`), 'utf8'),
  ) as FileScenario;
  const recording = JSON.parse(readFileSync(join(FIXTURES, 'kernel', `${name}.json`), 'utf8')) as Recording;
  return compareWithKernel(recording, runFileScenario(scenario), scenario.overlay.chunk_sectors).filter(
    (row) => row.kernelSectors !== null,
  );
}

describe('fidelity to the kernel recordings', () => {
  for (const name of ['a_ext4', 'c_P_8', 'c_P_16', 'c_P_32', 'c_P_128', 'c_N_8']) {
    it(`${name}: every step within tolerance`, () => {
      const outside = rowsOf(name).filter((row) => !row.ok);
      expect(outside.map((row) => row.name)).toEqual([]);
    });
  }

  // Known gaps (docs/model.md): a_ext3's first four O_TRUNC rewrites, and f_liveos_4k's 'yum update' (the
  // kernel's own runs: 17 or 1041 chunks; the model: about 930, which leaves every later step 2.2 % from
  // the closer run) stay outside. The others are held.
  for (const [name, atLeast] of [
    ['a_ext3', 38],
    ['f_liveos_4k', 47],
  ] as const) {
    it(`${name}: at least ${atLeast} steps within tolerance`, () => {
      expect(rowsOf(name).filter((row) => row.ok).length).toBeGreaterThanOrEqual(atLeast);
    });
  }
});
