// The undo history's memory: documents kept as parts that neighbours share, and the caps that let the
// oldest states go.

import { describe, expect, it } from 'vitest';
import { joinDocument, splitDocument } from '../../../src/model/session/sharedDocument';
import { UndoHistory, type SavedState } from '../../../src/model/session/undoHistory';

const CLOCK = { nowMs: 0, writers: {} };

function state(document: object, previous: SavedState | null = null): SavedState {
  return { stick: splitDocument(document, previous?.stick ?? null), ledger: '', clock: CLOCK, samples: [] };
}

describe('shared documents', () => {
  it('join gives back the document', () => {
    const document = { schema: 'x', nested: { a: [1, 2, { b: 'c' }] }, n: 3 };
    expect(joinDocument(splitDocument(document, null))).toEqual(document);
  });

  it('an unchanged part is the very string the state before kept', () => {
    const first = splitDocument({ base: 'x'.repeat(1000), root: 'a' }, null);
    const second = splitDocument({ base: 'x'.repeat(1000), root: 'b' }, first);
    expect(second.get('base')).toBe(first.get('base'));
    expect(second.get('root')).not.toBe(first.get('root'));
  });
});

describe('UndoHistory', () => {
  it('counts a part shared with the state before only once', () => {
    const history = new UndoHistory();
    const first = state({ base: 'x'.repeat(1000), root: 'a' });
    history.push(first);
    history.push(state({ base: 'x'.repeat(1000), root: 'b' }, first));
    expect(history.heldChars).toBe(1002 + 3 + 3);
  });

  it('keeps at most the steps it is allowed, dropping the oldest', () => {
    const history = new UndoHistory(3, Infinity);
    for (let i = 0; i < 5; i++) history.push(state({ i }));
    expect(history.length).toBe(3);
    expect(joinDocument(history.pop()!.stick)).toEqual({ i: 4 });
    expect(joinDocument(history.pop()!.stick)).toEqual({ i: 3 });
    expect(joinDocument(history.pop()!.stick)).toEqual({ i: 2 });
    expect(history.pop()).toBeUndefined();
  });

  it('drops the oldest states past its character cap, and the next one takes on what it shared', () => {
    const history = new UndoHistory(100, 2500);
    let previous: SavedState | null = null;
    for (let i = 0; i < 4; i++) {
      const next = state({ base: 'x'.repeat(1000), root: 'r'.repeat(500 + i) }, previous);
      history.push(next);
      previous = next;
    }
    expect(history.length).toBeLessThan(4);
    expect(history.heldChars).toBeLessThanOrEqual(2500);
    expect(history.heldChars).toBeGreaterThan(1000);
  });
});
