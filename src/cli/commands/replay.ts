// `cellar replay [--exceptions] SCENARIO.json`: replays a block-level scenario on the model and prints the
// `cellar-replay/v1` answer, one step per line.

import { readFile } from 'node:fs/promises';
import { replayScenario, type Replay } from '../../model/scenario/replay';
import { ScenarioError, validateScenario } from '../../model/scenario/scenario';
import { inputError } from '../CliError';
import { describeFileError } from '../fileSource';

export async function replayCommand(path: string, withTable: boolean): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw inputError(describeFileError(path, error));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw inputError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return formatReplay(await replayScenario(validateScenario(doc), withTable));
  } catch (error) {
    if (error instanceof ScenarioError) throw inputError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Pretty enough to read and diff: the envelope indented, each step on a line of its own. */
function formatReplay(replay: Replay): string {
  const steps = replay.steps.map((step) => `  ${JSON.stringify(step)}`).join(',\n');
  return `{\n "schema": ${JSON.stringify(replay.schema)},\n "name": ${JSON.stringify(replay.name)},\n "steps": [\n${steps}\n ]\n}`;
}
