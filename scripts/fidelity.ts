// `npm run fidelity`: the file-level kernel recordings against the model. For each recording and step: the
// kernel's allocated sectors (or the closest of its repeat runs), the model's, and the error; each step's own
// cost (new chunks) too. Tolerance (issue 3): usage within 2 % or 16 chunks, a step's cost within 25 % or
// 8 chunks. Steps outside it are listed; the last line sums it up. Arguments: recording names from
// test/fixtures/kernel, or paths to other kernel-golden/v1 recordings (read from their own commands).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFileScenario, type FileScenario } from '../src/model/scenario/fileScenario';
import { compareWithKernel, type Recording } from '../src/model/scenario/fidelity';
import { scenarioFromRecording, type LabRecording } from '../src/model/scenario/fromRecording';

const ROOT = join(import.meta.dirname, '..');
const NAMES =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['a_ext4', 'a_ext3', 'c_P_8', 'c_P_16', 'c_P_32', 'c_P_128', 'c_N_8', 'f_liveos_4k'];

/** The hand-written scenario for a recording of this project's fixtures, if there is one. */
function handTranslation(name: string): FileScenario | null {
  const path = join(ROOT, 'test/fixtures/file-scenarios', `${name}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FileScenario) : null;
}

/** Any other recording is read from its own commands; one with commands that cannot be read is skipped. */
function fromRecording(recording: LabRecording): FileScenario | null {
  const { scenario, unsupported } = scenarioFromRecording(recording);
  if (unsupported.length === 0) return scenario;
  console.log(`\n${recording.scenario}: skipped, commands not understood:\n  ${unsupported.join('\n  ')}`);
  return null;
}

let worst = 0;
let within = 0;
let total = 0;
const outside: string[] = [];
for (const name of NAMES) {
  const recordingPath = name.endsWith('.json') ? name : join(ROOT, 'test/fixtures/kernel', `${name}.json`);
  const recording = JSON.parse(readFileSync(recordingPath, 'utf8')) as Recording & LabRecording;
  const scenario = handTranslation(name) ?? fromRecording(recording);
  if (!scenario) continue;
  const rows = compareWithKernel(recording, runFileScenario(scenario), scenario.overlay.chunk_sectors);
  console.log(`\n${recording.scenario ?? name}`);
  console.log('  step                      kernel   model  error   cost k/m   ok');
  for (const row of rows) {
    if (row.kernelSectors === null) continue;
    total++;
    if (row.ok) within++;
    else outside.push(`${name} ${row.name}`);
    worst = Math.max(worst, row.errorPercent);
    console.log(
      `  ${row.name.padEnd(24)} ${String(row.kernelSectors).padStart(7)} ${String(row.modelSectors).padStart(7)} ${row.errorPercent.toFixed(1).padStart(5)}% ${String(row.kernelCostChunks).padStart(5)}/${String(row.modelCostChunks).padEnd(5)} ${row.ok ? 'yes' : 'NO'}`,
    );
  }
}
if (outside.length > 0) console.log(`\noutside the tolerance:\n  ${outside.join('\n  ')}`);
console.log(`fidelity: worst error ${worst.toFixed(1)}% (${within} of ${total} steps within tolerance)`);
