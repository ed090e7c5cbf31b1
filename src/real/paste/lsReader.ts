// `ls -l` of the LiveOS folder, with `-s` (allocated blocks first: what a sparse overlay really takes) and
// `-h` (rounded sizes), GNU's dates ("Mar  5 12:00", "Mar  5  2012") or --time-style=long-iso.

import { readSize } from './humanSize';
import type { BlockState, LineReader } from './lineReader';
import type { Readings } from './readings';

const LONG = /^(?:(\S+)\s+)?([-dlbcps][-rwxsStTl]{9}[.+@]?)\s+\d+\s+\S+\s+\S+\s+(\S+)\s+(.+)$/;
const DATE_THEN_NAME =
  /^(?:\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s+[+-]\d{4})?|\S+\s+\S+\s+(?:\d{1,2}:\d{2}|\d{4}))\s+(.+)$/;
/** `ls -l a b` names each folder before its files: "/run/initramfs/live/LiveOS:". */
const HEADING = /^\/\S*:$/;
/** GNU ls counts `-s` blocks in KiB unless told otherwise. */
const LS_BLOCK_BYTES = 1024;

export function folderOf(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}

/** GNU ls quotes names with spaces ('my file') and shows a link's target after " -> ". */
function nameOf(shown: string, mode: string): string {
  const name = mode.startsWith('l') ? shown.replace(/ -> .*$/, '') : shown;
  return /^'.*'$/.test(name) ? name.slice(1, -1) : name;
}

function fullPath(name: string, block: BlockState): string {
  if (name.startsWith('/') || block.lsFolder === null) return name;
  return `${block.lsFolder === '/' ? '' : block.lsFolder}/${name}`;
}

function noteFolder(path: string, readings: Readings): void {
  const folder = path.slice(0, path.lastIndexOf('/'));
  if (folder.endsWith('/LiveOS')) readings.liveOsFolder = folder;
}

export const lsReader: LineReader = {
  kind: 'ls-l',
  looksLike: (line) =>
    /^(?:\S+\s+)?[-dlbcps][-rwxsStTl]{9}/.test(line) || /^total \S+$/.test(line) || HEADING.test(line),
  read(line, readings, block) {
    if (/^total \S+$/.test(line)) return null;
    if (HEADING.test(line)) {
      block.lsFolder = folderOf(line.slice(0, -1));
      noteFolder(`${block.lsFolder}/`, readings);
      return null;
    }
    const match = LONG.exec(line);
    const dated = match ? DATE_THEN_NAME.exec(match[4]!) : null;
    const size = match ? readSize(match[3]!) : null;
    const blocks = match?.[1] === undefined ? undefined : readSize(match[1]);
    if (!match || !dated || !size || blocks === null) {
      return `expected "<mode> <links> <owner> <group> <size> <date> <name>", like "-rw-r--r--. 1 root root 1073741824 Mar  5  2012 overlay-SOAS-1234"; found "${line.slice(0, 80)}"`;
    }
    const mode = match[2]!;
    const path = fullPath(nameOf(dated[1]!, mode), block);
    noteFolder(path, readings);
    if (mode.startsWith('d')) {
      readings.folders.push(path);
      return null;
    }
    if (!mode.startsWith('-')) return null;
    const approximate = size.approximate || blocks?.approximate === true;
    readings.files.push({
      path,
      sizeBytes: size.bytes,
      allocatedBytes:
        blocks === undefined ? null : blocks.approximate ? blocks.bytes : blocks.bytes * LS_BLOCK_BYTES,
      ...(approximate ? { approximate } : {}),
    });
    return null;
  },
};
