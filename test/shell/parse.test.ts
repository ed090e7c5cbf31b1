// The line parser: quoting as bash reads it (the wiki's `echo $'\x01'` and the lab's `printf '\x01'`),
// redirections, pipes and lists, and bash's own syntax errors.

import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/shell/parse';

function words(line: string): string[][] {
  const parsed = parseLine(line);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pipelines.flatMap((p) => p.commands.map((c) => c.words));
}

describe('words and quotes', () => {
  it('splits on blanks and keeps quoted blanks', () => {
    expect(words(`dmsetup create rec --table "0 131072 snapshot 7:1 7:2 P 8"`)).toEqual([
      ['dmsetup', 'create', 'rec', '--table', '0 131072 snapshot 7:1 7:2 P 8'],
    ]);
  });

  it("keeps backslashes inside single quotes for printf to read: printf '\\x01'", () => {
    expect(words(`printf '\\x01'`)).toEqual([['printf', '\\x01']]);
  });

  it("turns $'\\x01' into the byte itself, as bash does", () => {
    expect(words(`echo $'\\x01'`)).toEqual([['echo', '\x01']]);
  });

  it('reads a backslash outside quotes as escaping the next character, and drops comments', () => {
    expect(words('ls my\\ file # a comment')).toEqual([['ls', 'my file']]);
  });
});

describe('pipes, lists and redirections', () => {
  it('joins commands with | into one pipeline and lists with ; && ||', () => {
    const parsed = parseLine(`printf '\\x01' | dd of=o bs=1 seek=4 conv=notrunc && echo ok; echo done`);
    expect(parsed).toMatchObject({
      ok: true,
      pipelines: [
        {
          commands: [
            { words: ['printf', '\\x01'] },
            { words: ['dd', 'of=o', 'bs=1', 'seek=4', 'conv=notrunc'] },
          ],
          then: '&&',
        },
        { commands: [{ words: ['echo', 'ok'] }], then: ';' },
        { commands: [{ words: ['echo', 'done'] }], then: null },
      ],
    });
  });

  it('takes > >> and < with their targets out of the words', () => {
    expect(parseLine('echo hi >> /tmp/a < /tmp/b')).toEqual({
      ok: true,
      pipelines: [
        {
          commands: [
            {
              words: ['echo', 'hi'],
              redirects: [
                { op: '>>', target: '/tmp/a' },
                { op: '<', target: '/tmp/b' },
              ],
            },
          ],
          then: null,
        },
      ],
    });
  });
});

describe("bash's syntax errors", () => {
  it.each([
    ["echo 'open", "bash: unexpected EOF while looking for matching `''"],
    ['echo "open', 'bash: unexpected EOF while looking for matching `"\''],
    ['echo >', "bash: syntax error near unexpected token `newline'"],
    ['| ls', "bash: syntax error near unexpected token `|'"],
    ['ls |', "bash: syntax error near unexpected token `newline'"],
  ])('%s', (line, message) => {
    expect(parseLine(line)).toEqual({ ok: false, message });
  });
});
