// A tree of folders and files in memory, with no accounting: the part tmpfs, vfat and the ext4 stick
// share, with the rules of mkdir -p and rename(2) that do not depend on the store. Each store keeps its
// own data on a file (tmpfs: pages, vfat: a size, ext4: blocks) and on a folder (vfat: directory slots,
// ext4: entry bytes), and decides case: vfat looks names up without case but keeps the case they were
// made with.

import { checkLinuxName } from './names';
import { joinPath, splitPath } from './paths';
import { damaged, readArray, readRecord, readString } from './stateReader';
import {
  fail,
  ok,
  type DirEntry,
  type EntryKind,
  type FileStat,
  type StoreFailure,
  type StoreOutcome,
  type StoreResult,
} from './storeTypes';

/** What a store says of one entry: its kind, length and the space it takes there. */
export type Describe<F, D> = (node: TreeNode<F, D>) => Omit<FileStat, 'path'>;

export interface FileNode<F> {
  kind: 'file';
  name: string;
  data: F;
}

export interface DirNode<F, D> {
  kind: 'dir';
  name: string;
  data: D;
  /** Keyed by the folded name; kept in insertion order, listed in name order. */
  children: Map<string, TreeNode<F, D>>;
}

export type TreeNode<F, D> = FileNode<F> | DirNode<F, D>;

/** Where a new or existing entry would go: its folder, its name, and what is there now. */
export interface Slot<F, D> {
  ok: true;
  parent: DirNode<F, D>;
  /** The names from the root to the parent, as stored. */
  parentNames: string[];
  name: string;
  key: string;
  existing: TreeNode<F, D> | undefined;
}

/** A rename that may go ahead: where the entry is, where it goes, and what it replaces there. */
export interface RenameSlots<F, D> {
  ok: true;
  from: Slot<F, D>;
  to: Slot<F, D>;
  node: TreeNode<F, D>;
  target: TreeNode<F, D> | undefined;
}

export interface Found<F, D> {
  ok: true;
  node: TreeNode<F, D>;
  /** The path as stored (vfat keeps the case of creation). */
  path: string;
}

export class FileTree<F, D> {
  root: DirNode<F, D>;

  constructor(
    private readonly foldCase: boolean,
    rootData: D,
  ) {
    this.root = { kind: 'dir', name: '', data: rootData, children: new Map() };
  }

  /** The map key for a name: vfat folds ASCII letters only, as its default `iocharset` does. */
  keyOf(name: string): string {
    return this.foldCase ? name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : name;
  }

  /** The node at a path: ENOENT if a name is missing, ENOTDIR if a file stands where a folder must. */
  find(path: string): Found<F, D> | StoreFailure {
    let node: TreeNode<F, D> = this.root;
    const names: string[] = [];
    for (const name of splitPath(path)) {
      if (node.kind !== 'dir') return fail('ENOTDIR');
      const next: TreeNode<F, D> | undefined = node.children.get(this.keyOf(name));
      if (!next) return fail('ENOENT');
      names.push(next.name);
      node = next;
    }
    return { ok: true, node, path: joinPath(names) };
  }

  /** The folder a path's last name lives in. The root itself has no slot: EINVAL, as rename(2) of `/`. */
  slot(path: string): Slot<F, D> | StoreFailure {
    const names = splitPath(path);
    const name = names.pop();
    if (name === undefined) return fail('EINVAL');
    const parent = this.find(joinPath(names));
    if (!parent.ok) return parent;
    if (parent.node.kind !== 'dir') return fail('ENOTDIR');
    const key = this.keyOf(name);
    return {
      ok: true,
      parent: parent.node,
      parentNames: splitPath(parent.path),
      name,
      key,
      existing: parent.node.children.get(key),
    };
  }

