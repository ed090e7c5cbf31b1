// Every tool the terminal knows, by the name typed: one declarative table (help and Tab completion read it).

import { blockdev } from './commands/blockdev';
import { cat } from './commands/cat';
import { cd } from './commands/cd';
import { cp } from './commands/cp';
import { dd } from './commands/dd';
import { df } from './commands/df';
import { dmsetup } from './commands/dmsetup';
import { du } from './commands/du';
import { e2fsck } from './commands/e2fsck';
import { echo } from './commands/echo';
import { help } from './commands/help';
import { livecdIsoToDisk } from './commands/livecdIsoToDisk';
import { losetup } from './commands/losetup';
import { ls } from './commands/ls';
import { mkdir } from './commands/mkdir';
import { mount } from './commands/mount';
import { poweroff } from './commands/poweroff';
import { printf } from './commands/printf';
import { pwd } from './commands/pwd';
import { reboot } from './commands/reboot';
import { rm } from './commands/rm';
import { umount } from './commands/umount';
import type { ShellCommand } from './types';

export const COMMANDS: readonly ShellCommand[] = [
  help,
  ls,
  cd,
  pwd,
  cat,
  echo,
  printf,
  mkdir,
  cp,
  rm,
  df,
  du,
  mount,
  umount,
  dmsetup,
  losetup,
  blockdev,
  dd,
  e2fsck,
  livecdIsoToDisk,
  reboot,
  poweroff,
];

const BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]));

/** The tool a word names: `dd`, or a path to it (`/sbin/e2fsck`, `./livecd-iso-to-disk`). */
export function findCommand(word: string): ShellCommand | undefined {
  return BY_NAME.get(word) ?? BY_NAME.get(word.slice(word.lastIndexOf('/') + 1));
}
