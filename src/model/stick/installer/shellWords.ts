// Splits one typed command line into words the way bash would for a simple command: quotes,
// backslashes and '\'-newline continuations (the wiki suggests them for long lines). Anything that
// would make bash do more than run one command (pipes, variables, globs) is refused by name.

import { CommandLineError } from './CommandLineError';

const SEPARATORS = new Set([' ', '\t', '\n', '\r']);
const OPERATORS: Record<string, string> = {
  '|': 'a pipe',
  '&': 'a background or "and" operator',
  ';': 'a command separator',
  '<': 'a redirection',
  '>': 'a redirection',
  '(': 'a subshell',
  ')': 'a subshell',
  '`': 'a command substitution',
  $: 'a variable or substitution',
};
const GLOB = new Set(['*', '?', '[']);

function unclosed(quote: string, from: string): CommandLineError {
  const word = from.split(/[ \t\n]/)[0] ?? from;
  return new CommandLineError(
    'unreadable',
    word,
    `The ${quote === "'" ? 'single' : 'double'} quote at ${word} is never closed; add the closing ${quote}.`,
  );
}

/** The words of `line`, after dropping a leading '$ ' or '# ' prompt copied along with a command. */
export function shellWords(line: string): string[] {
  const text = line.replace(/^[ \t]*[$#][ \t]+/, '');
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let globbed = false;
  let nbsp = false;
  const finish = (): void => {
    if (!inWord) return;
    if (globbed) {
      throw new CommandLineError(
        'glob',
        current,
        `'${current}' has a wildcard (* ? or [) that the shell would replace with matching names. ` +
          `The wiki writes /dev/sd?1 to mean "your stick's letter": type the real name, such as /dev/sdb1.`,
      );
    }
    if (nbsp) {
      throw new CommandLineError(
        'unreadable',
        current,
        `'${current.replace(/\u00a0/g, ' ')}' contains a non-breaking space, often copied from a web page; ` +
          'the shell does not split words there. Retype it as an ordinary space.',
      );
    }
    words.push(current);
    current = '';
    inWord = false;
    globbed = false;
    nbsp = false;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) {
        i++;
      } else if (next === '\n') {
        i += 2;
      } else if (next === '\r' && text[i + 2] === '\n') {
        i += 3;
      } else {
        current += next;
        inWord = true;
        i += 2;
      }
      continue;
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw unclosed("'", text.slice(i));
      current += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const c = text[j];
        if (c === '"') {
          closed = true;
          break;
        }
        if (c === '$' || c === '`') {
          throw new CommandLineError(
            'shell-syntax',
            c,
            `'${c}' inside double quotes asks the shell for ${OPERATORS[c]}; Cellar reads the command as typed, so type the value itself.`,
          );
        }
        if (c === '\\' && j + 1 < text.length && '$`"\\\n'.includes(text[j + 1])) {
          if (text[j + 1] !== '\n') current += text[j + 1];
          j += 2;
          continue;
        }
        current += c;
        j++;
      }
      if (!closed) throw unclosed('"', text.slice(i));
      inWord = true;
      i = j + 1;
      continue;
    }
    if (SEPARATORS.has(ch)) {
      finish();
      i++;
      continue;
    }
    if (ch === '#' && !inWord) break;
    if (Object.hasOwn(OPERATORS, ch)) {
      throw new CommandLineError(
        'shell-syntax',
        ch,
        `'${ch}' is ${OPERATORS[ch]} in the shell; Cellar plans one livecd-iso-to-disk command, typed on its own.`,
      );
    }
    if (GLOB.has(ch)) globbed = true;
    if (ch === '\u00a0') nbsp = true;
    current += ch;
    inWord = true;
    i++;
  }
  finish();
  return words;
}
