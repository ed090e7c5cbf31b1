// `echo` (bash's builtin): its words joined by spaces and a newline; -n leaves the newline out, -e reads
// backslash escapes (\x01, \n…).

import { msg, str } from '@lit/localize';
import { readEscape } from '../parse';
import { type ShellCommand } from '../types';
import { bytesResult } from './bytesResult';

export const echo: ShellCommand = {
  name: 'echo',
  get summary() {
    // `>` as a value: lit-localize 0.8 would write it into the translations as a visible &gt; (lit#3025).
    return msg(str`Prints words. With ${'>'} it writes them into a file.`);
  },
  changesModel: false,
  run({ args }) {
    let newline = true;
    let escapes = false;
    let first = 0;
    while (first < args.length && /^-[neE]+$/.test(args[first]!)) {
      for (const flag of args[first]!.slice(1)) {
        if (flag === 'n') newline = false;
        else escapes = flag === 'e';
      }
      first++;
    }
    let text = args.slice(first).join(' ');
    if (escapes) text = expandEscapes(text, true);
    return bytesResult(newline ? `${text}\n` : text);
  },
};

/** Backslash escapes as `echo -e` and printf's format read them. */
export function expandEscapes(text: string, echoOctal: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\' || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const escaped = readEscape(text, i + 1, echoOctal);
    out += escaped.text;
    i = escaped.end - 1;
  }
  return out;
}
