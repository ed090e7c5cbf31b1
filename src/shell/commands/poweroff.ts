// `poweroff`: the stick stops, and Cellar plugs it into "another computer" (the rescue machine), where
// the wiki's recovery steps are done on its files.

import { msg } from '@lit/localize';
import { ok, type ShellCommand } from '../types';

export const poweroff: ShellCommand = {
  name: 'poweroff',
  get summary() {
    return msg(
      'Switches the stick off and plugs it into another computer, to look at its files from outside.',
    );
  },
  changesModel: true,
  run: ({ session }) => ok(session.powerOff()),
};
