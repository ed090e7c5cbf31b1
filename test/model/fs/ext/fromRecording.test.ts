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
  it('a_ext4: the commands read from the recording replay exactly as the hand translation', () => {
    const { scenario, unsupported } = scenarioFromRecording(read<LabRecording>('kernel/a_ext4.json'));
    expect(unsupported).toEqual([]);
    // The lab captured 'mounted' at 17.18 s of uptime and 'write_1M' at 18.02 s.
    expect(scenario.steps[2]!.ops[0]).toEqual({ op: 'advance', ms: 840 });
    expect(scenario.steps[0]!.ops).toEqual([]);
    const byHand = runFileScenario(read<FileScenario>('file-scenarios/a_ext4.json'));
    expect(runFileScenario(scenario).map((s) => s.status)).toEqual(byHand.map((s) => s.status));
  });

  // The c_* runs used a_ext4's base, but their own commands never read it: what a_ext4's recording shows of
  // that base (its checksum list, /usr/lib/lib1.so) is the hand translation's; the steps must agree.
  for (const name of ['c_P_16', 'c_N_8']) {
    it(`${name}: the commands read from the recording replay exactly as the hand translation`, () => {
      const { scenario, unsupported } = scenarioFromRecording(read<LabRecording>(`kernel/${name}.json`));
      expect(unsupported).toEqual([]);
      const handWritten = read<FileScenario>(`file-scenarios/${name}.json`);
      const byHand = runFileScenario(handWritten);
      const read_ = runFileScenario({ ...scenario, base: handWritten.base });
      expect(read_.map((s) => s.status)).toEqual(byHand.map((s) => s.status));
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
