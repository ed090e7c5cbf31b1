// How Linux vfat takes a file name, and how many 32-byte directory slots the name costs. Sources: Linux
// fs/fat/namei_vfat.c — vfat_bad_char() refuses control characters and `"*/:<>?\|` (EINVAL),
// vfat_striptail_len() drops trailing dots, a long name holds at most 255 UTF-16 units (ENAMETOOLONG);
// Documentation/filesystems/vfat.rst — `shortname=mixed`, the default since Linux 2.6.32, stores "a long
// name when the short name is not all upper case"; a long name takes one slot per 13 UTF-16 units plus
// the 8.3 slot (fatgen103, "FAT Long Directory Entries").

import { fail, type StoreFailure } from './storeTypes';

/** Bytes in one directory entry (slot). */
export const DIR_ENTRY_BYTES = 32;

/** UTF-16 units in the longest vfat name. */
export const VFAT_NAME_MAX = 255;

/** vfat_bad_char(): a character below U+0020, or one of " * / : < > ? \ | */
function hasBadChar(name: string): boolean {
  for (const char of name) {
    if (char < ' ' || '"*/:<>?\\|'.includes(char)) return true;
  }
  return false;
}
const SHORT_NAME_CHARS = /^[A-Z0-9!#$%&'()@^_`{}~-]+$/;

/** The name as vfat stores it (trailing dots dropped), or why vfat refuses it. */
export function vfatName(name: string): { ok: true; name: string } | StoreFailure {
  const stripped = name.replace(/\.+$/, '');
  if (stripped === '' || hasBadChar(stripped)) return fail('EINVAL');
  if (stripped.length > VFAT_NAME_MAX) return fail('ENAMETOOLONG');
  return { ok: true, name: stripped };
}

/** True when the name is an upper-case 8.3 name, which needs no long-name slots. */
export function isShortName(name: string): boolean {
  const dot = name.indexOf('.');
  const base = dot < 0 ? name : name.slice(0, dot);
  const ext = dot < 0 ? '' : name.slice(dot + 1);
  if (base.length < 1 || base.length > 8 || ext.length > 3) return false;
  if (dot >= 0 && (ext.length === 0 || ext.includes('.'))) return false;
  return SHORT_NAME_CHARS.test(base) && (ext === '' || SHORT_NAME_CHARS.test(ext));
}

/** Slots a name takes in its folder: 1 for an upper-case 8.3 name, else 1 + one per 13 UTF-16 units. */
export function directorySlots(name: string): number {
  return isShortName(name) ? 1 : 1 + Math.ceil(name.length / 13);
}
