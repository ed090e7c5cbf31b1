// The model against the file-level kernel recordings, with issue 3's tolerance (usage within 2 % or 16
// chunks, each step's cost within 25 % or 8 chunks, of the kernel's record or of one of its repeat runs).
// The c_* and f_liveos_4k runs are within it at every step; the a_* runs are held at least where they are
// now, so that no change makes the model drift further from the kernel.

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
  for (const name of ['c_P_8', 'c_P_16', 'c_P_32', 'c_P_128', 'c_N_8', 'f_liveos_4k']) {
    it(`${name}: every step within tolerance`, () => {
      const outside = rowsOf(name).filter((row) => !row.ok);
      expect(outside.map((row) => row.name)).toEqual([]);
    });
  }

  // Known gaps (see docs/model.md): from its second O_TRUNC rewrite on, a_ext4 reused freed, copied blocks
  // where the kernel took fresh ones; a_ext3's new 4 MiB file after the delete reused more freed blocks on
  // the model than on the kernel.
  for (const [name, atLeast] of [
    ['a_ext4', 27],
    ['a_ext3', 6],
  ] as const) {
    it(`${name}: at least ${atLeast} steps within tolerance`, () => {
      expect(rowsOf(name).filter((row) => row.ok).length).toBeGreaterThanOrEqual(atLeast);
    });
  }
});
