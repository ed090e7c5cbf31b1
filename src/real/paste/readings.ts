// What the section readers gather from a paste or a report before anything is decided: the raw facts, in
// the order they were read. assembleStick turns them into a RealStick and detects persistence and era.

import type { StatusLine, TableLine } from '../dmsetupParse';
import type {
  OutputKind,
  ReadProblem,
  RealFile,
  RealLoop,
  RealMount,
  RealOverlayHeader,
  RealStick,
} from '../realStick';

export interface Readings {
  source: RealStick['source'];
  takenAt: string | null;
  statuses: StatusLine[];
  tables: TableLine[];
  /** "major:minor" by device-mapper name; a Map, so any name a learner pastes stays an ordinary key. */
  dmDevices: Map<string, string>;
  loops: RealLoop[];
  mounts: RealMount[];
  files: RealFile[];
  /** Folders listed beside the LiveOS files: an OverlayFS stick keeps its upper folder `overlay-*` there. */
  folders: string[];
  /** The LiveOS folder a listing or report named, e.g. /run/initramfs/live/LiveOS. */
  liveOsFolder: string | null;
  cmdline: string | null;
  overlayHeader: RealOverlayHeader | null;
  needsRoot: string[];
  failedCommands: RealStick['failedCommands'];
  problems: ReadProblem[];
}

export function emptyReadings(source: RealStick['source']): Readings {
  return {
    source,
    takenAt: null,
    statuses: [],
    tables: [],
    dmDevices: new Map(),
    loops: [],
    mounts: [],
    files: [],
    folders: [],
    liveOsFolder: null,
    cmdline: null,
    overlayHeader: null,
    needsRoot: [],
    failedCommands: [],
    problems: [],
  };
}

const PROBLEM_LINE_CHARS = 120;

export function addProblem(
  readings: Readings,
  expected: OutputKind,
  lineNumber: number | null,
  line: string | null,
  detail: string,
): void {
  readings.problems.push({
    expected,
    lineNumber,
    line: line === null ? null : line.slice(0, PROBLEM_LINE_CHARS),
    detail,
  });
}

/** The first line a command failed with, unless it failed for want of root (said already). */
export function addFailed(readings: Readings, command: string, message: string): void {
  if (readings.needsRoot.includes(command) || readings.failedCommands.some((f) => f.command === command))
    return;
  readings.failedCommands.push({ command, message });
}

/** Adds once: several outputs may say the same command needs root. */
export function addNeedsRoot(readings: Readings, command: string): void {
  if (!readings.needsRoot.includes(command)) readings.needsRoot.push(command);
}
