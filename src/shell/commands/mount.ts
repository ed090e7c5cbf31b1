// `mount` (util-linux): with no words, the mount table; `mount FILE_OR_DEVICE DIR` mounts squashfs.img
// (through a loop device, as mount does by itself for a file) or a dm device holding the stick's root.
// `-o loop`, `-o ro` and `-t TYPE` are accepted and change nothing the model needs.

import { msg } from '@lit/localize';
import { fail, ok, type ShellCommand } from '../types';

export const mount: ShellCommand = {
  name: 'mount',
  get summary() {
    return msg('Shows what is mounted, or opens a disk image in a folder (mount image folder).');
  },
  changesModel: true,
  run({ args, machine, resolve }) {
    const words: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-o' || args[i] === '-t') i++;
      else if (!args[i]!.startsWith('-')) words.push(args[i]!);
    }
    if (words.length === 0) {
      return ok(
        machine
          .mounts()
          .map(
            (m) => `${m.source} on ${m.mountPoint} type ${m.fsType} (${m.readOnly ? 'ro' : 'rw'},relatime)`,
          ),
      );
    }
    if (words.length !== 2) {
      return fail(1, ['mount: bad usage', "Try 'mount --help' for more information."]);
    }
    const source = resolveDevice(words[0]!, resolve);
    const dir = resolve(words[1]!);
    const done = machine.mount(source, dir);
    if (done.ok) return ok();
    const messages: Record<string, string> = {
      ENOENT: machine.stat(dir).ok
        ? `mount: ${dir}: special device ${words[0]} does not exist.`
        : `mount: ${dir}: mount point does not exist.`,
      EBUSY: `mount: ${dir}: ${words[0]} already mounted or mount point busy.`,
      EIO: `mount: ${dir}: can't read superblock on ${source}.`,
      EINVAL: `mount: ${dir}: wrong fs type, bad option, bad superblock on ${source}, missing codepage or helper program, or other error.`,
    };
    return fail(32, [messages[done.error] ?? `mount: ${dir}: ${done.error}`]);
  },
};

/** Device paths stay as typed; a file is resolved against the current folder. */
export function resolveDevice(word: string, resolve: (path: string) => string): string {
  return word.startsWith('/dev/') ? word : resolve(word);
}
