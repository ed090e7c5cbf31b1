// The saved activity, cellar-activity/v1: written, read back exactly, and refused (never thrown) when damaged.
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_SCHEMA,
  readActivityDocument,
  writeActivityDocument,
} from '../../src/sugar/activityDocument';
import { bootedStick, makeStick } from '../model/stick/makeStick';

describe('writeActivityDocument', () => {
  it('wraps the stick document with the schema, the mode and the progress', () => {
    const stick = makeStick();
    const document = JSON.parse(writeActivityDocument({ mode: 'lessons', stick, progress: { step: 3 } }));
    expect(document).toEqual({
      schema: ACTIVITY_SCHEMA,
      mode: 'lessons',
      stick: stick.save(),
      progress: { step: 3 },
    });
  });

  it('leaves progress out when there is none', () => {
    expect(JSON.parse(writeActivityDocument({ mode: 'free', stick: makeStick() }))).not.toHaveProperty(
      'progress',
    );
  });
});

describe('readActivityDocument', () => {
  it('gives back the usage samples as they were written', () => {
    const samples = [
      { timeMs: 0, step: 0 },
      { timeMs: 5000, step: 1 },
    ];
    const read = readActivityDocument(
      writeActivityDocument({ mode: 'sandbox', stick: makeStick(), samples }),
    );
    expect(read.ok && read.state.samples).toEqual(samples);
  });

  it('gives back the ledger document as it was written', () => {
    const ledger = { format: 'any', runs: [[1, 2, 3]] };
    const read = readActivityDocument(writeActivityDocument({ mode: 'sandbox', stick: makeStick(), ledger }));
    expect(read.ok && read.state.ledger).toEqual(ledger);
  });

  it('gives back a running stick exactly as it was saved, with its mode and progress', () => {
    const stick = bootedStick();
    stick.writeFile('/home/liveuser/notes.txt', 4096);
    const read = readActivityDocument(writeActivityDocument({ mode: 'lessons', stick, progress: ['a', 1] }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.state.mode).toBe('lessons');
    expect(read.state.progress).toEqual(['a', 1]);
    expect(read.state.stick.power).toBe('running');
    expect(read.state.stick.save()).toEqual(stick.save());
  });

  it.each([
    ['text that is not JSON', '{"schema": "cellar-activity/v1", ', 'not-json'],
    ['an empty text', '', 'not-json'],
    ['JSON that is not an object', '[1, 2]', 'not-cellar'],
    ['null', 'null', 'not-cellar'],
    ["another program's document", '{"schema": "paint/v1"}', 'not-cellar'],
    ['a document without a schema', '{"mode": "free"}', 'not-cellar'],
    ['a later version', '{"schema": "cellar-activity/v2", "mode": "free", "stick": {}}', 'other-version'],
    ['a document without a mode', `{"schema": "${ACTIVITY_SCHEMA}", "stick": {}}`, 'bad-mode'],
    [
      'a damaged stick',
      `{"schema": "${ACTIVITY_SCHEMA}", "mode": "free", "stick": {"schema": "cellar-stick/v2"}}`,
      'stick-refused',
    ],
    ['no stick at all', `{"schema": "${ACTIVITY_SCHEMA}", "mode": "free"}`, 'stick-refused'],
  ])('refuses %s (%s → %s)', (_what, text, code) => {
    const read = readActivityDocument(text);
    expect(read).toMatchObject({ ok: false, code });
    expect(!read.ok && read.message.length).toBeGreaterThan(10);
  });

  it('refuses a stick document cut short', () => {
    const text = writeActivityDocument({ mode: 'free', stick: bootedStick() });
    const document = JSON.parse(text);
    delete document.stick.device;
    expect(readActivityDocument(JSON.stringify(document))).toMatchObject({
      ok: false,
      code: 'stick-refused',
    });
  });
});
