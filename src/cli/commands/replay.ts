// `cellar replay [--exceptions] SCENARIO.json`: replays a block-level scenario on the model and prints the
// `cellar-replay/v1` answer, one step per line.

import { readFile } from 'node:fs/promises';
import { ModelError } from '../../model/errors';
import { runFileScenario, type FileScenario } from '../../model/scenario/fileScenario';
import { REPLAY_SCHEMA, replayScenario, type Replay } from '../../model/scenario/replay';
import { runStickScenario } from '../../model/scenario/stickScenario';
import { validateFileScenario, type Json } from '../../model/scenario/validateFileScenario';
import { validateStickScenario } from '../../model/scenario/validateStickScenario';
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
    const kind = kindOf(doc);
    if (kind !== undefined && kind !== 'file' && kind !== 'stick') {
      throw new ScenarioError(
        `"kind" is "file" or "stick", or absent for a block-level scenario (found ${JSON.stringify(kind)})`,
      );
    }
    if (kind === 'file') return formatReplay(replayFileScenario(validateFileScenario(doc as Json)));
    if (kind === 'stick') {
      const scenario = validateStickScenario(doc as Json);
      return formatReplay({ schema: REPLAY_SCHEMA, name: scenario.name, steps: runStickScenario(scenario) });
    }
    return formatReplay(await replayScenario(validateScenario(doc), withTable));
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof ModelError)
      throw inputError(`${path}: ${error.message}`);
    throw error;
  }
}

function kindOf(doc: unknown): unknown {
  return typeof doc === 'object' && doc !== null ? (doc as { kind?: unknown }).kind : undefined;
}

/** A file-level replay: each step's name, whether its commands worked, and the status line after it. */
function replayFileScenario(scenario: FileScenario): PrintableReplay {
  const steps = runFileScenario(scenario).map(({ name, ok, error, status }, index) => ({
    index,
    name,
    ok,
    ...(error === undefined ? {} : { error }),
    status,
  }));
  return { schema: REPLAY_SCHEMA, name: scenario.name, steps };
}

/** What both kinds of replay print. */
type PrintableReplay = Pick<Replay, 'schema' | 'name'> & { steps: readonly object[] };

/** Pretty enough to read and diff: the envelope indented, each step on a line of its own. */
function formatReplay(replay: PrintableReplay): string {
  const steps = replay.steps.map((step) => `  ${JSON.stringify(step)}`).join(',\n');
  return `{\n "schema": ${JSON.stringify(replay.schema)},\n "name": ${JSON.stringify(replay.name)},\n "steps": [\n${steps}\n ]\n}`;
}
