// The terminal view: the scrollback of what was typed and printed, and a prompt to type at. It runs each
// line on the Shell it is given and tells the app when the stick changed, so the other views redraw.

import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { freshPosition, stepHistory, type HistoryPosition } from '../../shell/history';
import type { Stick } from '../../model/stick/Stick';
import { Shell, type RunResult } from '../../shell/Shell';
import {
  SAVED_HISTORY_LINES,
  SAVED_TERMINAL_LINES,
  type TerminalLine,
  type TerminalView,
} from '../../sugar/activityView';
import { visuallyHidden } from '../format/visuallyHidden';
import { terminalStyles } from './cellar-terminal.styles';

/** Lines the terminal keeps (it keeps them through undo too, so they must stop somewhere). */
export const SCROLLBACK_LINES = 1000;

export interface TerminalCommandDetail {
  line: string;
  exitCode: number;
  /** Whether a command that can change the stick ran. */
  changed: boolean;
}

/**
 * `<cellar-terminal>`: a shell on the simulated stick.
 *
 * Enter runs the line, the Up and Down arrows walk the history, Tab completes commands and paths (on an
 * empty line, and with Shift, it moves the focus on as usual), Ctrl+C drops the line being typed.
 *
 * @fires cellar-terminal-line - after every line run; `detail`: TerminalCommandDetail. (Not the app's
 *   `cellar-command`: a typed line is done already, not an intent for the app to carry out.)
 * @fires cellar-changed - after a line that may have changed the stick (the app redraws its views).
 */
@localized()
export class CellarTerminal extends LitElement {
  static override styles = [terminalStyles, visuallyHidden];

  /** The session the terminal types into (it keeps the history, the folder and the machine). */
  @property({ attribute: false }) shell: Shell | null = null;

  /** A stick to open a new session on (when no `shell` is given). */
  @property({ attribute: false }) stick: Stick | null = null;

  /**
   * Runs each line through the app (the session makes an undo step of it), with the folder it is typed in;
   * without one, the shell runs it directly.
   */
  @property({ attribute: false }) runner:
    ((line: string, folder: string, run: () => RunResult) => RunResult) | null = null;

  /**
   * What the terminal showed when the activity was saved, on this same stick: its first shell starts from
   * it (the lines, the history, the folder). Given later, once a shell is made, it is too late and ignored.
   */
  @property({ attribute: false }) resumeFrom: TerminalView | null = null;

  @state() private scrollback: TerminalLine[] = [];
  @state() private input = '';
  private historyPosition: HistoryPosition = freshPosition([]);

  @query('input') private field!: HTMLInputElement;
  @query('.log') private log!: HTMLElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('stick') && this.stick && (!this.shell || this.shell.stick !== this.stick)) {
      const before = this.shell;
      if (!before && this.resumeFrom) {
        this.resume(this.stick, this.resumeFrom);
        return;
      }
      // Undo, reset or a new stick: what was typed stays on screen and in the history.
      this.shell = new Shell(this.stick, before?.history);
      this.historyPosition = freshPosition(this.shell.history);
      if (before && this.scrollback.length > 0) {
        const note = msg(
          'The stick changed (undo, reset or a new stick). The terminal goes on with it as it is now.',
        );
        this.addLines({ kind: 'note', text: note });
      }
    }
  }

  /** What to save of the terminal: its newest lines, its history and its folder. */
  get savedView(): TerminalView | null {
    if (!this.shell) return null;
    return {
      lines: this.scrollback.slice(-SAVED_TERMINAL_LINES),
      history: this.shell.history.slice(-SAVED_HISTORY_LINES),
      folder: this.shell.cwd,
    };
  }

  override focus(): void {
    this.field?.focus();
  }

  override render() {
    const prompt = this.shell?.prompt ?? '$ ';
    return html`
      <div class="log" role="log" aria-live="polite" aria-label=${msg('Terminal output')}>
        ${this.scrollback.map((l) => html`<p class="line ${l.kind}">${l.text}</p>`)}
      </div>
      <form @submit=${this.onSubmit}>
        <label class="visually-hidden" for="command">${msg('Command')}</label>
        <span class="prompt" aria-hidden="true">${prompt}</span>
        <input
          id="command"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          .value=${this.input}
          ?disabled=${this.shell === null}
          @input=${(e: InputEvent) => (this.input = (e.target as HTMLInputElement).value)}
          @keydown=${this.onKeyDown}
        />
      </form>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    // Only when lines came: reading scrollHeight forces a layout, which the first render can do without.
    if (changed.has('scrollback') && this.scrollback.length > 0) this.log.scrollTop = this.log.scrollHeight;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.runLine(this.input);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const shell = this.shell;
    if (!shell) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const step = stepHistory(
        shell.history,
        this.historyPosition,
        this.input,
        event.key === 'ArrowUp' ? 'up' : 'down',
      );
      this.historyPosition = step.position;
      this.setInput(step.line);
    } else if (event.ctrlKey && event.key === 'c') {
      // As in bash: the line is dropped, shown with ^C, and a new prompt starts.
      event.preventDefault();
      this.addLines({ kind: 'typed', text: `${shell.prompt}${this.input}^C` });
      this.historyPosition = freshPosition(shell.history);
      this.setInput('');
    } else if (event.key === 'Tab' && !event.shiftKey && this.input !== '') {
      // Shift+Tab, and Tab on an empty line, leave the terminal as anywhere else: no keyboard trap.
      event.preventDefault();
      const completion = shell.complete(this.input);
      if (completion.candidates.length > 0 && completion.line === this.input) {
        this.addLines(
          { kind: 'typed', text: shell.prompt + this.input },
          { kind: 'candidates', text: completion.candidates.join('  ') },
        );
      }
      this.setInput(completion.line);
    }
  }

  /** New lines at the end; the oldest go once there are SCROLLBACK_LINES, as in a real terminal. */
  private addLines(...lines: TerminalLine[]): void {
    this.scrollback = [...this.scrollback, ...lines].slice(-SCROLLBACK_LINES);
  }

  // A folder gone since (or a machine changed by a reboot the save missed) leaves the shell at home.
  private resume(stick: Stick, saved: TerminalView): void {
    this.shell = new Shell(stick, saved.history);
    if (saved.folder && this.shell.machine.list(saved.folder).ok) this.shell.changeFolder(saved.folder);
    this.historyPosition = freshPosition(this.shell.history);
    this.scrollback = saved.lines.slice(-SCROLLBACK_LINES);
  }

  private setInput(text: string): void {
    this.input = text;
    this.field.value = text;
    this.field.setSelectionRange(text.length, text.length);
  }

  private runLine(line: string): void {
    const shell = this.shell;
    if (!shell) return;
    const typed: TerminalLine = { kind: 'typed', text: shell.prompt + line };
    const result = this.runner ? this.runner(line, shell.cwd, () => shell.run(line)) : shell.run(line);
    this.addLines(typed, ...result.lines.map((l) => ({ kind: l.stream, text: l.text })));
    this.historyPosition = freshPosition(shell.history);
    this.setInput('');
    if (line.trim() === '') return;
    const detail: TerminalCommandDetail = { line, exitCode: result.exitCode, changed: result.changed };
    this.dispatchEvent(new CustomEvent('cellar-terminal-line', { detail, bubbles: true, composed: true }));
    if (result.changed)
      this.dispatchEvent(new CustomEvent('cellar-changed', { detail, bubbles: true, composed: true }));
  }
}
