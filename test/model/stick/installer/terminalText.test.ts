// What a terminal shows for the script's carriage returns and backspaces.

import { describe, expect, it } from 'vitest';
import { terminalText } from '../../../../src/model/stick/installer/terminalText';

describe('terminalText', () => {
  it('overwrites from the start of the line after a carriage return', () => {
    expect(terminalText('        \r  free space')).toBe('  free space');
    expect(terminalText('abcdef\rXY')).toBe('XYcdef');
  });

  it('steps back over backspaces and drops trailing blanks', () => {
    expect(terminalText('in     seconds.\b\b\b\b\b\b\b\b\b\b\b\b14')).toBe('in 14  seconds.');
    expect(terminalText('a \nb  ')).toBe('a\nb');
  });
});
