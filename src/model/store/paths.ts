// Paths inside one store, as the kernel walks them: `/` separates names, empty names and `.` are skipped,
// and `..` steps up (at the top it stays at the top). A store's paths start at its own root, so `/tmp/a`
// on the /tmp tmpfs is `/a`.

/** The names along a path; `[]` for the store's root. */
export function splitPath(path: string): string[] {
  const names: string[] = [];
  for (const name of path.split('/')) {
    if (name === '' || name === '.') continue;
    if (name === '..') names.pop();
    else names.push(name);
  }
  return names;
}

export function joinPath(names: readonly string[]): string {
  return '/' + names.join('/');
}

/** The longest name Linux accepts (NAME_MAX), in the units a filesystem counts them. */
export const NAME_MAX = 255;
