// <cellar-terminal> in a real browser: typing commands with the keyboard runs them on the stick's shell,
// the output lands in the role="log" scrollback, the arrows bring old lines back, Tab completes, and a
// command that changes the stick fires cellar-changed.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Shell } from '../../src/shell/Shell.js';
import { CellarTerminal } from '../../src/ui/terminal/cellar-terminal.js';
import { SCROLLBACK_LINES } from '../../src/ui/terminal/cellar-terminal.component.js';
import { SAVED_TERMINAL_LINES, type TerminalView } from '../../src/sugar/activityView.js';
import { bootedStick } from '../model/stick/makeStick.js';

async function terminal(): Promise<CellarTerminal> {
  const el = await fixture<CellarTerminal>(
    html`<cellar-terminal .shell=${new Shell(bootedStick())}></cellar-terminal>`,
  );
  el.focus();
  return el;
}

function logLines(el: CellarTerminal): string[] {
  return [...el.shadowRoot!.querySelectorAll('[role="log"] .line')].map((p) => p.textContent ?? '');
}

async function typeLine(el: CellarTerminal, line: string): Promise<void> {
  await sendKeys({ type: line });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<cellar-terminal>', () => {
  it('runs a typed command and shows its output in the log', async () => {
    const el = await terminal();
    await typeLine(el, 'dmsetup status live-rw');
    expect(logLines(el)).to.deep.equal([
      '[root@localhost ~]# dmsetup status live-rw',
      '0 131072 snapshot 24/65536 16',
    ]);
  });

  it('shows errors too, and the prompt follows the folder', async () => {
    const el = await terminal();
    await typeLine(el, 'ls /nope');
    await typeLine(el, 'cd /tmp');
    expect(logLines(el)).to.include("ls: cannot access '/nope': No such file or directory");
    expect(el.shadowRoot!.querySelector('.prompt')!.textContent).to.equal('[root@localhost tmp]# ');
  });

  it('brings old lines back with the Up arrow and the draft back with Down', async () => {
    const el = await terminal();
    await typeLine(el, 'df -h');
    await typeLine(el, 'pwd');
    await sendKeys({ type: 'ls' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.value).to.equal('df -h');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(input.value).to.equal('ls');
  });

  it('completes a path with Tab', async () => {
    const el = await terminal();
    await sendKeys({ type: 'ls /mnt/live/LiveOS/squ' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('ls /mnt/live/LiveOS/squashfs.img ');
  });

  it('lets the focus leave with Shift+Tab, or Tab on an empty line (no keyboard trap)', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <button>before</button>
        <cellar-terminal .shell=${new Shell(bootedStick())}></cellar-terminal>
        <button>after</button>
      </div>`,
    );
    const el = page.querySelector('cellar-terminal')!;
    el.focus();
    await sendKeys({ type: 'ls' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(document.activeElement!.textContent).to.equal('before');
    el.focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.textContent).to.equal('after');
  });

  it('fires cellar-changed after a command that changes the stick', async () => {
    const el = await terminal();
    await sendKeys({ type: 'echo hello > /root/note.txt' });
    const changed = oneEvent(el, 'cellar-changed');
    await sendKeys({ press: 'Enter' });
    const event = (await changed) as CustomEvent<{ line: string; exitCode: number }>;
    expect(event.detail).to.include({ line: 'echo hello > /root/note.txt', exitCode: 0 });
  });

  it('drops the line with Ctrl+C, as bash shows it', async () => {
    const el = await terminal();
    await sendKeys({ type: 'dmsetup sta' });
    await sendKeys({ press: 'Control+c' });
    await el.updateComplete;
    expect(logLines(el)).to.deep.equal(['[root@localhost ~]# dmsetup sta^C']);
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('');
  });

  it('opens its own session when given a stick', async () => {
    const el = await fixture<CellarTerminal>(
      html`<cellar-terminal .stick=${bootedStick()}></cellar-terminal>`,
    );
    el.focus();
    await typeLine(el, 'pwd');
    expect(logLines(el)).to.deep.equal(['[root@localhost ~]# pwd', '/root']);
  });

  it('keeps what was typed when the stick changes under it (undo), and goes on with the new one', async () => {
    const el = await fixture<CellarTerminal>(
      html`<cellar-terminal .stick=${bootedStick()}></cellar-terminal>`,
    );
    el.focus();
    await typeLine(el, 'mkdir /root/gone-by-undo');
    el.stick = bootedStick(); // what the app passes after an undo: the stick as it was
    await el.updateComplete;
    const lines = logLines(el);
    expect(lines[0]).to.equal('[root@localhost ~]# mkdir /root/gone-by-undo');
    expect(lines.at(-1)).to.contain('The stick changed');
    await typeLine(el, 'ls /root');
    const listed = logLines(el).slice(lines.length + 1); // ls's output on the stick as it is now
    expect(listed.join(' ')).not.to.contain('gone-by-undo');
    el.focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('mkdir /root/gone-by-undo');
  });

  it('resumes a saved view on its first stick: the lines, the history and the folder', async () => {
    const saved: TerminalView = {
      lines: [
        { kind: 'typed', text: '[root@localhost log]# echo saved' },
        { kind: 'stdout', text: 'saved' },
      ],
      history: ['cd /var/log', 'echo saved'],
      folder: '/var/log',
    };
    const el = await fixture<CellarTerminal>(
      html`<cellar-terminal .stick=${bootedStick()} .resumeFrom=${saved}></cellar-terminal>`,
    );
    expect(logLines(el)).to.deep.equal(['[root@localhost log]# echo saved', 'saved']);
    expect(el.shadowRoot!.querySelector('.prompt')!.textContent).to.equal('[root@localhost log]# ');
    el.focus();
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('echo saved');
    expect(el.savedView).to.deep.equal(saved);
  });

  it('resumes at home when the saved folder is gone', async () => {
    const saved: TerminalView = { lines: [], history: [], folder: '/root/gone' };
    const el = await fixture<CellarTerminal>(
      html`<cellar-terminal .stick=${bootedStick()} .resumeFrom=${saved}></cellar-terminal>`,
    );
    expect(el.shell!.cwd).to.equal('/root');
  });

  it('saves only the newest SAVED_TERMINAL_LINES lines', async () => {
    const el = await terminal();
    for (let i = 0; i < SAVED_TERMINAL_LINES; i++) {
      const field = el.shadowRoot!.querySelector('input')!;
      field.value = `echo line${i}`;
      field.dispatchEvent(new InputEvent('input'));
      el.shadowRoot!.querySelector('form')!.requestSubmit();
    }
    const lines = el.savedView!.lines;
    expect(lines).to.have.length(SAVED_TERMINAL_LINES);
    expect(lines.at(-1)).to.deep.equal({ kind: 'stdout', text: `line${SAVED_TERMINAL_LINES - 1}` });
  });

  it('keeps the last SCROLLBACK_LINES lines only, as a real terminal does', async () => {
    const el = await terminal();
    const shell = el.shell!;
    for (let i = 0; i < SCROLLBACK_LINES / 2 + 5; i++) {
      const field = el.shadowRoot!.querySelector('input')!;
      field.value = `echo line${i}`;
      field.dispatchEvent(new InputEvent('input'));
      el.shadowRoot!.querySelector('form')!.requestSubmit();
    }
    await el.updateComplete;
    const lines = logLines(el);
    expect(lines).to.have.length(SCROLLBACK_LINES);
    expect(lines.at(-1)).to.equal(`line${SCROLLBACK_LINES / 2 + 4}`);
    expect(shell.history.length).to.be.greaterThan(SCROLLBACK_LINES / 2);
  });

  it('is accessible, with a log the screen reader follows', async () => {
    const el = await terminal();
    await typeLine(el, 'help');
    expect(el.shadowRoot!.querySelector('[role="log"]')!.getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });
});
