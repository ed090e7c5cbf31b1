// One terminal session on a stick: the machine it runs on (the running stick, or "another computer" with
// the stick plugged in while it is off), the current folder, the history, and the texts echo/printf
// wrote (the model keeps sizes, not contents). `run` takes a typed line through the parser and the tools
// and answers the lines to show, the exit status and whether the stick changed.

import { msg, str } from '@lit/localize';
import { RescueMachine } from '../model/rescue/RescueMachine';
import type { EraId } from '../model/stick/eras';
import type { Stick } from '../model/stick/Stick';
import { COMMANDS, findCommand } from './commandTable';
import { complete, type Completion } from './complete';
import { errnoText } from './errnoText';
import type { Machine } from './machine';
import { parseLine, type SimpleCommand } from './parse';
import { RescueShellMachine } from './rescueShellMachine';
import { resolvePath } from './paths';
import { StickShellMachine } from './stickShellMachine';
import type { CommandResult, SessionControl } from './types';

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface RunResult {
  lines: OutputLine[];
  exitCode: number;
  /** Whether a command that can change the stick ran (the views redraw). */
  changed: boolean;
}

export class Shell implements SessionControl {
  private currentMachine: Machine;
  private folder: string;
  private readonly historyLines: string[] = [];
  private readonly texts = new Map<string, string>();
  private lastExitCode = 0;

  /** `history`: lines typed before, on another stick (the terminal keeps them through undo). */
  constructor(
    readonly stick: Stick,
    history: readonly string[] = [],
  ) {
    this.historyLines.push(...history);
    this.currentMachine = this.machineForPower();
    this.folder = this.currentMachine.homeFolder;
  }

  get machine(): Machine {
    return this.currentMachine;
  }

  get cwd(): string {
    return this.folder;
  }

  get era(): EraId {
    return this.stick.era.id;
  }

  /** Every line run so far, oldest first. */
  get history(): readonly string[] {
    return this.historyLines;
  }

  /** The machine's prompt: bash's `[root@localhost ~]# `, or dracut's `dracut:/# `. */
  get prompt(): string {
    return this.currentMachine.prompt(this.folder);
  }

  run(line: string): RunResult {
    if (line.trim() !== '' && this.historyLines.at(-1) !== line) this.historyLines.push(line);
    const parsed = parseLine(line);
    if (!parsed.ok)
      return this.finish({
        lines: [{ stream: 'stderr', text: parsed.message }],
        exitCode: 2,
        changed: false,
      });
    const lines: OutputLine[] = [];
    let exitCode = this.lastExitCode;
    let changed = false;
    let previous: ';' | '&&' | '||' | null = null;
    for (const pipeline of parsed.pipelines) {
      const skip = (previous === '&&' && exitCode !== 0) || (previous === '||' && exitCode === 0);
      previous = pipeline.then;
      if (skip) continue;
      let stdin: string | null = null;
      for (const [index, command] of pipeline.commands.entries()) {
        const last = index === pipeline.commands.length - 1;
        const ran = this.runCommand(command, stdin, last);
        changed ||= ran.changed;
        exitCode = ran.result.exitCode;
        lines.push(...ran.result.stderr.map((text) => ({ stream: 'stderr' as const, text })));
        if (last) lines.push(...ran.result.stdout.map((text) => ({ stream: 'stdout' as const, text })));
        else stdin = ran.result.stdoutBytes ?? ran.result.stdout.map((l) => `${l}\n`).join('');
      }
    }
    return this.finish({ lines, exitCode, changed });
  }

  /** Tab: the line with its last word completed, and the names that fit when several do. */
  complete(line: string): Completion {
    const machine = this.currentMachine;
    return complete(line, {
      commands: COMMANDS.map((c) => c.name),
      list: (folder) => {
        const listed = machine.list(folder);
        return listed.ok ? listed.value : null;
      },
      cwd: this.folder,
      home: machine.homeFolder,
    });
  }

  // --- SessionControl ---------------------------------------------------------------------------------

  changeFolder(path: string): void {
    this.folder = path;
  }

  reboot(): string[] {
    if (this.currentMachine instanceof RescueShellMachine) this.currentMachine.rescue.unplug();
    const booted = this.stick.power === 'off' ? this.stick.boot() : this.stick.reboot();
    this.enter(this.machineForPower());
    const printed = booted.log.filter((l) => l.kind === 'message').map((l) => l.text);
    return booted.ok
      ? printed
      : [
          ...printed,
          // dracut's first words, then Cellar's advice (translated: it is Cellar's, not dracut's).
          `Entering emergency mode. ${msg('Repair the overlay here, or type poweroff to look at it from another computer.')}`,
        ];
  }

