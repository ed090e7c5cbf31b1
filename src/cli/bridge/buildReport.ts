// One reading of the learner's machine as a cellar-report/v1: every fixed command, the LiveOS folder and
// the overlay header, run side by side.

import { REPORT_COMMANDS, REPORT_FORMAT, type CellarReport, type CommandOutput } from '../../real/report';
import { BRIDGE_COMMANDS } from './commands';
import { overlayFileOf, readLiveOsFolder, readOverlayHeader } from './liveOsFolder';

export async function buildReport(liveOsFolders: readonly string[]): Promise<CellarReport> {
  const [outputs, liveOs] = await Promise.all([
    Promise.all(
      REPORT_COMMANDS.map(async (command): Promise<[string, CommandOutput]> => [
        command,
        await BRIDGE_COMMANDS[command](),
      ]),
    ),
    readLiveOsFolder(liveOsFolders),
  ]);
  const overlay = liveOs && overlayFileOf(liveOs.files);
  return {
    format: REPORT_FORMAT,
    source: 'bridge',
    takenAt: new Date().toISOString(),
    outputs: Object.fromEntries(outputs),
    liveOs,
    overlayHeader: overlay ? await readOverlayHeader(overlay.path) : null,
    root: process.getuid?.() === 0,
  };
}

/** Two readings say the same thing when only their time differs: no event for an unchanged stick. */
export function sameReading(a: CellarReport, b: CellarReport): boolean {
  return JSON.stringify({ ...a, takenAt: '' }) === JSON.stringify({ ...b, takenAt: '' });
}
