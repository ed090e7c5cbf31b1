// Reads activity/activity.info, the source of truth for the activity's name, id and version.
import { readFileSync } from 'node:fs';

/**
 * Parses the `[Activity]` section into a plain key → value map (keys as written, values trimmed).
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseActivityInfo(text) {
  /** @type {Record<string, string>} */
  const fields = {};
  let inActivity = false;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[(.+)\]\s*$/.exec(line);
    if (section) inActivity = section[1] === 'Activity';
    const field = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (inActivity && field) fields[field[1]] = field[2];
  }
  return fields;
}

/** @param {string} [path] */
export function readActivityInfo(path = 'activity/activity.info') {
  return parseActivityInfo(readFileSync(path, 'utf8'));
}
