// Paths as the shell reads them: relative to the current folder, `~` for the home folder, `.` and `..`
// folded away.

export function resolvePath(cwd: string, path: string, home: string): string {
  const absolute =
    path === '~' || path.startsWith('~/')
      ? home + path.slice(1)
      : path.startsWith('/')
        ? path
        : `${cwd}/${path}`;
  const names: string[] = [];
  for (const name of absolute.split('/')) {
    if (name === '' || name === '.') continue;
    if (name === '..') names.pop();
    else names.push(name);
  }
  return `/${names.join('/')}`;
}
