// Reads a text line by line into the readings: prompts say what the next lines are, other lines are known
// by their shape, JSON blocks go whole to a JSON reader. A line no reader can read becomes a problem that
// names the kind it seemed to be; the reading goes on.

import { NEEDS_ROOT_MESSAGE } from '../report';
import type { OutputKind } from '../realStick';
import { cmdlineReader } from './cmdlineReader';
import { dmLsReader, dmStatusReader, dmTableReader } from './dmsetupReaders';
import { findmntReader } from './findmntReader';
import { jsonBlockEnd } from './jsonBlock';
import { freshBlock, type LineReader } from './lineReader';
import { losetupReader } from './losetupReader';
import { lsReader } from './lsReader';
import { mountReader } from './mountReader';
import { readPrompt } from './promptLine';
import { addFailed, addNeedsRoot, addProblem, type Readings } from './readings';

/** Most specific shapes first: a dmsetup line would also pass for a findmnt row's four words. */
const READERS: LineReader[] = [
  dmStatusReader,
  dmTableReader,
  dmLsReader,
  losetupReader,
  mountReader,
  lsReader,
  findmntReader,
  cmdlineReader,
];

/**
 * The lines dmsetup prints after its error: after "Permission denied" they say nothing more; alone they
 * mean the command did not work (a kernel without device-mapper).
 */
const DM_FAILURE =
  /^(?:\/dev\/mapper\/control: open failed: .*|Failure to communicate with kernel device-mapper.*|Check that device-mapper is available.*|Command failed\.?)$/;
/** sudo's own password prompt, pasted with the output that followed it. */
const SUDO_PROMPT = /^\[sudo\] password for /;

export const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

export interface ReadLinesOptions {
  /** The kind the text is known to be (a report's command), as if a prompt had said so. */
  kind?: OutputKind | 'quiet' | null;
  command?: string | null;
  /** Reads a parsed JSON block; false when it is not a kind this text may hold. */
  readJson(json: unknown, lineNumber: number): boolean;
  /** Where a problem's line is: a paste's own line numbers, or null inside a report with a prefix. */
  place(lineNumber: number): { lineNumber: number | null; prefix: string };
}

const ANY_DETAIL =
  'expected the output of dmsetup status, dmsetup table, dmsetup ls, losetup -a, findmnt, mount, ls -l, /proc/cmdline, or a Cellar report';

function readerOf(kind: OutputKind | 'quiet' | null): LineReader | null {
  return READERS.find((reader) => reader.kind === kind) ?? null;
}

export function readLines(text: string, readings: Readings, options: ReadLinesOptions): void {
  const lines = text.split(LINE_BREAK);
  let kind: OutputKind | 'quiet' | null = options.kind ?? null;
  let command = options.command ?? null;
  let kindFromPrompt = kind !== null;
  let block = freshBlock();
  const problem = (expected: OutputKind, index: number, line: string, detail: string) => {
    const { lineNumber, prefix } = options.place(index + 1);
    addProblem(readings, expected, lineNumber, line, `${prefix}${detail}`);
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') {
      // A blank line ends an output whose kind was only guessed from its lines; a prompt's kind stays.
      if (!kindFromPrompt) kind = options.kind ?? null;
      continue;
    }

    const prompt = readPrompt(line);
    if (prompt) {
      ({ kind, command } = prompt);
      kindFromPrompt = true;
      block = freshBlock(prompt.folder);
      continue;
    }

    if (line.startsWith('{')) {
      const end = jsonBlockEnd(lines, index, (candidate) => readPrompt(candidate.trim()) !== null);
      const blockText = lines.slice(index, end.after).join('\n');
      const json = end.closed ? parseJson(blockText) : undefined;
      if (json === undefined || !options.readJson(json, index + 1)) {
        const expected: OutputKind = /"format"|"outputs"/.test(blockText)
          ? 'report'
          : kind === 'findmnt' || /"filesystems"/.test(blockText)
            ? 'findmnt'
            : 'any';
        problem(
          expected,
          index,
          line,
          json !== undefined
            ? 'expected findmnt -J output or a cellar-report/v1 report; found other JSON'
            : end.closed
              ? 'expected JSON; found text that JSON.parse refuses'
              : 'expected JSON; its braces never close',
        );
      }
      index = end.after - 1;
      continue;
    }

    if (SUDO_PROMPT.test(line)) continue;
    if (NEEDS_ROOT_MESSAGE.test(line)) {
      addNeedsRoot(readings, command ?? 'dmsetup');
      continue;
    }
    if (DM_FAILURE.test(line)) {
      addFailed(readings, command ?? 'dmsetup', line);
      continue;
    }
    // A command Cellar does not read (uname -r): its output is skipped unless it looks like one it does.
    if (kind === 'quiet' && !READERS.some((reader) => reader.looksLike(line))) continue;

    const expectedReader = readerOf(kind);
    const failure = expectedReader ? expectedReader.read(line, readings, block) : 'not read';
    if (failure === null) continue;
    // Another kind's line may follow without its prompt; it is read as what it is.
    const other = READERS.find((reader) => reader !== expectedReader && reader.looksLike(line));
    const otherFailure = other ? other.read(line, readings, block) : null;
    if (other && otherFailure === null) {
      if (!expectedReader) {
        kind = other.kind;
        kindFromPrompt = false;
      }
      continue;
    }
    const blamed = expectedReader ?? other;
    problem(
      blamed?.kind ?? 'any',
      index,
      line,
      expectedReader ? failure : (otherFailure ?? `${ANY_DETAIL}; found "${line.slice(0, 80)}"`),
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
