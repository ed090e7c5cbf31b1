// Reading a saved store document that may be damaged: each reader checks one value and, when it is not
// what the document promises, throws a ModelError that names the field, so a store is never half-loaded.

import { ModelError } from '../errors';
import { isWholeNumber } from '../units';

export function damaged(what: string, problem: string): ModelError {
  return new ModelError('EINVAL', `the saved ${what} is damaged: ${problem}`);
}

export function readRecord(value: unknown, what: string, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw damaged(what, `${field} is not an object`);
  }
  return value as Record<string, unknown>;
}

export function readWhole(value: unknown, what: string, field: string): number {
  if (!isWholeNumber(value)) throw damaged(what, `${field} is not a whole number`);
  return value;
}

export function readString(value: unknown, what: string, field: string): string {
  if (typeof value !== 'string') throw damaged(what, `${field} is not text`);
  return value;
}

export function readArray(value: unknown, what: string, field: string): unknown[] {
  if (!Array.isArray(value)) throw damaged(what, `${field} is not a list`);
  return value;
}

/**
 * Checks the document's `kind` and `version`: a newer version is refused by name (a later Cellar wrote it),
 * anything else that is not the one version this Cellar writes is damage.
 */
export function readHeader(
  state: unknown,
  what: string,
  kind: string,
  version: number,
): Record<string, unknown> {
  const doc = readRecord(state, what, 'the document');
  if (doc.kind !== kind) throw damaged(what, `it is not a ${kind} document`);
  if (typeof doc.version === 'number' && Number.isSafeInteger(doc.version) && doc.version > version) {
    throw new ModelError(
      'EINVAL',
      `the saved ${what} is version ${String(doc.version)}, newer than this Cellar reads (${String(version)})`,
    );
  }
  if (doc.version !== version) throw damaged(what, 'its version is missing or unknown');
  return doc;
}
