// `printf` (bash's builtin): the format with its escapes (\x01…), %s, %d, %b and %% filled from the
// arguments; the format is reused while arguments are left, as bash does.

import { msg } from '@lit/localize';
import { fail, type ShellCommand } from '../types';
import { bytesResult } from './bytesResult';
import { expandEscapes } from './echo';

export const printf: ShellCommand = {
  name: 'printf',
  get summary() {
    return msg("Prints exactly what you give it, even special bytes like '\\x01'.");
  },
  changesModel: false,
  run({ args }) {
    const [format, ...values] = args;
    if (format === undefined) return fail(2, ['printf: usage: printf [-v var] format [arguments]']);
    let out = '';
    let next = 0;
    const stderr: string[] = [];
    do {
      const start = next;
      out += fill(format, () => values[next++], stderr);
      if (next === start) break;
    } while (next < values.length);
    return bytesResult(out, stderr.length > 0 ? 1 : 0, stderr);
  },
};

function fill(format: string, take: () => string | undefined, stderr: string[]): string {
  return format.replace(
    /%([%sdbc])|\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g,
    (whole, conversion: string | undefined) => {
      if (conversion === undefined) return expandEscapes(whole, false);
      if (conversion === '%') return '%';
      const value = take() ?? '';
      if (conversion === 'd') {
        if (value === '') return '0';
        if (!/^[-+]?\d+$/.test(value)) {
          stderr.push(`bash: printf: ${value}: invalid number`);
          return '0';
        }
        return String(Number(value));
      }
      if (conversion === 'b') return expandEscapes(value, true);
      if (conversion === 'c') return value.slice(0, 1);
      return value;
    },
  );
}
