// Tab completion: the first word of a command from the tools' names, any other word from the files the
// machine has (a folder gets a '/', a single file a space); `of=`/`if=` words complete after the '='.
// When several names fit, the word grows to what they share and the names are given to show, as bash
// shows them on a second Tab.

import type { Entry } from './machine';
import { resolvePath } from './paths';

export interface CompletionSources {
  commands: readonly string[];
  /** A folder's entries, or null when it is not a folder. */
  list(folder: string): readonly Entry[] | null;
  cwd: string;
  home: string;
}

export interface Completion {
  line: string;
  /** The names that fit when more than one does (empty otherwise). */
  candidates: string[];
}

export function complete(line: string, sources: CompletionSources): Completion {
  const start = line.search(/\S*$/);
  const word = line.slice(start);
  const before = line.slice(0, start);
  const lead = before.trimEnd();
  if (lead === '' || /(\||;|&&)$/.test(lead)) {
    return finish(
      before,
      word,
      sources.commands.map((name) => ({ name, folder: false })),
    );
  }
  const key = /^[a-z]+=/.exec(word)?.[0] ?? '';
  const path = word.slice(key.length);
  const slash = path.lastIndexOf('/');
  const folderPart = slash >= 0 ? path.slice(0, slash + 1) : '';
  const folder = resolvePath(sources.cwd, folderPart === '' ? '.' : folderPart, sources.home);
  const entries = sources.list(folder) ?? [];
  return finish(
    before + key + folderPart,
    path.slice(slash + 1),
    entries.map((e) => ({ name: e.name, folder: e.kind === 'dir' })),
  );
}

function finish(head: string, prefix: string, names: { name: string; folder: boolean }[]): Completion {
  const fits = names.filter((n) => n.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (fits.length === 0) return { line: head + prefix, candidates: [] };
  if (fits.length === 1) {
    const only = fits[0]!;
    return { line: head + only.name + (only.folder ? '/' : ' '), candidates: [] };
  }
  return { line: head + sharedPrefix(fits.map((f) => f.name)), candidates: fits.map((f) => f.name) };
}

function sharedPrefix(names: string[]): string {
  let shared = names[0]!;
  for (const name of names) while (!name.startsWith(shared)) shared = shared.slice(0, -1);
  return shared;
}
