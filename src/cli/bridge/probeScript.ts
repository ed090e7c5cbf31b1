// The shell probe ships in public/ (so vite copies it into the .xo); `cellar bridge --probe-script` prints
// the same file from the package.

import { readFile } from 'node:fs/promises';

const PROBE_SCRIPT = new URL('../../../public/cellar-probe.sh', import.meta.url);

export async function probeScript(): Promise<string> {
  return readFile(PROBE_SCRIPT, 'utf8');
}
