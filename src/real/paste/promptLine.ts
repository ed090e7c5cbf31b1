// A shell prompt line in a paste ("$ dmsetup status", "[liveuser@localhost ~]$ sudo losetup -a",
// "# findmnt", "bash-5.2# ls -l /run/initramfs/live/LiveOS") and what its command's output will be.

import type { OutputKind } from '../realStick';
import { folderOf } from './lsReader';

const PROMPT =
  /^(?:\[[^\]]*\]\s*[$#]|[\w.-]+@[\w.-]+(?::\S*)?\s*[$#]|[\w.-]+-\d[\d.]*[$#]|[$#%])(?:\s+(.*))?$/;

/** What a prompt tells of the lines after it; `quiet` is a command whose output Cellar need not read. */
export interface PromptCommand {
  /** The command as typed, without sudo: what needsRoot names. */
  command: string;
  kind: OutputKind | 'quiet' | null;
  /** For `ls`: the folder named on the command line. */
  folder: string | null;
}

const DMSETUP_KINDS: Record<string, OutputKind> = {
  status: 'dmsetup-status',
  table: 'dmsetup-table',
  ls: 'dmsetup-ls',
};

function kindOf(words: string[]): OutputKind | 'quiet' | null {
  const [tool, ...args] = words;
  const operands = args.filter((word) => !word.startsWith('-'));
  switch (tool) {
    case 'dmsetup':
      return DMSETUP_KINDS[operands[0] ?? ''] ?? null;
    case 'losetup':
      return 'losetup';
    case 'findmnt':
      return 'findmnt';
    case 'mount':
      return operands.length === 0 ? 'mount' : null;
    case 'ls':
      return 'ls-l';
    case 'cat':
      return operands.includes('/proc/cmdline') ? 'cmdline' : null;
    case 'uname':
      return 'quiet';
    default:
      return null;
  }
}

export function readPrompt(line: string): PromptCommand | null {
  const match = PROMPT.exec(line);
  if (!match) return null;
  const command = (match[1] ?? '').trim().replace(/^(?:sudo\s+)+/, '');
  // The first command of a pipeline prints what is pasted, filtered; `sudo` and its options come first.
  const words = (command.split('|')[0] ?? '').trim().split(/\s+/).filter(Boolean);
  while (words[0] === 'sudo' || words[0]?.startsWith('-')) words.shift();
  const kind = kindOf(words);
  const lsOperand =
    kind === 'ls-l'
      ? words
          .slice(1)
          .filter((word) => !word.startsWith('-'))
          .at(-1)
      : undefined;
  const folder =
    lsOperand === undefined
      ? null
      : folderOf(/[*?]/.test(lsOperand) ? lsOperand.replace(/\/[^/]*$/, '') : lsOperand);
  return { command, kind, folder };
}
