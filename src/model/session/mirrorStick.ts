// "Mirror my stick": a stick made from a real stick's plan, booted, and its overlay brought to the real
// one's usage. What the learner changed on the real stick is unknown, so one file stands for it all ("the
// changes already on your stick"), written where the overlay ledger charges it as earlier changes. The file
// is sized by measuring: write, read the status, top up, since ext4's journal and the store's metadata
// areas add chunks of their own on the way, as they did on the real stick.

import { Stick, type StickResult } from '../stick/Stick';
import type { StickOutcome } from '../stick/stickOutcome';
import type { StickPlan } from '../stick/stickPlan';
import { SECTOR_BYTES } from '../units';

/** A folder every base image has, where the ledger charges what is written below it. */
const MIRROR_PARENT = '/var/lib';
export const MIRROR_FOLDER = `${MIRROR_PARENT}/cellar-mirror`;
export const EARLIER_CHANGES_PATH = `${MIRROR_FOLDER}/earlier-changes`;

/** The real overlay: its allocated sectors (null: not known, the overlay stays as booted) and state. */
export interface MirrorTarget {
  usedSectors: number | null;
  state: 'Valid' | 'Invalid' | 'Overflow';
}

/** A first guess of what one append adds besides its data (journal blocks, inode, bitmaps), in chunks. */
const FIRST_OVERHEAD_CHUNKS = 7;
/** The first write stops this far short, so that only small top-ups, whose overhead is steady, follow. */
const FIRST_MARGIN_CHUNKS = 64;
const MAX_STEPS = 32;

/** The stick made and booted, its overlay as used as the real one; or the plan's refusal. */
export function mirrorStick(plan: StickPlan, target: MirrorTarget): StickResult {
  const made = Stick.create(plan);
  if (!made.ok) return made;
  made.stick.boot();
  if (target.state !== 'Valid') fillUntilFull(made.stick);
  else if (target.usedSectors !== null) fillTo(made.stick, target.usedSectors);
  return made;
}

function overlay(stick: Stick) {
  return stick.usage().overlay;
}

/**
 * Writes and tops up until the overlay's allocated sectors are within one chunk of `target`, if it can
 * (a model that spent more at boot than the real stick holds stays as booted). The finest step is `touch`
 * of a folder the base image has: a journal commit of one inode, about three chunks.
 */
function fillTo(stick: Stick, target: number): void {
  const { chunkSectors } = overlay(stick);
  // A metadata area of the persistent store follows every `perArea` data chunks.
  const perArea = (chunkSectors * SECTOR_BYTES) / 16;
  const missing = () => (target - overlay(stick).allocatedSectors) / chunkSectors;
  let overheadChunks = FIRST_OVERHEAD_CHUNKS;
  for (let step = 0; step < MAX_STEPS && missing() > 1; step++) {
    const before = overlay(stick).allocatedSectors;
    const started = stick.stat(EARLIER_CHANGES_PATH).ok;
    const margin = started ? overheadChunks : FIRST_MARGIN_CHUNKS;
    const dataChunks = Math.floor(((missing() - margin) * perArea) / (perArea + 1));
    const done =
      dataChunks < 1
        ? stick.touch(MIRROR_PARENT)
        : started
          ? stick.appendFile(EARLIER_CHANGES_PATH, dataChunks * chunkSectors * SECTOR_BYTES)
          : writeFirst(stick, dataChunks * chunkSectors * SECTOR_BYTES);
    const spent = (overlay(stick).allocatedSectors - before) / chunkSectors;
    if (!done.ok || spent === 0) return;
    if (started && dataChunks >= 1) {
      overheadChunks = Math.max(1, Math.round(spent - (dataChunks * (perArea + 1)) / perArea));
    }
  }
}

function writeFirst(stick: Stick, bytes: number): StickOutcome {
  const made = stick.mkdir(MIRROR_FOLDER, { parents: true });
  return made.ok ? stick.writeFile(EARLIER_CHANGES_PATH, bytes) : made;
}

/** Writes until the overlay is Invalid or has overflowed, as the real one has. */
function fillUntilFull(stick: Stick): void {
  stick.mkdir(MIRROR_FOLDER, { parents: true });
  for (let step = 0; step < 3 && overlay(stick).state === 'Valid'; step++) {
    const { allocatedSectors, totalSectors } = overlay(stick);
    const bytes = (totalSectors - allocatedSectors) * SECTOR_BYTES + 1024 * 1024;
    if (step === 0) stick.writeFile(EARLIER_CHANGES_PATH, bytes);
    else stick.appendFile(EARLIER_CHANGES_PATH, bytes);
  }
}
