// Loading a saved store from a document that may be damaged, random or from a newer Cellar: the answer is
// a working store or a ModelError that names the problem, never another exception and never a store
// that breaks its own rules.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/model/errors';
import { SquashfsImage } from '../../../src/model/store/SquashfsImage';
import { Tmpfs } from '../../../src/model/store/Tmpfs';
import { Vfat } from '../../../src/model/store/Vfat';

function sampleTmpfs(): unknown {
  const tmpfs = new Tmpfs({ sizeBytes: 64 * 4096 });
  tmpfs.mkdir('/yum/cache', { parents: true });
  tmpfs.write('/yum/cache/repomd.xml', 9000);
  tmpfs.truncate('/overlay', 10 * 4096);
  tmpfs.writeAt('/overlay', 5 * 4096, 100);
  return tmpfs.save();
}

function sampleVfat(): unknown {
  const vfat = new Vfat({ partitionBytes: 8 * 2 ** 20 });
  vfat.mkdir('/LiveOS');
  vfat.createFile('/LiveOS/squashfs.img', 3 * 2 ** 20);
  vfat.createFile('/LiveOS/overlay-LIVE-1234', 2 ** 20);
  vfat.createFile('/SYSLINUX.CFG', 900);
  return vfat.save();
}

function sampleSquashfs(): unknown {
  return SquashfsImage.fromRootImage({
    rootImageName: 'rootfs.img',
    rootImageBytes: 2 ** 32,
    rootImageUsedBytes: 2 ** 31,
  }).save();
}

const STORES = [
  { name: 'tmpfs', sample: sampleTmpfs, restore: (doc: unknown) => Tmpfs.restore(doc).usage() },
  { name: 'vfat', sample: sampleVfat, restore: (doc: unknown) => Vfat.restore(doc).usage() },
  { name: 'squashfs', sample: sampleSquashfs, restore: (doc: unknown) => SquashfsImage.restore(doc).usage() },
];

/** Replaces one value somewhere in a JSON document (or drops it), chosen by `pick`. */
function corrupt(doc: unknown, pick: number, replacement: unknown, drop: boolean): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  const holders: [Record<string, unknown> | unknown[], string | number][] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        holders.push([value, index]);
        visit(item);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        holders.push([value as Record<string, unknown>, key]);
        visit(item);
      }
    }
  };
  visit(copy);
  const [holder, key] = holders[pick % holders.length];
  if (drop) {
    if (Array.isArray(holder)) holder.splice(key as number, 1);
    else delete holder[key as string];
  } else if (Array.isArray(holder)) holder[key as number] = replacement;
  else holder[key as string] = replacement;
  return copy;
}

function onlyModelErrors(
  restore: (doc: unknown) => { usedBytes: number; capacityBytes: number },
  doc: unknown,
) {
  try {
    const usage = restore(doc);
    expect(usage.usedBytes).toBeLessThanOrEqual(usage.capacityBytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toMatch(/^the saved /);
  }
}

describe.each(STORES)('restoring a $name', ({ sample, restore }) => {
  it('throws nothing but a ModelError for any JSON value at all', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => onlyModelErrors(restore, doc)),
      { numRuns: 300 },
    );
  });

  it('throws nothing but a ModelError for a saved document with one value changed or dropped', () => {
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (pick, replacement, drop) => {
        onlyModelErrors(restore, corrupt(sample(), pick, replacement, drop));
      }),
      { numRuns: 1000 },
    );
  });

  it('throws nothing but a ModelError when numbers are nudged', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, 2 ** 53, -0, 1e300)),
        (pick, nudge) => {
          const doc = sample();
          const numbers: number[] = [];
          JSON.stringify(doc, (_key, value: unknown) => {
            if (typeof value === 'number') numbers.push(value);
            return value;
          });
          const target = numbers[pick % numbers.length];
          onlyModelErrors(restore, corrupt(doc, pick, target + nudge, false));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('loads the saved document it was given untouched', () => {
    expect(() => restore(JSON.parse(JSON.stringify(sample())))).not.toThrow();
  });

  it('names the problem when the document is not one at all', () => {
    expect(() => restore(null)).toThrow('the document is not an object');
    expect(() => restore({ kind: 'something else', version: 1 })).toThrow('it is not a');
  });
});
