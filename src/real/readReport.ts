// A cellar-report/v1 report (the bridge's or the probe's) read into a RealStick: its shape is checked by
// hand, each command's output goes through the same section readers as a paste, the LiveOS files and the
// overlay header are taken as given. A damaged report gives problems (expected 'report'), never a throw.

import { judgeHeader } from '../model/dm/diskFormat';
import { isWholeNumber } from '../model/units';
import { assembleStick } from './paste/assembleStick';
import { readFindmntJson } from './paste/findmntReader';
import { readLines } from './paste/readLines';
import { addNeedsRoot, addProblem, emptyReadings, type Readings } from './paste/readings';
import type { OutputKind, RealFile, RealStick } from './realStick';
import { REPORT_COMMANDS, REPORT_FORMAT, type ReportCommand } from './report';

const OUTPUT_KINDS: Record<ReportCommand, OutputKind | 'quiet'> = {
  'dmsetup status': 'dmsetup-status',
  'dmsetup table': 'dmsetup-table',
  'dmsetup ls': 'dmsetup-ls',
  'losetup -a': 'losetup',
  'findmnt -J': 'findmnt',
  'cat /proc/cmdline': 'cmdline',
  'uname -r': 'quiet',
};

/** The name needsRoot gives the overlay header's read, which is no command of the report's list. */
const OVERLAY_HEADER_READ = 'overlay header';

const HEADER_HEX = /^[0-9a-fA-F]{32}$/;

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.slice(0, 60);
}

/** A JSON value that means to be a report (it names the format or carries outputs), damaged or not. */
export function isReportLike(json: unknown): json is Fields {
  return isObject(json) && (typeof json.format === 'string' || 'outputs' in json);
}

function readOutputs(outputs: unknown, readings: Readings, problem: (detail: string) => void): void {
  if (!isObject(outputs)) return problem(`expected "outputs" to be an object; found ${shown(outputs)}`);
  for (const command of REPORT_COMMANDS) {
    const output = outputs[command];
    if (output === undefined) continue;
    if (isObject(output) && output.ok === true && typeof output.stdout === 'string') {
      // Whatever /proc/cmdline holds is the boot options, live ones or not (a machine booted from a disk).
      if (command === 'cat /proc/cmdline') {
        readings.cmdline = output.stdout.trim() || null;
        continue;
      }
      readLines(output.stdout, readings, {
        kind: OUTPUT_KINDS[command],
        command,
        readJson: (json) => readFindmntJson(json, readings),
        place: (lineNumber) => ({
          lineNumber: null,
          prefix: `${command}, line ${lineNumber} of its output: `,
        }),
      });
    } else if (isObject(output) && output.ok === false && output.problem === 'needs-root') {
      addNeedsRoot(readings, command);
    } else if (
      isObject(output) &&
      output.ok === false &&
      (output.problem === 'missing' || output.problem === 'failed') &&
      typeof output.message === 'string'
    ) {
      readings.failedCommands.push({ command, message: output.message.slice(0, 120) });
    } else {
      problem(
        `expected "${command}" to be {"ok": true, "stdout": …} or {"ok": false, "problem": …}; found ${shown(output)}`,
      );
    }
  }
}

function readFile(value: unknown): RealFile | null {
  if (!isObject(value) || typeof value.path !== 'string' || !isWholeNumber(value.sizeBytes)) return null;
  const allocated = value.allocatedBytes;
  if (allocated !== null && !isWholeNumber(allocated)) return null;
  return { path: value.path, sizeBytes: value.sizeBytes, allocatedBytes: allocated };
}

function readLiveOs(liveOs: unknown, readings: Readings, problem: (detail: string) => void): void {
  if (liveOs === null || liveOs === undefined) return;
  if (!isObject(liveOs) || typeof liveOs.folder !== 'string' || !Array.isArray(liveOs.files)) {
    return problem(`expected "liveOs" to be {"folder": "…", "files": […]} or null; found ${shown(liveOs)}`);
  }
  readings.liveOsFolder = liveOs.folder;
  for (const value of liveOs.files as unknown[]) {
    const file = readFile(value);
    if (file) readings.files.push(file);
    else problem(`expected a LiveOS file {"path", "sizeBytes", "allocatedBytes"}; found ${shown(value)}`);
  }
}

function readHeader(header: unknown, readings: Readings, problem: (detail: string) => void): void {
  if (header === null || header === undefined) return;
  if (!isObject(header) || typeof header.path !== 'string') {
    return problem(
      `expected "overlayHeader" to be {"path", "headerHex", "problem"} or null; found ${shown(header)}`,
    );
  }
  if (typeof header.headerHex === 'string' && HEADER_HEX.test(header.headerHex)) {
    const bytes = new Uint8Array(header.headerHex.match(/../g)!.map((pair) => parseInt(pair, 16)));
    readings.overlayHeader = { path: header.path, verdict: judgeHeader(bytes) };
  } else if (header.problem === 'needs-root') {
    addNeedsRoot(readings, OVERLAY_HEADER_READ);
  } else if (header.headerHex !== null && header.headerHex !== undefined) {
    problem(`expected the overlay header as 32 hex digits (16 bytes); found ${shown(header.headerHex)}`);
  } else if (typeof header.problem === 'string') {
    problem(
      `the overlay header of ${header.path.slice(0, 80)} could not be read (${header.problem.slice(0, 20)})`,
    );
  }
}

/** Adds a report's readings to a paste's or a fresh reading; lineNumber is where a paste holds it. */
export function addReport(json: unknown, readings: Readings, lineNumber: number | null): void {
  const problem = (detail: string) => addProblem(readings, 'report', lineNumber, null, detail);
  if (!isObject(json))
    return problem(`expected a JSON object in the ${REPORT_FORMAT} format; found ${shown(json)}`);
  if (json.format !== REPORT_FORMAT)
    return problem(`expected "format": "${REPORT_FORMAT}"; found ${shown(json.format)}`);
  if (json.source === 'bridge' || json.source === 'probe') readings.source = json.source;
  else problem(`expected "source": "bridge" or "probe"; found ${shown(json.source)}`);
  if (typeof json.takenAt === 'string' && !Number.isNaN(Date.parse(json.takenAt)))
    readings.takenAt = json.takenAt;
  else problem(`expected "takenAt" to be an ISO 8601 time; found ${shown(json.takenAt)}`);
  readOutputs(json.outputs, readings, problem);
  readLiveOs(json.liveOs, readings, problem);
  readHeader(json.overlayHeader, readings, problem);
}

/** Source is the report's own; a report too damaged to say whose is counted as the probe's. */
export function readReport(json: unknown): RealStick {
  const readings = emptyReadings('probe');
  addReport(json, readings, null);
  return assembleStick(readings);
}