  powerOff(): string[] {
    const machine = this.currentMachine;
    if (machine instanceof RescueShellMachine && machine.kind === 'rescue') {
      return [msg('The stick is already off, plugged into this computer.')];
    }
    if (machine instanceof RescueShellMachine) machine.rescue.unplug();
    if (this.stick.power !== 'off') this.stick.shutdown();
    this.enter(this.machineForPower());
    const rescue = this.currentMachine as RescueShellMachine;
    return [
      msg(
        str`The stick is off. It is plugged into another computer now: its files are in ${rescue.rescue.stickMountPoint}.`,
      ),
    ];
  }

  commandSummaries(): { name: string; summary: string }[] {
    return COMMANDS.map((c) => ({ name: c.name, summary: c.summary }));
  }

  textOf(path: string): string | undefined {
    const text = this.texts.get(path);
    const found = this.currentMachine.stat(path);
    // A file changed since (by dd, cp of another file…) no longer holds the text.
    return text !== undefined && found.ok && found.value.sizeBytes === text.length ? text : undefined;
  }

  rememberText(path: string, text: string): void {
    this.texts.set(path, text);
  }

  // --- inside ----------------------------------------------------------------------------------------

  private finish(result: RunResult): RunResult {
    this.lastExitCode = result.exitCode;
    return result;
  }

  private enter(machine: Machine): void {
    this.currentMachine = machine;
    this.folder = machine.homeFolder;
  }

  /**
   * The running stick; dracut's emergency shell when its boot stopped there (the devices dracut made are
   * kept, the rest of the system is down); another computer when it is off.
   */
  private machineForPower(): Machine {
    if (this.stick.power === 'running') return new StickShellMachine(this.stick);
    if (this.stick.power === 'emergency') {
      this.stick.shutdown();
      const shell = RescueMachine.emergencyShell(this.stick);
      if (shell.ok) return new RescueShellMachine(shell.value, 'emergency');
    }
    const plugged = RescueMachine.plugIn(this.stick);
    if (!plugged.ok) throw new Error('a stick that is off can always be plugged in');
    return new RescueShellMachine(plugged.value);
  }

  private resolve = (path: string): string => resolvePath(this.folder, path, this.currentMachine.homeFolder);

  private runCommand(
    command: SimpleCommand,
    stdin: string | null,
    last: boolean,
  ): { result: CommandResult; changed: boolean } {
    const [name, ...args] = command.words.map((w) =>
      w === '~' || w.startsWith('~/') ? this.currentMachine.homeFolder + w.slice(1) : w,
    );
    for (const redirect of command.redirects.filter((r) => r.op === '<')) {
      const path = this.resolve(redirect.target);
      const found = this.currentMachine.stat(path);
      if (!found.ok)
        return {
          result: {
            stdout: [],
            stderr: [`bash: ${redirect.target}: ${errnoText(found.error)}`],
            exitCode: 1,
          },
          changed: false,
        };
      stdin = this.textOf(path) ?? '';
    }
    if (name === undefined) return this.redirectOnly(command);
    const tool = findCommand(name);
    if (!tool)
      return {
        result: { stdout: [], stderr: [`bash: ${name}: command not found`], exitCode: 127 },
        changed: false,
      };
    const result = tool.run({
      args,
      stdin,
      machine: this.currentMachine,
      cwd: this.folder,
      resolve: this.resolve,
      session: this,
    });
    const output = command.redirects.filter((r) => r.op !== '<').at(-1);
    const changesModel =
      typeof tool.changesModel === 'function' ? tool.changesModel(args) : tool.changesModel;
    if (!output || !last) return { result, changed: changesModel };
    const bytes = result.stdoutBytes ?? result.stdout.map((l) => `${l}\n`).join('');
    const written = this.writeRedirect(output.target, bytes, output.op === '>>');
    return {
      result: written
        ? { ...result, stdout: [], stdoutBytes: '', stderr: [...result.stderr, written], exitCode: 1 }
        : { ...result, stdout: [], stdoutBytes: '' },
      changed: true,
    };
  }

  /** `> file` alone makes the file empty. */
  private redirectOnly(command: SimpleCommand): { result: CommandResult; changed: boolean } {
    const errors: string[] = [];
    for (const redirect of command.redirects.filter((r) => r.op !== '<')) {
      const error = this.writeRedirect(redirect.target, '', redirect.op === '>>');
      if (error) errors.push(error);
    }
    return { result: { stdout: [], stderr: errors, exitCode: errors.length > 0 ? 1 : 0 }, changed: true };
  }

  /** Writes a command's output to a file; the error bash prints, if any. */
  private writeRedirect(target: string, bytes: string, append: boolean): string | null {
    const path = this.resolve(target);
    const existing = this.currentMachine.stat(path);
    const before = append && existing.ok ? this.textOf(path) : '';
    const done = this.currentMachine.write(path, bytes.length, append ? 'append' : 'truncate');
    if (!done.ok) return `bash: ${target}: ${errnoText(done.error)}`;
    if (before !== undefined) this.rememberText(path, before + bytes);
    return null;
  }
}
