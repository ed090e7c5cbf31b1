// `reboot`: the stick starts again — or, typed on the rescue machine, is put back in its own computer and
// booted. What the boot printed is shown, as on the console.

import { msg } from '@lit/localize';
import { ok, type ShellCommand } from '../types';

export const reboot: ShellCommand = {
  name: 'reboot',
  get summary() {
    return msg('Starts the stick again (from the other computer: puts the stick back and starts it).');
  },
  changesModel: true,
  run: ({ session }) => ok(session.reboot()),
};
