// `mount` with no arguments: "/dev/mapper/live-rw on / type ext4 (rw,relatime,seclabel)".

import type { LineReader } from './lineReader';

const MOUNT_LINE = /^(\S+) on (.+?) type (\S+)(?: \((.*)\))?$/;

export const mountReader: LineReader = {
  kind: 'mount',
  looksLike: (line) => / on \S.* type /.test(line),
  read(line, readings) {
    const match = MOUNT_LINE.exec(line);
    if (!match) {
      return `expected "<source> on <target> type <fstype> (<options>)", like "/dev/mapper/live-rw on / type ext4 (rw,relatime)"; found "${line.slice(0, 80)}"`;
    }
    readings.mounts.push({
      source: match[1]!,
      target: match[2]!,
      fstype: match[3]!,
      options: match[4] ?? '',
    });
    return null;
  },
};
