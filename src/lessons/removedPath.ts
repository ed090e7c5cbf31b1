// The file a line typed in the terminal removed: the first operand of its `rm`, read as the shell reads it
// (from the folder the line was typed in), when the line succeeded.

import { splitArgs } from '../shell/options';
import { parseLine } from '../shell/parse';
import { resolvePath } from '../shell/paths';
import type { StepFacts } from './lessonTypes';

/** `~` in the terminal: root's home, where the stick's shell starts (StickShellMachine.homeFolder). */
const ROOT_HOME = '/root';

export function removedPath(facts: StepFacts): string | null {
  const { action } = facts.change;
  if (action.type !== 'terminal' || action.exitCode !== 0) return null;
  const parsed = parseLine(action.line);
  if (!parsed.ok) return null;
  const rm = parsed.pipelines.flatMap((pipeline) => pipeline.commands).find((c) => c.words[0] === 'rm');
  const operand = rm ? splitArgs(rm.words.slice(1)).operands[0] : undefined;
  return operand === undefined ? null : resolvePath(action.folder, operand, ROOT_HOME);
}
