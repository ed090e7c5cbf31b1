// Which snapshot is the root's: `live-rw` when the listing names it, else an unnamed one (a single-device
// listing prints no name), else any snapshot but 2012's read-only `live-osimg-min`. Its status and table
// lines are paired by name; the last of each is kept, the newest when a learner pastes two readings.

import type { StatusLine, TableLine } from '../dmsetupParse';
import type { RealSnapshot } from '../realStick';
import type { Readings } from './readings';

export const LIVE_RW = 'live-rw';
const OSMIN = 'live-osimg-min';

function isSnapshot(line: StatusLine | TableLine): boolean {
  return line.target === 'snapshot' || line.target === 'snapshot-merge';
}

function pickName(names: (string | null)[]): string | null | undefined {
  if (names.includes(LIVE_RW)) return LIVE_RW;
  if (names.includes(null)) return null;
  return names.find((name) => name !== OSMIN);
}

function lastWhere<T>(lines: T[], test: (line: T) => boolean): T | undefined {
  for (let index = lines.length - 1; index >= 0; index--) if (test(lines[index]!)) return lines[index];
  return undefined;
}

/** The device's own line, or an unnamed one (`dmsetup table live-rw` prints none). */
function lastNamed<T extends StatusLine | TableLine>(lines: T[], name: string | null): T | undefined {
  return (
    lastWhere(lines, (line) => (line.name ?? null) === name) ??
    lastWhere(lines, (line) => line.name === undefined)
  );
}

export function liveSnapshot(readings: Readings): RealSnapshot | null {
  const statuses = readings.statuses.filter(isSnapshot);
  const tables = readings.tables.filter(isSnapshot);
  const name = pickName([...statuses, ...tables].map((line) => line.name ?? null));
  if (name === undefined) return null;
  const status = lastNamed(statuses, name);
  const table = lastNamed(tables, name);
  return {
    name: name ?? (readings.dmDevices.has(LIVE_RW) ? LIVE_RW : null),
    originSectors: status?.length ?? table?.length ?? null,
    status: status?.snapshot ?? null,
    store: table?.snapshot?.store ?? null,
    storeAsWritten: table?.snapshot?.storeAsWritten ?? null,
    chunkSectors: table?.snapshot?.chunkSectors ?? null,
    originDevice: table?.snapshot?.origin ?? null,
    cowDevice: table?.snapshot?.cow ?? null,
  };
}
