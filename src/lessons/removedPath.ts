// The file a line typed in the terminal removed: the first operand of its `rm`, read as the running stick's
// shell reads it (from the folder the line was typed in, `~` as /root), when the line succeeded. A `cd`
// earlier in the same line is not followed.

import { splitArgs } from '../shell/options';
import { parseLine } from '../shell/parse';
import { resolvePath } from '../shell/paths';
import { STICK_HOME_FOLDER } from '../shell/stickShellMachine';
import type { StepFacts } from './lessonTypes';

export function removedPath(facts: StepFacts): string | null {
  const { action } = facts.change;
  if (action.type !== 'terminal' || action.exitCode !== 0) return null;
  const parsed = parseLine(action.line);
  if (!parsed.ok) return null;
  const rm = parsed.pipelines.flatMap((pipeline) => pipeline.commands).find((c) => c.words[0] === 'rm');
  const operand = rm ? splitArgs(rm.words.slice(1)).operands[0] : undefined;
  return operand === undefined ? null : resolvePath(action.folder, operand, STICK_HOME_FOLDER);
}