  /** A folder's entries in name order (code-unit order, as `ls` sorts in the C locale). */
  entries(dir: DirNode<F, D>): TreeNode<F, D>[] {
    return [...dir.children.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** stat(2) of an entry looked up with `find` (or a store's own lookup), as the store describes it. */
  statOf(found: Found<F, D> | StoreFailure, describe: Describe<F, D>): StoreResult<FileStat> {
    if (!found.ok) return found;
    return { ok: true, value: { path: found.path, ...describe(found.node) } };
  }

  /** readdir(3) of a folder looked up with `find`, in name order; ENOTDIR for a file. */
  listOf(found: Found<F, D> | StoreFailure, describe: Describe<F, D>): StoreResult<DirEntry[]> {
    if (!found.ok) return found;
    if (found.node.kind !== 'dir') return fail('ENOTDIR');
    return {
      ok: true,
      value: this.entries(found.node).map((node) => ({ name: node.name, ...describe(node) })),
    };
  }

  /** Every node below `dir`, parents before children, in name order, with its stored path. */
  walk(visit: (node: TreeNode<F, D>, path: string) => void, dir: DirNode<F, D> = this.root, base = ''): void {
    for (const child of this.entries(dir)) {
      const path = `${base}/${child.name}`;
      visit(child, path);
      if (child.kind === 'dir') this.walk(visit, child, path);
    }
  }

  /**
   * mkdir -p over the names of a path: `makeOne` makes each folder that is missing; an existing folder is
   * fine, a file on the way is ENOTDIR and a file at the end EEXIST.
   */
  mkdirParents(names: readonly string[], makeOne: (path: string) => StoreOutcome): StoreOutcome {
    return mkdirEach(
      names,
      (at) => {
        const found = this.find(at);
        return found.ok ? found.node.kind : null;
      },
      makeOne,
    );
  }

  /** Where mkdir(2) puts a new folder on a store with Linux names: EEXIST when something is there. */
  mkdirSlot(path: string): Slot<F, D> | StoreFailure {
    const slot = this.slot(path);
    if (!slot.ok) return slot.error === 'EINVAL' ? fail('EEXIST') : slot;
    if (slot.existing) return fail('EEXIST');
    return checkLinuxName(slot.name) ?? slot;
  }

  /** What rm takes out, and from where: ENOENT when nothing is there, EISDIR for a folder without -r. */
  removeSlot(path: string, recursive: boolean): (Slot<F, D> & { existing: TreeNode<F, D> }) | StoreFailure {
    const slot = this.slot(path);
    if (!slot.ok) return slot;
    const node = slot.existing;
    if (!node) return fail('ENOENT');
    if (node.kind === 'dir' && !recursive) return fail('EISDIR');
    return { ...slot, existing: node };
  }

  /** Why rmdir(2) refuses a looked-up entry (null: an empty folder below the root, which may go). */
  rmdirRefusal(found: Found<F, D> | StoreFailure): StoreFailure | null {
    if (!found.ok) return found;
    if (found.node.kind !== 'dir') return fail('ENOTDIR');
    if (found.node === this.root) return fail('EINVAL');
    if (found.node.children.size > 0) return fail('ENOTEMPTY');
    return null;
  }

  /**
   * rename(2)'s checks before anything moves, with Linux's name rules: the source exists, the target's
   * folder does, the new name is one Linux takes, a folder does not go below itself, and what stands at
   * the target may be replaced. `ok` when the target is the source itself (nothing to do).
   */
  renameSlots(fromPath: string, toPath: string): RenameSlots<F, D> | typeof ok | StoreFailure {
    const from = this.slot(fromPath);
    if (!from.ok) return from;
    const node = from.existing;
    if (!node) return fail('ENOENT');
    const to = this.slot(toPath);
    if (!to.ok) return to;
    const bad = checkLinuxName(to.name);
    if (bad) return bad;
    const target = to.existing;
    if (target === node) return ok;
    if (node.kind === 'dir' && this.contains(node, to.parent)) return fail('EINVAL');
    return renameRefusal(node, target) ?? { ok: true, from, to, node, target };
  }

  /**
   * Puts a saved store's `entries` back, parents before children: each a record whose path `pathProblem`
   * accepts (null), whose folder came before it and which is not there twice; `makeDir` and `makeFile`
   * build its node from the entry, and `placed` hears each name added to a folder. Throws a ModelError
   * (damaged) naming the first fault.
   */
  restoreEntries(
    value: unknown,
    what: string,
    parts: {
      pathProblem: (path: string, field: string) => string | null;
      makeDir: (entry: Record<string, unknown>, field: string, name: string) => DirNode<F, D>;
      makeFile: (entry: Record<string, unknown>, field: string, path: string, name: string) => FileNode<F>;
      placed?: (parent: DirNode<F, D>, name: string) => void;
    },
  ): void {
    readArray(value, what, 'entries').forEach((raw, index) => {
      const field = `entries[${String(index)}]`;
      const entry = readRecord(raw, what, field);
      const path = readString(entry.path, what, `${field}.path`);
      const problem = parts.pathProblem(path, field);
      if (problem) throw damaged(what, problem);
      const slot = this.slot(path);
      if (!slot.ok) throw damaged(what, `${path} comes before its folder`);
      if (slot.existing) throw damaged(what, `${path} appears twice`);
      let node: TreeNode<F, D>;
      if (entry.kind === 'dir') node = parts.makeDir(entry, field, slot.name);
      else if (entry.kind === 'file') node = parts.makeFile(entry, field, path, slot.name);
      else throw damaged(what, `${field}.kind is neither a file nor a folder`);
      slot.parent.children.set(slot.key, node);
      parts.placed?.(slot.parent, slot.name);
    });
  }

  /** Every folder, the root first, with its path (for checks over a whole restored tree). */
  forEachDir(visit: (dir: DirNode<F, D>, path: string) => void): void {
    visit(this.root, '/');
    this.walk((node, path) => {
      if (node.kind === 'dir') visit(node, path);
    });
  }

  /** True when `inner` is `outer` or lies somewhere below it. */
  contains(outer: DirNode<F, D>, inner: DirNode<F, D>): boolean {
    if (outer === inner) return true;
    for (const child of outer.children.values()) {
      if (child.kind === 'dir' && this.contains(child, inner)) return true;
    }
    return false;
  }
}

/**
 * What rename(2) says to moving `node` over `target` (null: allowed): a file cannot replace a folder, nor a
 * folder a file, and only an empty folder can be replaced.
 */
export function renameRefusal<F, D>(
  node: TreeNode<F, D>,
  target: TreeNode<F, D> | undefined,
): StoreFailure | null {
  if (!target || target === node) return null;
  if (node.kind === 'file' && target.kind === 'dir') return fail('EISDIR');
  if (node.kind === 'dir' && target.kind === 'file') return fail('ENOTDIR');
  if (target.kind === 'dir' && target.children.size > 0) return fail('ENOTEMPTY');
  return null;
}

/** Why a saved path is not a plain path ending in a name Linux takes (null: it is one). */
export function linuxPathProblem(path: string, field: string): string | null {
  const names = splitPath(path);
  if (names.length === 0 || joinPath(names) !== path) return `${field}.path is not a plain path`;
  return checkLinuxName(names.at(-1)!) ? `${path} has a name Linux refuses` : null;
}

/**
 * mkdir -p over the names of a path, on any filesystem: `kindAt` says what stands at each path on the way
 * (null: nothing), `makeOne` makes a missing folder; a file on the way is ENOTDIR, one at the end EEXIST.
 */
export function mkdirEach<R extends { ok: boolean }>(
  names: readonly string[],
  kindAt: (path: string) => EntryKind | null,
  makeOne: (path: string) => R,
): R | StoreOutcome {
  let at = '';
  for (const [index, name] of names.entries()) {
    at += `/${name}`;
    const kind = kindAt(at);
    if (kind === 'file') return fail(index === names.length - 1 ? 'EEXIST' : 'ENOTDIR');
    if (kind === 'dir') continue;
    const made = makeOne(at);
    if (!made.ok) return made;
  }
  return ok;
}
