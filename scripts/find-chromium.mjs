// Finds the system Chromium that the tests drive: no npm package here downloads a browser of its own.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Fixed places, tried in order after CHROME_PATH (Debian's package first). */
export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Names looked up on PATH last, for browsers installed somewhere else. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The one line printed when no Chromium can be found or installed. */
export const HOW_TO_GET_CHROMIUM =
  'Cellar tests need Chromium: sudo apt-get install chromium, or set CHROME_PATH';

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the path of a Chromium executable, or undefined.
 * A CHROME_PATH that is set is taken at its word: when it is wrong we say so rather than run another browser.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {readonly string[]} [fixedPaths]
 * @returns {string | undefined}
 */
export function findChromium(env = process.env, fixedPaths = CHROMIUM_PATHS) {
  if (env.CHROME_PATH) return isExecutable(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => CHROMIUM_NAMES.map((name) => join(dir, name)));
  return [...fixedPaths, ...onPath].find(isExecutable);
}

/**
 * Like findChromium, but throws the one-line hint when there is none (for configs and tests).
 * @returns {string}
 */
export function requireChromium() {
  const path = findChromium();
  if (!path) throw new Error(HOW_TO_GET_CHROMIUM);
  return path;
}

/** Flags for headless runs in containers and CI: no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
