// `pwd` (a bash builtin): the folder you are in.

import { ok, type ShellCommand } from '../types';

export const pwd: ShellCommand = {
  name: 'pwd',
  summary: 'Says which folder you are in.',
  changesModel: false,
  run: ({ cwd }) => ok([cwd]),
};
