// `help`: every command the terminal knows, in plain words (translated: it is Cellar's, not a real tool's).

import { msg } from '@lit/localize';
import { ok, type ShellCommand } from '../types';

export const help: ShellCommand = {
  name: 'help',
  get summary() {
    return msg('Shows this list of commands.');
  },
  changesModel: false,
  run({ session }) {
    const commands = session.commandSummaries();
    const width = Math.max(...commands.map((c) => c.name.length));
    return ok([
      msg('Commands you can type (press Tab to finish a word, the arrow keys to get an old command back):'),
      ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ]);
  },
};
