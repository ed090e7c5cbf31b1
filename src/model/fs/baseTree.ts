// The files of a base image, made up deterministically from a description ("93 files, 5.3 MiB, like a
// Fedora root"): the lab recorded how many files and bytes its base images held, not each file, so the
// model builds a tree of that shape. Sizes follow a fixed log-uniform spread from 1 KiB to 256 KiB, scaled
// to the total; the same description always gives the same tree.

export interface TreeSpec {
  files: number;
  bytes: number;
  /** Paths that must exist (the recording reads them). */
  include?: string[];
  /** Every file was read once after the build (a checksum list, say), which sets its access time. */
  read_after_build?: boolean;
}

export interface TreeFile {
  path: string;
  sizeBytes: number;
}

const FOLDERS = ['/etc', '/usr/bin', '/usr/lib', '/usr/share/doc', '/var/lib'];

export function fedoraLikeTree({ files, bytes, include = [] }: TreeSpec): TreeFile[] {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 16), 0x45d9f3b) + 0x6d2b79f5) >>> 0;
    return seed / 2 ** 32;
  };
  const raw = Array.from({ length: files }, () => 1024 * 2 ** (random() * 8));
  const scale = bytes / raw.reduce((a, b) => a + b, 0);
  const names = include.slice(0, files);
  for (let i = names.length; i < files; i++) names.push(`${FOLDERS[i % FOLDERS.length]}/file${i}`);
  return names.map((path, i) => ({ path, sizeBytes: Math.max(1, Math.round(raw[i]! * scale)) }));
}
