// A tree of folders and files in memory, with no accounting: the part tmpfs and vfat share. Each store
// keeps its own data on a file (tmpfs: pages, vfat: a size) and on a folder (vfat: directory slots), and
// decides case: vfat looks names up without case but keeps the case they were made with.

import { joinPath, splitPath } from './paths';
import { fail, type StoreFailure } from './storeTypes';

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

  /** Every node below `dir`, parents before children, in name order, with its stored path. */
  walk(visit: (node: TreeNode<F, D>, path: string) => void, dir: DirNode<F, D> = this.root, base = ''): void {
    for (const child of this.entries(dir)) {
      const path = `${base}/${child.name}`;
      visit(child, path);
      if (child.kind === 'dir') this.walk(visit, child, path);
    }
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
