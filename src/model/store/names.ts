// Checks on one name that every Linux filesystem shares: no NUL, at most NAME_MAX (255) bytes of UTF-8.

import { NAME_MAX } from './paths';
import { fail, type StoreFailure } from './storeTypes';

/** Bytes a name takes in UTF-8, as the kernel counts it against NAME_MAX. */
export function utf8Length(name: string): number {
  let bytes = 0;
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** EINVAL for a NUL (no C path can hold one), ENAMETOOLONG past 255 bytes; null when the name is fine. */
export function checkLinuxName(name: string): StoreFailure | null {
  if (name.includes('\0')) return fail('EINVAL');
  if (utf8Length(name) > NAME_MAX) return fail('ENAMETOOLONG');
  return null;
}
