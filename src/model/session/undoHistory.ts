// Earlier states of the session, newest last. The stick is kept as its saved document's JSON parts
// (sharedDocument.ts: compact, never shared with the live stick, and sharing what did not change with
// the state before); the rest is small plain data. Capped in steps and in characters so a long session
// cannot take all the memory: the oldest states go first.

import type { QuietClockState } from '../clock/QuietClock';
import { sharedChars, totalChars, type DocumentParts } from './sharedDocument';
import type { UsageSample } from '../stick/usageSample';

export interface SavedState {
  /** The stick's `cellar-stick/v2` document, part by part. */
  stick: DocumentParts;
  /** The overlay ledger's document as JSON (kept as text: it is counted and never changed). */
  ledger: string;
  /** The background writers' schedule. */
  clock: QuietClockState;
  samples: readonly UsageSample[];
}

export const MAX_UNDO_STEPS = 100;
/**
 * About 64 MB of UTF-16 text. A realistic stick saves to 1–3 MB, about half of it new at each step: a few
 * dozen steps; the small test sticks, a hundred.
 */
export const MAX_UNDO_CHARS = 32_000_000;
/** A usage sample counted as characters, for the cap (ten numbers). */
const SAMPLE_CHARS = 200;

interface Entry {
  state: SavedState;
  /** What this entry alone keeps alive: its parts not shared with the entry before it. */
  chars: number;
}

export class UndoHistory {
  private readonly entries: Entry[] = [];
  private chars = 0;

  constructor(
    private readonly maxSteps = MAX_UNDO_STEPS,
    private readonly maxChars = MAX_UNDO_CHARS,
  ) {}

  get length(): number {
    return this.entries.length;
  }

  /** Characters held, counting a shared part once. */
  get heldChars(): number {
    return this.chars;
  }

  push(state: SavedState): void {
    const before = this.entries.at(-1)?.state.stick ?? null;
    const chars =
      totalChars(state.stick) -
      sharedChars(state.stick, before) +
      state.ledger.length +
      state.samples.length * SAMPLE_CHARS;
    this.entries.push({ state, chars });
    this.chars += chars;
    while (this.entries.length > this.maxSteps || (this.chars > this.maxChars && this.entries.length > 1)) {
      this.dropOldest();
    }
  }

  pop(): SavedState | undefined {
    const entry = this.entries.pop();
    if (entry) this.chars -= entry.chars;
    return entry?.state;
  }

  clear(): void {
    this.entries.length = 0;
    this.chars = 0;
  }

  private dropOldest(): void {
    const oldest = this.entries.shift()!;
    this.chars -= oldest.chars;
    // The parts the next entry shared with the dropped one now live on its account.
    const next = this.entries[0];
    if (next) {
      const inherited = sharedChars(next.state.stick, oldest.state.stick);
      next.chars += inherited;
      this.chars += inherited;
    }
  }
}
