// The shape every tool of the terminal shares: what it is given and what it answers.

import type { EraId } from '../model/stick/eras';
import type { Machine } from './machine';

export interface CommandResult {
  stdout: string[];
  stderr: string[];
  exitCode: number;
  /** The exact bytes written to stdout when they are not whole lines (`printf '\x01'`), one char a byte. */
  stdoutBytes?: string;
}

export interface CommandContext {
  /** The words after the command's name. */
  args: string[];
  /** What a pipe or `<` feeds it (one char a byte); null when reading the terminal. */
  stdin: string | null;
  machine: Machine;
  cwd: string;
  /** An absolute path from what the learner typed (relative to the current folder). */
  resolve(path: string): string;
  session: SessionControl;
}

/** What a few tools change in the session itself. */
export interface SessionControl {
  /** The stick's era (the installer's version, the texts of its tools). */
  readonly era: EraId;
  /** `poweroff`: the stick stops and is plugged into another computer (the rescue machine). */
  powerOff(): string[];
  changeFolder(path: string): void;
  /** `reboot`: the stick starts again (or, on the rescue machine, is put back and booted). */
  reboot(): string[];
  /** Every command's name and plain-words summary, for `help`. */
  commandSummaries(): { name: string; summary: string }[];
  /** The text a file was given by echo/printf in this session, when the model kept no more than its size. */
  textOf(path: string): string | undefined;
  rememberText(path: string, text: string): void;
}

export interface ShellCommand {
  name: string;
  /** One sentence a ten-year-old can follow, for `help`. */
  summary: string;
  /**
   * Whether it can change the stick (the view redraws after it, and undo gets a step): for some commands
   * only some lines can (`dmsetup status` only reads, `dmsetup create` changes).
   */
  changesModel: boolean | ((args: readonly string[]) => boolean);
  run(context: CommandContext): CommandResult;
}

export function ok(stdout: string[] = [], stderr: string[] = []): CommandResult {
  return { stdout, stderr, exitCode: 0 };
}

export function fail(exitCode: number, stderr: string[], stdout: string[] = []): CommandResult {
  return { stdout, stderr, exitCode };
}
