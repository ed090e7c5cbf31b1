// A saved stick that cannot be loaded — another version, a damaged document — is refused with a message
// naming the problem, and never half-loaded: restore answers an outcome and never throws.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stick } from '../../../src/model/stick/Stick';
import { bootedStick, KIB, makeStick, MIB } from './makeStick';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A running 2012 stick with something in every store, as a plain JSON value. */
function savedRunningStick(): { [key: string]: Json } {
  const stick = bootedStick({ homeEncrypted: true });
  stick.moveToRam('/var/log/audit');
  stick.writeFile('/var/lib/photo.jpg', 1 * MIB);
  stick.writeFile('/home/liveuser/lost.odt', 8 * KIB);
  stick.unlockHome('sugar');
  stick.writeFile('/home/liveuser/essay.odt', 8 * KIB, { sync: false });
  stick.writeFile('/tmp/scratch', 8 * KIB);
  return JSON.parse(JSON.stringify(stick.save())) as { [key: string]: Json };
}

const RUNNING = savedRunningStick();
const OFF = JSON.parse(JSON.stringify(makeStick({ era: 'fedora-today', overlayMib: null }).save())) as {
  [key: string]: Json;
};

/** A running 2012 stick formatted ext4, with sparse images, swap.img and a file on the stick itself. */
function savedExt4Stick(): { [key: string]: Json } {
  const stick = bootedStick({ deviceFilesystem: 'ext4', swapMib: 4 });
  stick.writeFile('/var/lib/photo.jpg', 256 * KIB);
  stick.writeFile('/mnt/live/notes.txt', 5 * KIB);
  return JSON.parse(JSON.stringify(stick.save())) as { [key: string]: Json };
}

const EXT4 = savedExt4Stick();

function copy<T>(value: T): T {
  return structuredClone(value);
}

describe('restoring a document it cannot load', () => {
  it('refuses one saved by a newer Cellar', () => {
    const doc = { ...copy(RUNNING), schema: 'cellar-stick/v3' };
    expect(Stick.restore(doc)).toEqual({
      ok: false,
      code: 'newer-version',
      message:
        'This stick was saved by a newer Cellar (cellar-stick/v3); this Cellar reads cellar-stick/v1 to cellar-stick/v2.',
    });
  });

  it('refuses one in an older format', () => {
    expect(Stick.restore({ ...copy(RUNNING), schema: 'cellar-stick/v0' })).toEqual({
      ok: false,
      code: 'older-version',
      message:
        'This stick was saved in an older format (cellar-stick/v0) that this Cellar no longer reads; it reads cellar-stick/v1 to cellar-stick/v2.',
    });
  });

  it('refuses what is not a saved stick', () => {
    const notAStick = {
      ok: false,
      code: 'not-a-stick',
      message:
        'This is not a saved Cellar stick: a stick document is a JSON object whose schema is "cellar-stick/v2".',
    };
    expect(Stick.restore({})).toEqual(notAStick);
    expect(Stick.restore(null)).toEqual(notAStick);
    expect(Stick.restore([RUNNING])).toEqual(notAStick);
    expect(Stick.restore({ schema: 'cellar-scenario/v1' })).toEqual(notAStick);
  });

  it('refuses a truncated document: cut JSON text, or a missing part', () => {
    const text = JSON.stringify(RUNNING);
    expect(Stick.restore(text.slice(0, text.length / 2))).toEqual({
      ok: false,
      code: 'damaged',
      message: 'The saved stick is damaged: it is not complete JSON.',
    });
    const withoutSystem = copy(RUNNING);
    delete withoutSystem.system;
    expect(Stick.restore(withoutSystem)).toEqual({
      ok: false,
      code: 'damaged',
      message: 'The saved stick is damaged: system is missing.',
    });
  });

  it('refuses a COW page that is not base64', () => {
    const doc = copy(RUNNING) as { overlay: { pages: [number, string][] } };
    doc.overlay.pages[1]![1] = 'not base64!';
    expect(Stick.restore(doc)).toEqual({
      ok: false,
      code: 'damaged',
      message: 'The saved stick is damaged: overlay.pages[1][1] is not base64.',
    });
  });

  it('refuses sizes that contradict each other', () => {
    const overlay = copy(RUNNING) as { overlay: { sizeSectors: number } };
    overlay.overlay.sizeSectors += 8;
    expect(Stick.restore(overlay)).toMatchObject({
      code: 'damaged',
      message:
        'The saved stick is damaged: overlay.sizeSectors does not match the overlay file on the stick (33554432 bytes).',
    });
    const usage = copy(RUNNING) as { system: { liveRw: { usage: { sectorsAllocated: number } } } };
    const allocated = usage.system.liveRw.usage.sectorsAllocated;
    usage.system.liveRw.usage.sectorsAllocated += 8;
    expect(Stick.restore(usage)).toMatchObject({
      message: `The saved stick is damaged: system.liveRw.usage says ${allocated + 8} sectors are allocated, but the COW's pages hold ${allocated}.`,
    });
  });

  it('refuses a wrong type deep inside a filesystem, naming where', () => {
    const doc = copy(RUNNING) as { home: { fs: { inodes: { sizeBytes: unknown }[] } } };
    doc.home.fs.inodes[3]!.sizeBytes = '12';
    expect(Stick.restore(doc)).toMatchObject({
      message: 'The saved stick is damaged: home.fs.inodes[3].sizeBytes is not a whole number.',
    });
  });
});

/** Every place in a JSON value, as the keys and indices that lead to it. */
function placesIn(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => placesIn(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) placesIn(item, [...at, key], out);
  }
  return out;
}

const REPLACEMENTS: Json[] = [null, 0, -1, 1.5, 'text', true, [], {}, [0, 'x'], { a: 1 }];

/** The document with the value at `place` dropped (an object's key, a list's item) or replaced. */
function mutate(doc: Json, place: (string | number)[], replacement: Json | 'drop'): Json {
  const out = copy(doc);
  if (place.length === 0) return replacement === 'drop' ? null : replacement;
  let parent = out as Json;
  for (const key of place.slice(0, -1)) parent = (parent as Record<string, Json>)[key]!;
  const last = place.at(-1)!;
  if (replacement !== 'drop') (parent as Record<string | number, Json>)[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete (parent as Record<string, Json>)[last];
  return out;
}

describe('restoring a mutated document', () => {
  for (const [name, doc] of [
    ['a running stick', RUNNING],
    ['a stick that is off', OFF],
    ['a running stick formatted ext4', EXT4],
  ] as const) {
    const places = placesIn(doc);
    it(`answers an outcome and never throws, whatever is dropped or retyped (${name})`, () => {
      fc.assert(
        fc.property(
          fc.nat(places.length - 1),
          fc.oneof(fc.constant('drop' as const), fc.constantFrom(...REPLACEMENTS)),
          (index, replacement) => {
            const mutated = mutate(doc, places[index]!, replacement);
            const restored = Stick.restore(mutated);
            if (!restored.ok) {
              expect(restored.code).toMatch(/^(damaged|not-a-stick|older-version|newer-version)$/);
              expect(restored.message).not.toBe('');
              return;
            }
            // What loads must also work: a few operations, and a save that loads again.
            const stick = restored.stick;
            if (stick.power === 'off') stick.boot();
            stick.writeFile('/var/lib/after', 20 * KIB);
            stick.writeFile('/home/liveuser/after', 20 * KIB);
            stick.usage();
            stick.reboot();
            expect(Stick.restore(JSON.parse(JSON.stringify(stick.save())) as unknown).ok).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
