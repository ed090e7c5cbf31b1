// `pwd` (a bash builtin): the folder you are in.

import { msg } from '@lit/localize';
import { ok, type ShellCommand } from '../types';

export const pwd: ShellCommand = {
  name: 'pwd',
  get summary() {
    return msg('Says which folder you are in.');
  },
  changesModel: false,
  run: ({ cwd }) => ok([cwd]),
};
