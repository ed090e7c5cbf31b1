// `cat`: a file's text. The model keeps files' sizes, not their bytes, so cat shows what echo or printf
// wrote in this session; reading still happens (and may cost a chunk: relatime). With no file it copies
// what a pipe gives it.

import { msg } from '@lit/localize';
import { errnoText } from '../errnoText';
import { type ShellCommand } from '../types';
import { bytesResult } from './bytesResult';

export const cat: ShellCommand = {
  name: 'cat',
  get summary() {
    return msg('Shows what is written in a file.');
  },
  changesModel: true,
  run({ args, stdin, machine, resolve, session }) {
    if (args.length === 0) return bytesResult(stdin ?? '');
    let out = '';
    const stderr: string[] = [];
    for (const arg of args) {
      const path = resolve(arg);
      const found = machine.stat(path);
      if (!found.ok) stderr.push(`cat: ${arg}: ${errnoText(found.error)}`);
      else if (found.value.kind === 'dir') stderr.push(`cat: ${arg}: Is a directory`);
      else {
        const read = machine.read(path);
        if (!read.ok) stderr.push(`cat: ${arg}: ${errnoText(read.error)}`);
        else out += session.textOf(path) ?? '';
      }
    }
    return bytesResult(out, stderr.length > 0 ? 1 : 0, stderr);
  },
};
