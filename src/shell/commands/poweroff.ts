// `poweroff`: the stick stops, and Cellar plugs it into "another computer" (the rescue machine), where
// the wiki's recovery steps are done on its files.

import { ok, type ShellCommand } from '../types';

export const poweroff: ShellCommand = {
  name: 'poweroff',
  summary: 'Switches the stick off and plugs it into another computer, to look at its files from outside.',
  changesModel: true,
  run: ({ session }) => ok(session.powerOff()),
};
