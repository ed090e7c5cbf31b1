// `blockdev` (util-linux): a block device's size, in 512-byte sectors (--getsz) or bytes (--getsize64);
// the wiki's recovery reads the root image's and the overlay's with `blockdev -q --getsz`.

import { msg } from '@lit/localize';
import { errnoText } from '../errnoText';
import { fail, ok, type ShellCommand } from '../types';

const USAGE = [
  'Usage:',
  ' blockdev -V',
  ' blockdev --report [devices]',
  ' blockdev [-v|-q] commands devices',
  '',
  'Available commands:',
  '\t--getsz                   get size in 512-byte sectors',
  '\t--getsize64               get size in bytes',
];

export const blockdev: ShellCommand = {
  name: 'blockdev',
  get summary() {
    return msg('Tells how big a disk is (blockdev --getsz /dev/loop1, in 512-byte pieces).');
  },
  changesModel: false,
  run({ args, machine }) {
    const words = args.filter((a) => a !== '-q' && a !== '-v');
    const commands = words.filter((w) => w.startsWith('--'));
    const devices = words.filter((w) => !w.startsWith('--'));
    const unknown = commands.find((c) => c !== '--getsz' && c !== '--getsize64');
    if (unknown) return fail(1, [`blockdev: Unknown command: ${unknown}`, ...USAGE]);
    if (commands.length === 0 || devices.length === 0) return fail(1, USAGE);
    const stdout: string[] = [];
    for (const device of devices) {
      const size = machine.deviceSectors(device);
      if (!size.ok) return fail(1, [`blockdev: cannot open ${device}: ${errnoText(size.error)}`], stdout);
      for (const command of commands)
        stdout.push(String(command === '--getsz' ? size.value : size.value * 512));
    }
    return ok(stdout);
  },
};
