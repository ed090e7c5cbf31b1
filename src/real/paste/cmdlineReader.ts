// /proc/cmdline: one line of boot options, kept whole; detection looks for the options it knows.

import type { LineReader } from './lineReader';

/** Options only a kernel command line carries; one of them tells a cmdline from other one-line outputs. */
const BOOT_OPTION = /(?:^|\s)(?:root=|rd\.|BOOT_IMAGE=|initrd=|liveimg(?:\s|$)|rootfstype=)/;

export const cmdlineReader: LineReader = {
  kind: 'cmdline',
  looksLike: (line) => BOOT_OPTION.test(line),
  read(line, readings) {
    if (!BOOT_OPTION.test(line)) {
      return `expected kernel boot options, like "root=live:CDLABEL=SoaS rd.live.image quiet"; found "${line.slice(0, 80)}"`;
    }
    readings.cmdline = line;
    return null;
  },
};
