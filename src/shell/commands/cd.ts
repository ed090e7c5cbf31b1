// `cd` (a bash builtin): changes the folder the other commands start from.

import { msg } from '@lit/localize';
import { errnoText } from '../errnoText';
import { fail, ok, type ShellCommand } from '../types';

export const cd: ShellCommand = {
  name: 'cd',
  get summary() {
    return msg('Goes into a folder, so you can use short names for what is inside.');
  },
  changesModel: false,
  run({ args, machine, resolve, session }) {
    if (args.length > 1) return fail(1, ['bash: cd: too many arguments']);
    const target = resolve(args[0] ?? machine.homeFolder);
    const found = machine.stat(target);
    if (!found.ok) return fail(1, [`bash: cd: ${args[0]}: ${errnoText(found.error)}`]);
    if (found.value.kind !== 'dir') return fail(1, [`bash: cd: ${args[0]}: Not a directory`]);
    session.changeFolder(target);
    return ok();
  },
};
