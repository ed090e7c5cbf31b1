// Scenarios read straight from the kernel lab's recorded shell commands agree with the hand-written ones,
// and commands that cannot be read are listed, not guessed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFileScenario, type FileScenario } from '../../../../src/model/scenario/fileScenario';
import { scenarioFromRecording, type LabRecording } from '../../../../src/model/scenario/fromRecording';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');
const read = <T>(path: string) => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as T;

describe('scenarios from recordings', () => {
  for (const name of ['a_ext4', 'c_P_16', 'c_N_8']) {
    it(`${name}: the commands read from the recording replay exactly as the hand translation`, () => {
      const { scenario, unsupported } = scenarioFromRecording(read<LabRecording>(`kernel/${name}.json`));
      expect(unsupported).toEqual([]);
      const byHand = runFileScenario(read<FileScenario>(`file-scenarios/${name}.json`));
      expect(runFileScenario(scenario).map((s) => s.status)).toEqual(byHand.map((s) => s.status));
    });
  }

  it('lists the commands it cannot read (shell pipelines, cp -a from an unknown tree)', () => {
    const { unsupported } = scenarioFromRecording(read<LabRecording>('kernel/f_liveos_4k.json'));
    expect(unsupported[0]).toBe(
      'install_activity: cp -a /lab/src/Maze.activity /mnt/s/home/liveuser/Activities/',
    );
    expect(unsupported.length).toBeGreaterThan(10);
  });
});
