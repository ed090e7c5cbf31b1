// `losetup -a` (`/dev/loop1: [0801]:12 (/run/initramfs/live/LiveOS/overlay-SOAS-1234)`, old and new
// util-linux alike, `[]:` when only sysfs knew the file) and the `losetup -l` table under its header.

import type { LineReader } from './lineReader';

const LIST_LINE =
  /^(\/dev\/loop\d+):\s+\[[^\]]*\]:\S*\s+\((.*)\)(?:,\s*(?:offset|sizelimit|encryption)\b.*)?$/;
const TABLE_ROW = /^\/dev\/loop\d+\s/;
const BACKING_COLUMN = 'BACK-FILE';

/** The kernel marks a backing file removed since (the RAM overlay after switch_root) with "(deleted)". */
function withoutDeleted(path: string): string {
  return path.replace(/ \(deleted\)$/, '');
}

export const losetupReader: LineReader = {
  kind: 'losetup',
  looksLike: (line) =>
    line.startsWith('/dev/loop') || (line.startsWith('NAME ') && line.includes(BACKING_COLUMN)),
  read(line, readings, block) {
    const words = line.split(/\s+/);
    if (words[0] === 'NAME' && words.includes(BACKING_COLUMN)) {
      block.columns = words;
      return null;
    }
    const listed = LIST_LINE.exec(line);
    if (listed) {
      readings.loops.push({ device: listed[1]!, backingFile: withoutDeleted(listed[2]!) });
      return null;
    }
    const backingAt = block.columns?.indexOf(BACKING_COLUMN) ?? -1;
    if (block.columns && backingAt > 0 && TABLE_ROW.test(line)) {
      // Columns after BACK-FILE are single words, so a backing path with spaces is whatever lies between.
      const after = block.columns.length - backingAt - 1;
      const backing = words.slice(backingAt, words.length - after).join(' ');
      if (words.length >= block.columns.length && backing !== '') {
        readings.loops.push({ device: words[0]!, backingFile: withoutDeleted(backing) });
        return null;
      }
    }
    return `expected "/dev/loopN: [device]:inode (backing file)", like "/dev/loop1: [0801]:12 (/run/initramfs/live/LiveOS/overlay-SOAS-1234)"; found "${line.slice(0, 80)}"`;
  },
};
