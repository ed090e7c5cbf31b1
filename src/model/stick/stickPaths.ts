// The paths a learner gives the stick: absolute, as the kernel walks them (`.` skipped, `..` steps up),
// with Linux's own limits on a name. A relative path has no meaning without a working folder, so it is
// refused (EINVAL) rather than guessed.

import { checkLinuxName } from '../store/names';
import { joinPath, splitPath } from '../store/paths';
import { failed, type VolumeResult } from './stickOutcome';

/** The absolute path in its plain form ('/a/b'), or why it is not one. */
export function normalizePath(path: string): VolumeResult<string> {
  if (typeof path !== 'string' || !path.startsWith('/')) return failed('EINVAL');
  const names = splitPath(path);
  for (const name of names) {
    const bad = checkLinuxName(name);
    if (bad) return failed(bad.error === 'ENAMETOOLONG' ? 'ENAMETOOLONG' : 'EINVAL');
  }
  return { ok: true, value: joinPath(names) };
}

/** The folder holding a path ('/' for a name at the top). */
export function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

/** True when `path` is `folder` itself or lies below it. */
export function isWithin(path: string, folder: string): boolean {
  return folder === '/' || path === folder || path.startsWith(`${folder}/`);
}

/** The path as seen from inside a filesystem mounted at `mountPoint`. */
export function pathInside(path: string, mountPoint: string): string {
  if (mountPoint === '/') return path;
  const rest = path.slice(mountPoint.length);
  return rest === '' ? '/' : rest;
}
