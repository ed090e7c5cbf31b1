// Reading a saved document that may be damaged (a stick, a filesystem): each reader checks one value and,
// when it is not what the document promises, throws a DocumentProblem naming where it is
// (`system.mounts[2].fsType is not one of ext4, tmpfs, vfat`). The caller catches it at its boundary and
// answers an outcome, so nothing is ever half-loaded.

import { base64ToBytes } from './block/base64';
import { isWholeNumber } from './units';

export class DocumentProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentProblem';
  }
}

export function problem(path: string, what: string): DocumentProblem {
  return new DocumentProblem(`${path} ${what}`);
}

function present(value: unknown, path: string): void {
  if (value === undefined) throw problem(path, 'is missing');
}

export function readObject(value: unknown, path: string): Record<string, unknown> {
  present(value, path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw problem(path, 'is not an object');
  }
  return value as Record<string, unknown>;
}

export function readWhole(value: unknown, path: string): number {
  present(value, path);
  if (!isWholeNumber(value)) throw problem(path, 'is not a whole number');
  return value;
}

/** A time or other number that may be any finite value. */
export function readFinite(value: unknown, path: string): number {
  present(value, path);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw problem(path, 'is not a number');
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  present(value, path);
  if (typeof value !== 'boolean') throw problem(path, 'is not true or false');
  return value;
}

export function readText(value: unknown, path: string): string {
  present(value, path);
  if (typeof value !== 'string') throw problem(path, 'is not text');
  return value;
}

export function readList(value: unknown, path: string): unknown[] {
  present(value, path);
  if (!Array.isArray(value)) throw problem(path, 'is not a list');
  return value;
}

export function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  present(value, path);
  if (!choices.includes(value as T)) throw problem(path, `is not one of ${choices.join(', ')}`);
  return value as T;
}

/** null, or what `read` makes of the value. */
export function readNullable<T>(
  value: unknown,
  path: string,
  read: (value: unknown, path: string) => T,
): T | null {
  present(value, path);
  return value === null ? null : read(value, path);
}

/** A list of whole-number tuples of `length` (runs like [first, count]). */
export function readWholeTuples(value: unknown, path: string, length: number): number[][] {
  return readList(value, path).map((item, index) => {
    const at = `${path}[${String(index)}]`;
    const tuple = readList(item, at);
    if (tuple.length !== length) throw problem(at, `is not a list of ${String(length)} numbers`);
    return tuple.map((n, i) => readWhole(n, `${at}[${String(i)}]`));
  });
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes written as base64 text; a text that is not base64 is a problem, never an exception from atob. */
export function readBase64(value: unknown, path: string): Uint8Array {
  const text = readText(value, path);
  if (!BASE64.test(text)) throw problem(path, 'is not base64');
  return base64ToBytes(text);
}
