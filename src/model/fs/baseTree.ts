// The files of a tree the model builds (a base image, an Activity to copy in), made up deterministically from
// a description: the lab recorded how many files and bytes its trees held and a few named parts, not every
// file, so the model builds a tree of that shape. Named groups keep their sizes; the other files share the
// remaining bytes with a fixed log-uniform spread from 1 KiB to 256 KiB; the same description always gives
// the same tree.

export interface TreeGroup {
  folder: string;
  count: number;
  /** Unset: the group's files share the remaining bytes with the filler. */
  bytes_each?: number;
  /** File names, `{i}` counting from 1; default `file{i}`. */
  name?: string;
}

export interface TreeSpec {
  files: number;
  /** What `du -sk` counts: allocated blocks of the files and folders, in bytes. */
  bytes: number;
  groups?: TreeGroup[];
  /** Empty folders that exist too. */
  folders?: string[] | number;
  /** Paths that must exist (the recording reads them). */
  include?: string[];
  /** Every file was read once after the build (a checksum list, say), which sets its access time. */
  read_after_build?: boolean;
}

export interface TreeFile {
  path: string;
  sizeBytes: number;
}

// Where unnamed files go. With /usr/lib (the lab's a-series named /usr/lib/lib1.so) these make the eight
// folders the lab's a-series base held (e2fsck counted 116 inodes: 11 reserved, 93 files, 4 made later, 8
// folders).
const FILLER_FOLDERS = ['/etc', '/usr/bin', '/usr/sbin', '/usr/share/doc', '/usr/share/fonts'];

/** The files of the tree under `root` ('' for a whole filesystem), for a filesystem of `blockSizeBytes`. */
export function buildTree(spec: TreeSpec, root: string, blockSizeBytes: number): TreeFile[] {
  const fixed: TreeFile[] = [];
  const slots: string[] = [];
  for (const group of spec.groups ?? []) {
    for (let i = 1; i <= group.count; i++) {
      const path = `${root}${group.folder}/${(group.name ?? 'file{i}').replaceAll('{i}', String(i))}`;
      if (group.bytes_each === undefined) slots.push(path);
      else fixed.push({ path, sizeBytes: group.bytes_each });
    }
  }
  slots.push(...(spec.include ?? []).map((path) => root + path));
  const folders = fillerFolders(spec, root);
  for (let i = fixed.length + slots.length; i < spec.files; i++)
    slots.push(`${folders[i % folders.length]}/file${i}`);
  const allocated = (bytes: number) => Math.ceil(bytes / blockSizeBytes) * blockSizeBytes;
  const fixedBytes = fixed.reduce((sum, f) => sum + allocated(f.sizeBytes), 0);
  const folderCount = new Set([...fixed, ...slots.map((path) => ({ path }))].map((f) => dirname(f.path)))
    .size;
  const left = Math.max(0, spec.bytes - fixedBytes - folderCount * blockSizeBytes);
  const sizes = spread(slots.length, left, blockSizeBytes);
  return [...fixed, ...slots.map((path, i) => ({ path, sizeBytes: sizes[i]! }))];
}

/** The folders of the tree that hold no file (they are made too). */
export function emptyFolders(spec: TreeSpec, root = ''): string[] {
  return Array.isArray(spec.folders) ? spec.folders.map((f) => root + f) : [];
}

function fillerFolders(spec: TreeSpec, root: string): string[] {
  if (typeof spec.folders === 'number') {
    return Array.from({ length: Math.max(1, spec.folders) }, (_, k) => `${root}/part${k + 1}`);
  }
  return root === '' ? FILLER_FOLDERS : [root];
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * `count` file sizes, log-uniform between 1 KiB and 256 KiB before scaling, whose allocated blocks add up
 * to about `bytes`.
 */
function spread(count: number, bytes: number, blockSizeBytes: number): number[] {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 16), 0x45d9f3b) + 0x6d2b79f5) >>> 0;
    return seed / 2 ** 32;
  };
  const raw = Array.from({ length: count }, () => 1024 * 2 ** (random() * 8));
  const blocks = Math.max(count, Math.round(bytes / blockSizeBytes));
  const perFile = wholeShares(raw, blocks);
  // The last block of each file is only partly used.
  return perFile.map((n) => (n - 1) * blockSizeBytes + Math.ceil(blockSizeBytes / 2));
}

/** Splits `total` (≥ weights.length) into whole shares of at least 1, in proportion to the weights. */
function wholeShares(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => 1 + (w / sum) * (total - weights.length));
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    shares[i]!++;
  }
  return shares;
}
