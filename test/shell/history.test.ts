// The arrow keys' walk through the history.

import { describe, expect, it } from 'vitest';
import { freshPosition, stepHistory } from '../../src/shell/history';

const ENTRIES = ['dmsetup status', 'df -h', 'ls /'];

describe('walking the history', () => {
  it('goes back one line per Up and stops at the oldest', () => {
    let position = freshPosition(ENTRIES);
    const shown: string[] = [];
    for (let i = 0; i < 4; i++) {
      const step = stepHistory(ENTRIES, position, shown.at(-1) ?? '', 'up');
      position = step.position;
      shown.push(step.line);
    }
    expect(shown).toEqual(['ls /', 'df -h', 'dmsetup status', 'dmsetup status']);
  });

  it('gives back the half-typed line when coming down past the newest', () => {
    const up = stepHistory(ENTRIES, freshPosition(ENTRIES), 'losetup -', 'up');
    expect(up.line).toBe('ls /');
    const down = stepHistory(ENTRIES, up.position, up.line, 'down');
    expect(down.line).toBe('losetup -');
    expect(stepHistory(ENTRIES, down.position, down.line, 'down').line).toBe('losetup -');
  });

  it('changes nothing without a history', () => {
    expect(stepHistory([], freshPosition([]), 'ls', 'up').line).toBe('ls');
  });
});
