// The saved view (`view` in cellar-activity/v1): written and read back through the document, and read
// tolerantly: documents without it, or with a damaged one, load as before; unknown fields are ignored.
import { describe, expect, it } from 'vitest';
import { readActivityDocument, writeActivityDocument } from '../../src/sugar/activityDocument';
import {
  SAVED_HISTORY_LINES,
  SAVED_PASTE_CHARS,
  SAVED_TERMINAL_LINES,
  readActivityView,
  type ActivityView,
} from '../../src/sugar/activityView';
import { makeStick } from '../model/stick/makeStick';

const VIEW: ActivityView = {
  terminal: {
    lines: [
      { kind: 'typed', text: '[root@localhost ~]# ls /nope' },
      { kind: 'stderr', text: "ls: cannot access '/nope': No such file or directory" },
    ],
    history: ['ls /nope'],
    folder: '/var/log',
  },
  filesFolder: '/root',
  lessonColumn: 'teacher',
  realPaste: 'live-rw: 0 262144 snapshot 10392/32768 56\n',
};

/** The document's `view` as the app reads it back. */
function viewBack(text: string): ActivityView {
  const read = readActivityDocument(text);
  if (!read.ok) throw new Error(read.message);
  return readActivityView(read.state.view);
}

describe('the saved view', () => {
  it('comes back through the document as it was written', () => {
    expect(viewBack(writeActivityDocument({ mode: 'lessons', stick: makeStick(), view: VIEW }))).toEqual(
      VIEW,
    );
  });

  it('is nothing for a document saved before there was a view, which loads as before', () => {
    const text = writeActivityDocument({ mode: 'sandbox', stick: makeStick(), progress: { a: 1 } });
    expect(JSON.parse(text)).not.toHaveProperty('view');
    const read = readActivityDocument(text);
    expect(read.ok && read.state).toMatchObject({ mode: 'sandbox', progress: { a: 1 } });
    expect(viewBack(text)).toEqual({});
  });

  it.each([
    ['a string', 'terminal please'],
    ['a number', 42],
    ['null', null],
    ['an array', [VIEW]],
    ['fields of the wrong types', { terminal: 'x', filesFolder: 3, lessonColumn: 'quiz' }],
    ['a relative folder', { filesFolder: 'root' }],
  ])('is nothing when damaged (%s), and the document still loads', (_, view) => {
    const text = writeActivityDocument({ mode: 'sandbox', stick: makeStick(), view });
    expect(readActivityDocument(text).ok).toBe(true);
    expect(viewBack(text)).toEqual({});
  });

  it('keeps the parts it can read and drops damaged lines one by one', () => {
    const view = readActivityView({
      terminal: {
        lines: [{ kind: 'stdout', text: 'kept' }, { kind: 'shout', text: 'x' }, 'y', { kind: 'note' }],
        history: ['ls', 7, null],
        folder: 12,
      },
      filesFolder: '/tmp',
      lessonColumn: 'teacher!',
    });
    expect(view).toEqual({
      terminal: { lines: [{ kind: 'stdout', text: 'kept' }], history: ['ls'], folder: null },
      filesFolder: '/tmp',
    });
  });

  it('ignores fields it does not know (a later version may add some)', () => {
    const view = readActivityView({ ...VIEW, zoom: 2, terminal: { ...VIEW.terminal, colour: 'green' } });
    expect(view).toEqual(VIEW);
  });

  it('keeps only the newest lines of a long scrollback and history', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
    const view = readActivityView({
      terminal: { lines: many.map((text) => ({ kind: 'stdout', text })), history: many },
    });
    expect(view.terminal!.lines).toHaveLength(SAVED_TERMINAL_LINES);
    expect(view.terminal!.lines.at(-1)!.text).toBe('line 999');
    expect(view.terminal!.history).toHaveLength(SAVED_HISTORY_LINES);
    expect(view.terminal!.history.at(-1)).toBe('line 999');
  });

  it('keeps what was pasted in real mode, unless it is not text or too long to be a real output', () => {
    expect(readActivityView({ realPaste: 'live-rw: 0 1 snapshot Invalid' }).realPaste).toBe(
      'live-rw: 0 1 snapshot Invalid',
    );
    expect(readActivityView({ realPaste: 42 })).toEqual({});
    expect(readActivityView({ realPaste: 'x'.repeat(SAVED_PASTE_CHARS + 1) })).toEqual({});
  });
});
