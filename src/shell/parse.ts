// Reads one command line as bash would for the few forms the terminal needs: words with '…', "…" and
// $'…' quoting (so `printf '\x01'` and `echo $'\x01'` both reach the tool as the wiki types them),
// `>`, `>>` and `<` redirections, pipes, and lists joined by `;`, `&&` and `||`.

export type Redirect = { op: '>' | '>>' | '<'; target: string };

export interface SimpleCommand {
  words: string[];
  redirects: Redirect[];
}

/** Commands joined by `|`, then how the next pipeline runs: always, after success, after failure. */
export interface Pipeline {
  commands: SimpleCommand[];
  then: ';' | '&&' | '||' | null;
}

export type ParseResult = { ok: true; pipelines: Pipeline[] } | { ok: false; message: string };

type Token = { kind: 'word'; text: string } | { kind: 'op'; text: string };

const OPERATORS = ['&&', '||', '>>', ';', '|', '>', '<'] as const;

export function parseLine(line: string): ParseResult {
  const tokens = tokenize(line);
  if (!tokens.ok) return tokens;
  const pipelines: Pipeline[] = [];
  let commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirects: [] };
  const list = tokens.tokens;
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    if (token.kind === 'word') {
      current.words.push(token.text);
      continue;
    }
    if (token.text === '>' || token.text === '>>' || token.text === '<') {
      const target = list[i + 1];
      if (!target || target.kind !== 'word') return unexpected(target?.text ?? 'newline');
      current.redirects.push({ op: token.text, target: target.text });
      i++;
      continue;
    }
    if (current.words.length === 0 && current.redirects.length === 0) return unexpected(token.text);
    commands.push(current);
    current = { words: [], redirects: [] };
    if (token.text !== '|') {
      pipelines.push({ commands, then: token.text as Pipeline['then'] });
      commands = [];
    }
  }
  if (current.words.length > 0 || current.redirects.length > 0) commands.push(current);
  else if (commands.length > 0) return unexpected('newline');
  if (commands.length > 0) pipelines.push({ commands, then: null });
  return { ok: true, pipelines };
}

function unexpected(token: string): ParseResult {
  return { ok: false, message: `bash: syntax error near unexpected token \`${token}'` };
}

function tokenize(line: string): { ok: true; tokens: Token[] } | { ok: false; message: string } {
  const tokens: Token[] = [];
  let word: string | null = null;
  let i = 0;
  const endWord = () => {
    if (word !== null) tokens.push({ kind: 'word', text: word });
    word = null;
  };
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
    } else if (ch === '#' && word === null) {
      break;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return eof("'");
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '$' && line[i + 1] === "'") {
      const read = readAnsiC(line, i + 2);
      if (!read) return eof("'");
      word = (word ?? '') + read.text;
      i = read.end;
    } else if (ch === '"') {
      const read = readDoubleQuoted(line, i + 1);
      if (!read) return eof('"');
      word = (word ?? '') + read.text;
      i = read.end;
    } else if (ch === '\\') {
      word = (word ?? '') + (line[i + 1] ?? '');
      i += 2;
    } else {
      const op = OPERATORS.find((o) => line.startsWith(o, i));
      if (op) {
        endWord();
        tokens.push({ kind: 'op', text: op });
        i += op.length;
      } else {
        word = (word ?? '') + ch;
        i++;
      }
    }
  }
  endWord();
  return { ok: true, tokens };
}

function eof(quote: string): { ok: false; message: string } {
  return { ok: false, message: `bash: unexpected EOF while looking for matching \`${quote}'` };
}

function readDoubleQuoted(line: string, start: number): { text: string; end: number } | null {
  let text = '';
  for (let i = start; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') return { text, end: i + 1 };
    if (ch === '\\' && '"\\$`'.includes(line[i + 1] ?? '')) {
      text += line[i + 1];
      i++;
    } else text += ch;
  }
  return null;
}

/** bash's $'…': backslash escapes become the bytes they name (one char per byte, 0–255). */
function readAnsiC(line: string, start: number): { text: string; end: number } | null {
  let text = '';
  for (let i = start; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") return { text, end: i + 1 };
    if (ch !== '\\') {
      text += ch;
      continue;
    }
    const escaped = readEscape(line, i + 1);
    text += escaped.text;
    i = escaped.end - 1;
  }
  return null;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * One backslash escape as printf, `echo -e` and $'…' read it: \xHH (one or two hex digits), \NNN octal
 * (up to three digits, `\0NNN` for echo), and the letters above. An unknown escape stays as typed.
 */
export function readEscape(text: string, at: number, octalLead = false): { text: string; end: number } {
  const ch = text[at] ?? '';
  if (ch === 'x') {
    const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(at + 1));
    if (!hex) return { text: '\\x', end: at + 1 };
    return { text: String.fromCharCode(parseInt(hex[0], 16)), end: at + 1 + hex[0].length };
  }
  if (/[0-7]/.test(ch)) {
    const from = octalLead && ch === '0' ? at + 1 : at;
    const digits = /^[0-7]{1,3}/.exec(text.slice(from))?.[0] ?? '';
    return { text: String.fromCharCode(parseInt(digits || '0', 8) & 0xff), end: from + digits.length };
  }
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return { text: simple, end: at + 1 };
  return { text: `\\${ch}`, end: at + 1 };
}
