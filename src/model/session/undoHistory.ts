// Earlier states of the session, newest last. The stick is kept as its saved document's JSON text
// (compact, and never shared with the live stick); the rest is small plain data. Capped in steps and in
// characters so a long session cannot take all the memory: the oldest states go first.

import type { QuietClockState } from '../clock/QuietClock';
import type { UsageSample } from './usageSamples';

export interface SavedState {
  /** The stick's `cellar-stick/v2` document as JSON. */
  stickJson: string;
  /** The background writers' schedule. */
  clock: QuietClockState;
  samples: readonly UsageSample[];
}

export const MAX_UNDO_STEPS = 100;
/** About 100 MB of UTF-16 text: a stick with a full 2 GiB overlay saves to a few MB. */
export const MAX_UNDO_CHARS = 50_000_000;
/** A usage sample counted as characters, for the cap (nine numbers). */
const SAMPLE_CHARS = 200;

export class UndoHistory {
  private readonly states: SavedState[] = [];
  private chars = 0;

  constructor(
    private readonly maxSteps = MAX_UNDO_STEPS,
    private readonly maxChars = MAX_UNDO_CHARS,
  ) {}

  get length(): number {
    return this.states.length;
  }

  push(state: SavedState): void {
    this.states.push(state);
    this.chars += sizeOf(state);
    while (this.states.length > this.maxSteps || (this.chars > this.maxChars && this.states.length > 1)) {
      this.chars -= sizeOf(this.states.shift()!);
    }
  }

  pop(): SavedState | undefined {
    const state = this.states.pop();
    if (state) this.chars -= sizeOf(state);
    return state;
  }

  clear(): void {
    this.states.length = 0;
    this.chars = 0;
  }
}

function sizeOf(state: SavedState): number {
  return state.stickJson.length + state.samples.length * SAMPLE_CHARS;
}
