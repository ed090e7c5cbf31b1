// Bad input never throws: any line made of the tools' names, their options, paths and odd words answers
// with lines and an exit status, on the running stick, an overflowed one and the rescue machine.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/shell/commandTable';
import { Shell } from '../../src/shell/Shell';
import { bootedStick, makeStick, MIB } from '../model/stick/makeStick';

const WORDS = [
  ...COMMANDS.map((c) => c.name),
  '-f',
  '-y',
  '-p',
  '-n',
  '-r',
  '-d',
  '-a',
  '--show',
  '-h',
  '-l',
  '-s',
  '--getsz',
  '--table',
  '--readonly',
  'status',
  'table',
  'ls',
  'info',
  'create',
  'remove',
  'x',
  '/',
  '/tmp',
  '/root',
  '/mnt',
  '/mnt/live',
  '/media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19',
  '/media/LIVE/LiveOS/squashfs.img',
  '/dev/loop0',
  '/dev/loop1',
  '/dev/loop9',
  '/dev/mapper/x',
  '/dev/mapper/live-rw',
  'of=/tmp/f',
  'if=/dev/zero',
  'bs=1',
  'bs=1M',
  'count=2',
  'seek=4',
  'skip=3',
  'conv=notrunc',
  'oflag=append',
  '"0 8 snapshot 7:0 7:1 P 8"',
  "'\\x01'",
  '|',
  '>',
  '>>',
  '&&',
  ';',
  '"',
  "'",
  "$'\\x0",
  'bs=0',
  'count=-1',
  '',
];

function shells(): Shell[] {
  const overflowed = bootedStick({ overlayMib: 8 });
  overflowed.writeFile('/fill', 16 * MIB);
  return [new Shell(bootedStick()), new Shell(overflowed), new Shell(makeStick())];
}

describe('the terminal and odd lines', () => {
  it('answers every line without throwing', () => {
    const sessions = shells();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 7 }), fc.nat(2), (words, which) => {
        const result = sessions[which]!.run(words.join(' '));
        expect(Number.isInteger(result.exitCode)).toBe(true);
        for (const line of result.lines) expect(typeof line.text).toBe('string');
      }),
      { numRuns: 400, seed: 4 },
    );
  });
});
