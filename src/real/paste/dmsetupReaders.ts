// `dmsetup status`, `dmsetup table` and `dmsetup ls`, line by line. Status and table lines share their head
// ("[name: ]start length target …"); a snapshot's parameters tell them apart ("96/2464 16" or "Invalid"
// against "7:1 7:2 P 8"), which is what the kernel-exact parsers in dmsetupParse check.

import { DmParseError, parseStatusLine, parseTableLine } from '../dmsetupParse';
import type { LineReader } from './lineReader';

const NO_DEVICES = 'No devices found';
const DM_HEAD = /^(?:\S+: )?\d+ \d+ (\S+)(?: (.*))?$/;
const SNAPSHOT_STATES = /^(?:\d+\/\d+(?: \d+)?|Invalid|Overflow|Merge failed|Unknown)$/;

function headOf(line: string): { target: string; params: string } | null {
  const match = DM_HEAD.exec(line);
  return match ? { target: match[1]!, params: (match[2] ?? '').trim() } : null;
}

/** Kernel target names are lower-case words ("snapshot", "linear"): "0 1 2 3" is no dmsetup line. */
const TARGET_NAME = /^[a-z][a-z0-9_-]*$/;

/** Parses with dmsetupParse and keeps the line; else the parser's words, without its "line N:" prefix. */
function readDmLine<T extends { target: string }>(
  line: string,
  parse: (line: string) => T,
  keep: (parsed: T) => void,
) {
  try {
    const parsed = parse(line);
    if (!TARGET_NAME.test(parsed.target)) {
      return `expected a device-mapper target such as snapshot or linear; found "${parsed.target.slice(0, 40)}"`;
    }
    keep(parsed);
    return null;
  } catch (error) {
    if (error instanceof DmParseError) return error.message.replace(/^line \d+: /, '');
    throw error;
  }
}

export const dmStatusReader: LineReader = {
  kind: 'dmsetup-status',
  looksLike(line) {
    if (line === NO_DEVICES) return true;
    const head = headOf(line);
    if (!head) return false;
    return !head.target.startsWith('snapshot') || head.params === '' || SNAPSHOT_STATES.test(head.params);
  },
  read(line, readings) {
    if (line === NO_DEVICES) return null;
    return readDmLine(line, parseStatusLine, (parsed) => readings.statuses.push(parsed));
  },
};

export const dmTableReader: LineReader = {
  kind: 'dmsetup-table',
  looksLike(line) {
    if (line === NO_DEVICES) return true;
    const head = headOf(line);
    return head !== null && head.params !== '' && !SNAPSHOT_STATES.test(head.params);
  },
  read(line, readings) {
    if (line === NO_DEVICES) return null;
    return readDmLine(line, parseTableLine, (parsed) => readings.tables.push(parsed));
  },
};

// `live-rw\t(253:0)`, and older dmsetup's `live-rw\t(253, 0)`.
const LS_LINE = /^(\S+)\s+\((\d+)(?::|,\s*)(\d+)\)$/;

export const dmLsReader: LineReader = {
  kind: 'dmsetup-ls',
  looksLike: (line) => line === NO_DEVICES || /\(\d+(?::|,\s*)\d+\)$/.test(line),
  read(line, readings) {
    if (line === NO_DEVICES) return null;
    const match = LS_LINE.exec(line);
    if (!match)
      return `expected "<name> (<major>:<minor>)", like "live-rw (253:0)"; found "${line.slice(0, 80)}"`;
    readings.dmDevices.set(match[1]!, `${match[2]}:${match[3]}`);
    return null;
  },
};
