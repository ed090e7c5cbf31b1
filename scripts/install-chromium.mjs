// Installs Debian's chromium when `npm test` finds none and may do so (root on Debian/Ubuntu with apt-get).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * True when this process may install packages itself. CELLAR_NO_INSTALL=1 says no (and lets us test that path).
 * @param {NodeJS.ProcessEnv} [env]
 */
export function canInstallChromium(env = process.env) {
  if (env.CELLAR_NO_INSTALL === '1') return false;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
}

/** Runs `apt-get update` then installs chromium without recommends; returns whether both succeeded. */
export function installChromium() {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  /** @param {string[]} args */
  const aptGet = (args) =>
    spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0;
  return aptGet(['update']) && aptGet(['install', '-y', '--no-install-recommends', 'chromium']);
}
