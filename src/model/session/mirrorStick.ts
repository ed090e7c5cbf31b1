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
const MIRROR_FOLDER = `${MIRROR_PARENT}/cellar-mirror`;
const EARLIER_CHANGES_PATH = `${MIRROR_FOLDER}/earlier-changes`;

/** The real overlay: its allocated sectors (null: not known, the overlay stays as booted) and state. */
export interface MirrorTarget {
  usedSectors: number | null;
  state: 'Valid' | 'Invalid' | 'Overflow';
}

/** A first guess of what one append adds besides its data (journal blocks, inode, bitmaps), in chunks. */
const FIRST_OVERHEAD_CHUNKS = 7;
/** The first write stops this far short, so that only small top-ups, whose overhead is steady, follow. */
const FIRST_MARGIN_CHUNKS = 64;
/**
 * The most one write adds: the model refuses a write the root cannot hold whole (ENOSPC), so the file
 * grows by pieces, halved when the root is nearly full, until the overlay or the root is.
 */
const LARGEST_PIECE_BYTES = 1024 * 1024 * 1024;
const MAX_STEPS = 64;

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
 * (a model that spent more at boot than the real stick holds stays as booted, and one whose root is full
 * stops there). The finest step is `touch` of a folder the base image has: a journal commit of one inode,
 * about three chunks.
 */
function fillTo(stick: Stick, target: number): void {
  const { chunkSectors } = overlay(stick);
  const chunkBytes = chunkSectors * SECTOR_BYTES;
  // A metadata area of the persistent store follows every `perArea` data chunks.
  const perArea = chunkBytes / 16;
  const missing = () => (target - overlay(stick).allocatedSectors) / chunkSectors;
  const pieces = new PieceWriter(stick, LARGEST_PIECE_BYTES);
  let overheadChunks = FIRST_OVERHEAD_CHUNKS;
  for (let step = 0; step < MAX_STEPS && missing() > 1; step++) {
    const before = overlay(stick).allocatedSectors;
    // A first or a large write adds more than a small append: it stops well short.
    const large = !pieces.started || missing() > 2 * FIRST_MARGIN_CHUNKS;
    const margin = large ? FIRST_MARGIN_CHUNKS : overheadChunks;
    const dataChunks = Math.floor(((missing() - margin) * perArea) / (perArea + 1));
    if (dataChunks < 1) {
      if (!stick.touch(MIRROR_PARENT).ok || overlay(stick).allocatedSectors === before) return;
      continue;
    }
    const written = pieces.write(dataChunks * chunkBytes);
    if (written === null) return;
    const spent = (overlay(stick).allocatedSectors - before) / chunkSectors;
    if (!large && written === dataChunks * chunkBytes) {
      overheadChunks = Math.max(1, Math.round(spent - (dataChunks * (perArea + 1)) / perArea));
    }
  }
}

/** Writes until the overlay is Invalid or has overflowed, as the real one has. */
function fillUntilFull(stick: Stick): void {
  const pieces = new PieceWriter(stick, LARGEST_PIECE_BYTES);
  for (let step = 0; step < MAX_STEPS && overlay(stick).state === 'Valid'; step++) {
    const { allocatedSectors, totalSectors } = overlay(stick);
    const written = pieces.write((totalSectors - allocatedSectors) * SECTOR_BYTES + 1024 * 1024);
    // Written in part when the overlay filled (EIO): the state says so.
    if (written === null) return;
  }
}

/** The earlier changes' file, grown by pieces no larger than the root still takes whole. */
class PieceWriter {
  constructor(
    private readonly stick: Stick,
    private largestBytes: number,
  ) {}

  get started(): boolean {
    return this.stick.stat(EARLIER_CHANGES_PATH).ok;
  }

  /** Writes up to `bytes`, answering how many it asked for; null when nothing more can be written. */
  write(bytes: number): number | null {
    for (;;) {
      const piece = Math.min(bytes, this.largestBytes);
      const done = this.append(piece);
      if (done.ok || done.error !== 'ENOSPC') return done.ok || done.error === 'EIO' ? piece : null;
      if (this.largestBytes <= 4096) return null;
      this.largestBytes = Math.max(4096, Math.floor(piece / 2 / 4096) * 4096);
    }
  }

  private append(bytes: number): StickOutcome {
    if (this.started) return this.stick.appendFile(EARLIER_CHANGES_PATH, bytes);
    const made = this.stick.mkdir(MIRROR_FOLDER, { parents: true });
    return made.ok ? this.stick.writeFile(EARLIER_CHANGES_PATH, bytes) : made;
  }
}
