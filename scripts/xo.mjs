// The .xo Sugar installs, made from a vite build folder: a zip whose single top folder is <Name>.activity/,
// with index.html at its root and activity/ copied unchanged (sugar.md §2). `npm run bundle` writes it;
// `npm run bench` weighs it.
// Zip library: fflate (pure JS, no dependencies, ~30 kB) instead of a hand-written zip writer and reader:
// the tests must read the archive back, and a second home-made codec would only test itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import { readActivityInfo } from './activity-info.mjs';

// Fixed timestamps keep the .xo byte-identical from one build to the next (zip dates start in 1980).
const MTIME = new Date(1980, 0, 1); // local time, as zip stores it

/**
 * Every file below dir, as paths relative to it with forward slashes.
 * @param {string} dir
 * @returns {string[]}
 */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The .xo of the build in `buildDir` (any .xo already there left out): its file name, entry count and bytes.
 * @param {string} buildDir
 * @returns {{ name: string, files: number, bytes: Uint8Array }}
 */
export function makeXo(buildDir) {
  const info = readActivityInfo();
  const name = info.name.replace(/\s+/g, '');
  const top = `${name}.activity/`;
  /** @type {Record<string, [Uint8Array, { mtime: Date }]>} */
  const entries = {};
  const add = (/** @type {string} */ path, /** @type {string} */ source) => {
    entries[top + path] = [readFileSync(source), { mtime: MTIME }];
  };
  for (const path of listFiles(buildDir).filter((p) => !p.endsWith('.xo'))) add(path, join(buildDir, path));
  add('activity/activity.info', 'activity/activity.info');
  add('activity/activity-icon.svg', 'activity/activity-icon.svg');
  add('LICENSE', 'LICENSE');
  return {
    name: `${name}-${info.activity_version}.xo`,
    files: Object.keys(entries).length,
    bytes: zipSync(entries, { level: 9 }),
  };
}
