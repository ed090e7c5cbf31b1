// Which era the stick boots like: the table's store first (2012's dracut wrote `p 8`, today's `PO 8`), then,
// as weaker clues, where the stick is mounted and the RAM overlay's size.

import { ERAS, ramOverlaySectors, type EraId } from '../../model/stick/eras';
import type { Evidence, RealSnapshot } from '../realStick';
import { usageText } from './detectPersistence';

export interface EraFinding {
  era: EraId | null;
  evidence: Evidence[];
}

const ERA_LIST = Object.values(ERAS);

function eraOfStore(snapshot: RealSnapshot | null): EraId | null {
  if (snapshot?.store === 'P') return 'soas-2012';
  if (snapshot?.store === 'PO') return 'fedora-today';
  return null;
}

export function detectEra(
  snapshot: RealSnapshot | null,
  devicePath: string | null,
  temporary: boolean,
): EraFinding {
  const evidence: Evidence[] = [];
  let era = eraOfStore(snapshot);
  if (era)
    evidence.push({ clue: 'snapshot-table', text: `${snapshot!.storeAsWritten} ${snapshot!.chunkSectors}` });

  const byPath = ERA_LIST.find((profile) => profile.deviceMountPath === devicePath)?.id ?? null;
  // A weaker clue: said when it decides the era or agrees with the table, never against it.
  if (byPath && (era === null || era === byPath)) {
    era = byPath;
    evidence.push({ clue: 'device-path', text: devicePath! });
  }

  const status = snapshot?.status;
  if (era === null && temporary && status?.state === 'Valid') {
    const bySize = ERA_LIST.find((profile) => ramOverlaySectors(profile) === status.totalSectors);
    if (bySize) {
      era = bySize.id;
      evidence.push({ clue: 'snapshot-status', text: usageText(status) });
    }
  }
  return { era, evidence };
}
