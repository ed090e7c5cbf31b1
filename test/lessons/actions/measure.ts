// Small tools for the action tables: saving a photo, typing a line with the usage on either side of it,
// and the numbers read from a usage, independently of the lessons' own conditions.

import type { Session } from '../../../src/model/session/Session';
import type { StickUsage } from '../../../src/model/stick/usageSummary';
import { typeInto } from '../lessonHelpers';

export const PHOTO = 3_000_000;

/** The usage before and after one action. */
export interface Moved {
  before: StickUsage;
  after: StickUsage;
}

export function save(session: Session, path: string, sizeBytes = PHOTO): Moved {
  return session.apply({ type: 'write-file', path, sizeBytes });
}

export function remove(session: Session, path: string): Moved {
  return session.apply({ type: 'delete', path });
}

/** Types a line that must succeed, and answers the usage around it. */
export function typeOk(session: Session, line: string): Moved {
  const before = session.stick.usage();
  const exitCode = typeInto(session, line);
  if (exitCode !== 0) throw new Error(`${line}: exit ${exitCode}`);
  return { before, after: session.stick.usage() };
}

export const overlayBytes = (usage: StickUsage) => usage.overlay.allocatedSectors * 512;
export const homeBytes = (usage: StickUsage) => usage.home?.usedBytes ?? 0;

export const overlayGrowth = ({ before, after }: Moved) => overlayBytes(after) - overlayBytes(before);
export const homeGrowth = ({ before, after }: Moved) => homeBytes(after) - homeBytes(before);
export const ramGrowth = ({ before, after }: Moved) => after.ram.tmpfsUsedBytes - before.ram.tmpfsUsedBytes;
export const deviceGrowth = ({ before, after }: Moved) => after.device.usedBytes - before.device.usedBytes;

/** An action's usage, kept by `right` for `quoted` to read. */
export function lastMove(): { set(moved: Moved): void; get(): Moved } {
  let moved: Moved | null = null;
  return {
    set: (m) => (moved = m),
    get: () => {
      if (!moved) throw new Error('no right action yet');
      return moved;
    },
  };
}
