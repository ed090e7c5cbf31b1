// How the root keeps its changes, from the clues liveos.md §2 and §6 name: the COW loop's backing file
// (LiveOS/overlay-* on the stick, or /overlay in the initramfs RAM), the table's store with an overlay file
// beside it, the size dracut gives a RAM overlay, an OverlayFS root, or a root on an ordinary disk.

import { usageParams } from '../../model/dm/dmsetupFormat';
import { ERAS, ramOverlaySectors } from '../../model/stick/eras';
import type { ParsedSnapshotState } from '../dmsetupParse';
import type { Evidence, Persistence, RealFile, RealMount, RealSnapshot } from '../realStick';
import { LIVE_RW } from './liveSnapshot';
import type { Readings } from './readings';

const OVERLAY_FILE = /\/LiveOS\/overlay-[^/]*$/;
/** 2012's /overlay in the initramfs, today's /run/initramfs/overlay: sparse files in RAM. */
const RAM_OVERLAY = /^(?:\/overlay|\/run\/initramfs\/overlay)$/;
const OVERLAYFS_OPTION = /^(?:rd\.live\.overlay\.overlayfs|rd\.overlay)(?:=(?!0$)\S*)?$/;
/** A loop device's "major:minor": loops are block major 7, and /dev/loopN is minor N. */
const LOOP_NUMBER = /^7:(\d+)$/;

export interface PersistenceFinding {
  persistence: Persistence;
  evidence: Evidence[];
}

/** The sizes dracut gives its RAM overlay (512 MiB in 2012, 32 GiB today), in sectors. */
const RAM_OVERLAY_SECTORS = Object.values(ERAS).map(ramOverlaySectors);

/** A Valid status's numbers as dmsetup prints them: "24104/67108864 104". */
export function usageText(status: Extract<ParsedSnapshotState, { state: 'Valid' }>): string {
  return usageParams(status.sectorsAllocated, status.totalSectors, status.metadataSectors);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function rootMount(readings: Readings): RealMount | null {
  let root: RealMount | null = null;
  for (const mount of readings.mounts) if (mount.target === '/') root = mount;
  return root;
}

/** The COW's backing file: the loop the table names ("7:1" is /dev/loop1), else an overlay-like loop. */
function cowBacking(readings: Readings, snapshot: RealSnapshot | null): string | null {
  const cow = snapshot?.cowDevice ?? null;
  const minor = cow === null ? undefined : LOOP_NUMBER.exec(cow)?.[1];
  const device = minor ? `/dev/loop${minor}` : cow;
  if (device !== null) return readings.loops.find((loop) => loop.device === device)?.backingFile ?? null;
  const overlayLike = readings.loops.find(
    (loop) => OVERLAY_FILE.test(loop.backingFile) || RAM_OVERLAY.test(loop.backingFile),
  );
  return overlayLike?.backingFile ?? null;
}

function liveRwSeen(readings: Readings, snapshot: RealSnapshot | null, root: RealMount | null): boolean {
  if (snapshot !== null || readings.dmDevices.has(LIVE_RW)) return true;
  return root !== null && root.source === `/dev/mapper/${LIVE_RW}`;
}

function fromSnapshot(
  readings: Readings,
  snapshot: RealSnapshot | null,
  overlayFile: RealFile | null,
): PersistenceFinding {
  const backing = cowBacking(readings, snapshot);
  if (backing !== null && OVERLAY_FILE.test(backing)) {
    return { persistence: 'persistent', evidence: [{ clue: 'overlay-file', text: backing }] };
  }
  if (backing !== null && RAM_OVERLAY.test(backing)) {
    return { persistence: 'temporary', evidence: [{ clue: 'ram-overlay', text: backing }] };
  }
  const store = snapshot?.store;
  if ((store === 'P' || store === 'PO') && overlayFile) {
    return {
      persistence: 'persistent',
      evidence: [
        { clue: 'snapshot-table', text: `${snapshot!.storeAsWritten} ${snapshot!.chunkSectors}` },
        { clue: 'overlay-file', text: overlayFile.path },
      ],
    };
  }
  const status = snapshot?.status;
  if (status?.state === 'Valid' && RAM_OVERLAY_SECTORS.includes(status.totalSectors) && !overlayFile) {
    return { persistence: 'temporary', evidence: [{ clue: 'snapshot-status', text: usageText(status) }] };
  }
  return { persistence: 'unknown', evidence: [] };
}

/** Every clue of an OverlayFS root: the root's mount, the boot option, the upper folder beside the files. */
function overlayfsEvidence(readings: Readings, root: RealMount | null): Evidence[] {
  const evidence: Evidence[] = [];
  if (root?.fstype === 'overlay')
    evidence.push({ clue: 'overlayfs-mount', text: `${root.source} on / type overlay` });
  const option = (readings.cmdline ?? '').split(/\s+/).find((word) => OVERLAYFS_OPTION.test(word));
  if (option) evidence.push({ clue: 'kernel-cmdline', text: option });
  // OverlayFS keeps its upper layer as a folder named like dm-snapshot's overlay file.
  const upper = readings.folders.find((folder) => baseName(folder).startsWith('overlay-'));
  if (upper) evidence.push({ clue: 'overlay-file', text: `${upper}/` });
  return evidence;
}

export function detectPersistence(
  readings: Readings,
  snapshot: RealSnapshot | null,
  overlayFile: RealFile | null,
): PersistenceFinding {
  const root = rootMount(readings);
  const overlayfs = overlayfsEvidence(readings, root);
  // An OverlayFS root outranks everything; a live-rw outranks the weaker OverlayFS clues.
  if (root?.fstype === 'overlay') return { persistence: 'overlayfs', evidence: overlayfs };
  if (liveRwSeen(readings, snapshot, root)) return fromSnapshot(readings, snapshot, overlayFile);
  if (overlayfs.length > 0) return { persistence: 'overlayfs', evidence: overlayfs };
  if (root !== null && !/^\/dev\/dm-\d+$/.test(root.source)) {
    return { persistence: 'none', evidence: [{ clue: 'no-live-rw', text: `${root.source} on /` }] };
  }
  return { persistence: 'unknown', evidence: [] };
}
