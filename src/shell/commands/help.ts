// `help`: every command the terminal knows, in plain words.

import { ok, type ShellCommand } from '../types';

export const help: ShellCommand = {
  name: 'help',
  summary: 'Shows this list of commands.',
  changesModel: false,
  run({ session }) {
    const commands = session.commandSummaries();
    const width = Math.max(...commands.map((c) => c.name.length));
    return ok([
      'Commands you can type (press Tab to finish a word, the arrow keys to get an old command back):',
      ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ]);
  },
};
