// `umount` (util-linux): unmounts a folder (or the device mounted there).

import { msg } from '@lit/localize';
import { fail, ok, type ShellCommand } from '../types';
import { resolveDevice } from './mount';

export const umount: ShellCommand = {
  name: 'umount',
  get summary() {
    return msg('Closes a disk image you opened with mount.');
  },
  changesModel: true,
  run({ args, machine, resolve }) {
    const targets = args.filter((a) => !a.startsWith('-'));
    if (targets.length === 0)
      return fail(1, ['umount: bad usage', "Try 'umount --help' for more information."]);
    const stderr: string[] = [];
    for (const target of targets) {
      const path = resolveDevice(target, resolve);
      const done = machine.umount(path);
      if (!done.ok)
        stderr.push(
          done.error === 'EBUSY' ? `umount: ${path}: target is busy.` : `umount: ${path}: not mounted.`,
        );
    }
    return stderr.length > 0 ? fail(32, stderr) : ok();
  },
};
