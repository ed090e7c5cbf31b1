// Simulated time for the quiet writers: each has its next due time and a count of runs; fast-forwarding
// runs every writer whose time comes, in time order, and lets the filesystem's own clock (journal commits,
// writeback) move between them.

import type { FileOp } from '../fs/fileOps';
import type { QuietWriter, QuietWriterId } from './quietWriters';

/** Where the operations go (a filesystem, or the stick that routes them by path). */
export interface FileOpTarget {
  apply(op: FileOp): void;
  advance(ms: number): void;
}

export interface QuietClockState {
  nowMs: number;
  writers: Partial<Record<QuietWriterId, { nextMs: number; runs: number; enabled: boolean }>>;
}

interface Schedule {
  nextMs: number;
  runs: number;
  enabled: boolean;
}

export class QuietClock {
  private nowMs: number;
  private readonly schedule = new Map<QuietWriterId, Schedule>();
  /** The writers with their schedules, in the writers' order (the earlier one runs first on a tie). */
  private readonly slots: { writer: QuietWriter; entry: Schedule }[] = [];

  constructor(
    private readonly writers: readonly QuietWriter[],
    state?: QuietClockState,
  ) {
    this.nowMs = state?.nowMs ?? 0;
    for (const writer of writers) {
      const saved = state?.writers[writer.id];
      const entry = saved ? { ...saved } : { nextMs: this.nowMs + writer.everyMs, runs: 0, enabled: true };
      this.schedule.set(writer.id, entry);
      this.slots.push({ writer, entry });
    }
  }

  get timeMs(): number {
    return this.nowMs;
  }

  /** Stops or restarts a writer; restarted, it runs next one period from now (no catching up). */
  setEnabled(id: QuietWriterId, enabled: boolean): void {
    const entry = this.schedule.get(id);
    const writer = this.writers.find((w) => w.id === id);
    if (!entry || !writer || entry.enabled === enabled) return;
    entry.enabled = enabled;
    if (enabled) entry.nextMs = this.nowMs + writer.everyMs;
  }

  runs(id: QuietWriterId): number {
    return this.schedule.get(id)?.runs ?? 0;
  }

  /** Lets `durationMs` pass: every writer due in that time runs, in order. */
  fastForward(durationMs: number, target: FileOpTarget): void {
    const until = this.nowMs + durationMs;
    for (;;) {
      const next = this.nextDue(until);
      if (!next) break;
      const { writer, entry } = next;
      target.advance(entry.nextMs - this.nowMs);
      this.nowMs = entry.nextMs;
      entry.runs++;
      for (const op of writer.ops(entry.runs)) target.apply(op);
      entry.nextMs += writer.everyMs;
    }
    target.advance(until - this.nowMs);
    this.nowMs = until;
  }

  save(): QuietClockState {
    return {
      nowMs: this.nowMs,
      writers: Object.fromEntries([...this.schedule].map(([id, e]) => [id, { ...e }])),
    };
  }

  private nextDue(until: number): { writer: QuietWriter; entry: Schedule } | null {
    let best: { writer: QuietWriter; entry: Schedule } | null = null;
    for (const slot of this.slots) {
      const { entry } = slot;
      if (!entry.enabled || entry.nextMs > until) continue;
      if (!best || entry.nextMs < best.entry.nextMs) best = slot;
    }
    return best;
  }
}
