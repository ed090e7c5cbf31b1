// `findmnt` as text (the tree, `--ascii`, `-l`, under its TARGET SOURCE FSTYPE OPTIONS header, or
// without one) and `findmnt -J` JSON with its nested `children`.

import type { LineReader } from './lineReader';
import type { Readings } from './readings';

const DEFAULT_COLUMNS = ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'];
// The tree's drawing before the target: "├─", "│ └─", or --ascii's "|-", "`-".
const TREE_PREFIX = /^[\s│├└─|`-]*/;

function isHeader(words: string[]): boolean {
  return words.includes('TARGET') && words.every((word) => /^[A-Z][A-Z0-9%-]*$/.test(word));
}

export const findmntReader: LineReader = {
  kind: 'findmnt',
  looksLike(line) {
    const words = line.split(/\s+/);
    return isHeader(words) || (words.length === 4 && line.replace(TREE_PREFIX, '').startsWith('/'));
  },
  read(line, readings, block) {
    const words = line.split(/\s+/);
    if (isHeader(words)) {
      block.columns = words;
      return null;
    }
    const columns = block.columns ?? DEFAULT_COLUMNS;
    const row = line.replace(TREE_PREFIX, '').split(/\s+/);
    const field = (name: string) => {
      const at = columns.indexOf(name);
      return at < 0 ? '' : (row[at] ?? '');
    };
    if (row.length !== columns.length || !field('TARGET').startsWith('/')) {
      return `expected "${columns.join(' ')}" columns, like "/ /dev/mapper/live-rw ext4 rw,relatime"; found "${line.slice(0, 80)}"`;
    }
    readings.mounts.push({
      target: field('TARGET'),
      source: field('SOURCE'),
      fstype: field('FSTYPE'),
      options: field('OPTIONS'),
    });
    return null;
  },
};

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** True when the JSON is findmnt's (`{"filesystems": […]}`); its mounts are added, parents first. */
export function readFindmntJson(json: unknown, readings: Readings): boolean {
  if (
    typeof json !== 'object' ||
    json === null ||
    !Array.isArray((json as { filesystems?: unknown }).filesystems)
  )
    return false;
  // Iterative, so a learner's deeply nested JSON cannot exhaust the stack.
  const pending: unknown[] = [...(json as { filesystems: unknown[] }).filesystems].reverse();
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    const fs = node as Record<string, unknown>;
    if (typeof fs.target === 'string') {
      readings.mounts.push({
        target: fs.target,
        source: text(fs.source),
        fstype: text(fs.fstype),
        options: text(fs.options),
      });
    }
    const children: unknown = fs.children;
    // Pushed one by one: a spread of a huge array would overflow the call's arguments.
    if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return true;
}
