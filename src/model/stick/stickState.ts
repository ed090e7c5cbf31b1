// What the stick's parts share behind the Stick facade: its media, the running system, the clock and the
// events, in one object, so that power, file operations and maintenance all see and change the same stick.

import type { StoreUsage } from '../dm/ExceptionStore';
import type { Emitter } from '../events';
import type { LiveSystem, OverlayKind, RootState } from './LiveSystem';
import type { StickMedia } from './StickMedia';
import type { StickOutcome } from './stickOutcome';

export interface StickEvents {
  /** One learner-level operation finished (views re-render once per operation). */
  operation: { name: string; path?: string; outcome: StickOutcome };
  booted: { overlay: OverlayKind | null; ok: boolean };
  'shut-down': { statusLine: string | null };
  'root-state-changed': { state: RootState };
}

/** The overlay's usage when the stick was last shut down (nothing is mapped while it is off). */
export interface OverlayWhenOff {
  usage: StoreUsage;
  chunkSectors: number;
}

/** The stick as a document saves it and a restore gives it back. */
export interface StickParts {
  media: StickMedia;
  /** The booted system; null while the stick is off. */
  system: LiveSystem | null;
  /** Simulated time since the stick was made, in ms. */
  clockMs: number;
  overlayWhenOff: OverlayWhenOff | null;
}

export interface StickState extends StickParts {
  readonly media: StickMedia;
  readonly events: Emitter<StickEvents>;
}
