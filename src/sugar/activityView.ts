// The learner's view, saved beside the stick as the activity's optional `view`: what the terminal showed,
// the folder open in Files, what the lesson column showed. Read tolerantly: a missing or damaged part is
// left out (the app then shows that part as it starts), unknown fields are ignored, nothing throws.
//
// Layout (JSON object, every field optional):
//   terminal      { lines: [{ kind, text }], history: [string], folder: string }
//   filesFolder   string, an absolute path
//   lessonColumn  "list" | "challenges" | "teacher"
//   realPaste     string: what the learner pasted in real mode (read again on resume)

/** The terminal's kinds of line (`typed` is the prompt and what was typed). */
export const TERMINAL_LINE_KINDS = ['typed', 'stdout', 'stderr', 'candidates', 'note'] as const;
export type TerminalLineKind = (typeof TERMINAL_LINE_KINDS)[number];

export interface TerminalLine {
  kind: TerminalLineKind;
  text: string;
}

/** Lines of scrollback and of history kept in the document: the terminal keeps more, the Journal less. */
export const SAVED_TERMINAL_LINES = 200;
export const SAVED_HISTORY_LINES = 100;

export interface TerminalView {
  lines: TerminalLine[];
  history: string[];
  /** The shell's current folder (null: its machine's home). */
  folder: string | null;
}

export const LESSON_COLUMN_VIEWS = ['list', 'challenges', 'teacher'] as const;
export type LessonColumnView = (typeof LESSON_COLUMN_VIEWS)[number];

/** A paste longer than this is not kept in the document (real outputs are a few KiB). */
export const SAVED_PASTE_CHARS = 64 * 1024;

export interface ActivityView {
  terminal?: TerminalView;
  filesFolder?: string;
  lessonColumn?: LessonColumnView;
  realPaste?: string;
}

/** The saved view (any JSON) as far as it can be read; `{}` for none or garbage. */
export function readActivityView(saved: unknown): ActivityView {
  if (!isRecord(saved)) return {};
  const view: ActivityView = {};
  const terminal = readTerminal(saved.terminal);
  if (terminal) view.terminal = terminal;
  if (isFolder(saved.filesFolder)) view.filesFolder = saved.filesFolder;
  const column = LESSON_COLUMN_VIEWS.find((v) => v === saved.lessonColumn);
  if (column) view.lessonColumn = column;
  if (typeof saved.realPaste === 'string' && saved.realPaste.length <= SAVED_PASTE_CHARS) {
    view.realPaste = saved.realPaste;
  }
  return view;
}

function readTerminal(saved: unknown): TerminalView | undefined {
  if (!isRecord(saved)) return undefined;
  const lines = Array.isArray(saved.lines) ? saved.lines.filter(isTerminalLine) : [];
  const history = Array.isArray(saved.history)
    ? saved.history.filter((l): l is string => typeof l === 'string')
    : [];
  return {
    lines: lines.slice(-SAVED_TERMINAL_LINES).map(({ kind, text }) => ({ kind, text })),
    history: history.slice(-SAVED_HISTORY_LINES),
    folder: isFolder(saved.folder) ? saved.folder : null,
  };
}

function isTerminalLine(line: unknown): line is TerminalLine {
  return (
    isRecord(line) && typeof line.text === 'string' && TERMINAL_LINE_KINDS.some((kind) => kind === line.kind)
  );
}

function isFolder(path: unknown): path is string {
  return typeof path === 'string' && path.startsWith('/');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
