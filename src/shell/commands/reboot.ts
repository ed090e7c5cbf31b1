// `reboot`: the stick starts again — or, typed on the rescue machine, is put back in its own computer and
// booted. What the boot printed is shown, as on the console.

import { ok, type ShellCommand } from '../types';

export const reboot: ShellCommand = {
  name: 'reboot',
  summary: 'Starts the stick again (from the other computer: puts the stick back and starts it).',
  changesModel: true,
  run: ({ session }) => ok(session.reboot()),
};
