// Reading the overlay file a learner chose (file input or drag and drop) from the stick's LiveOS folder: the
// header and the metadata areas by slices, several in flight, with a progress callback throttled to whole
// percents; the result is what the kernel would make of it, as a RealStick, or the reason it cannot be read.
// An invalidated overlay (valid byte 0) is a reading, not a failure: the view explains the recovery.

import {
  OverlayFileError,
  readOverlay,
  type OverlayInfo,
  type OverlayProblem,
} from '../model/dm/overlayFile';
import { blobSource } from './blobSource';
import { readAheadSource } from './readAheadSource';
import { emptyRealStick, type RealStick } from './realStick';

export type OverlayFileProblem = OverlayProblem | 'unreadable' | 'empty';

export type OverlayFileReading =
  | { ok: true; stick: RealStick; overlay: OverlayInfo }
  | { ok: false; problem: OverlayFileProblem; message: string };

/** Reads `file` as the kernel's persistent store would load it; never throws. */
export async function readOverlayFile(
  file: Blob & { name?: string },
  onProgress: (fraction: number) => void,
): Promise<OverlayFileReading> {
  if (file.size === 0) {
    return { ok: false, problem: 'empty', message: 'the file is empty (0 bytes): it holds no overlay' };
  }
  const progress = percentSteps(onProgress);
  let overlay: OverlayInfo;
  try {
    overlay = await readOverlay(readAheadSource(blobSource(file)), {
      onProgress: (throughBytes) => progress(throughBytes / file.size),
    });
  } catch (error) {
    if (error instanceof OverlayFileError)
      return { ok: false, problem: error.problem, message: error.message };
    return {
      ok: false,
      problem: 'unreadable',
      message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  progress(1);
  return { ok: true, stick: stickOfOverlay(overlay, file.name ?? '', file.size), overlay };
}

/** The learner's stick as far as its overlay file tells: the persistent store, its status and chunk size. */
function stickOfOverlay(overlay: OverlayInfo, name: string, sizeBytes: number): RealStick {
  const file = { path: name, sizeBytes, allocatedBytes: null };
  const header = overlay.header;
  const clue = header
    ? `the header says SnAp, valid ${header.valid}, version ${header.version}, chunk size ${header.chunkSectors} sectors`
    : 'the header is zeros: a new store, which the kernel formats when it creates live-rw';
  return {
    ...emptyRealStick('overlay-file'),
    persistence: 'persistent',
    evidence: [{ clue: 'overlay-file', text: clue }],
    snapshot: {
      name: null,
      originSectors: null,
      status: overlay.status,
      // P and PO write the same file: only the table line tells them apart.
      store: null,
      storeAsWritten: null,
      chunkSectors: overlay.chunkSectors,
      originDevice: null,
      cowDevice: null,
    },
    overlayFile: file,
    files: [file],
  };
}

/** Calls `report` only when the fraction passes a whole percent: a 4 GiB file is not 4,000 re-renders. */
function percentSteps(report: (fraction: number) => void): (fraction: number) => void {
  let shown = 0;
  return (fraction) => {
    const percent = Math.floor(Math.min(1, fraction) * 100);
    if (percent > shown) {
      shown = percent;
      report(percent / 100);
    }
  };
}
