// One learner's session with a stick: the current Stick, the mode, undo (any number of steps, within
// UndoHistory's caps) and reset, the usage samples the plot draws, and a `changed` event after every
// command. Commands never throw for something a learner does: a failure answers the kernel's code and
// the store it hit (the views word it in the learner's language), and the stick stays as the kernel left
// it (undo takes it back).
//
// Undo keeps saved documents of earlier states (Stick.save), so going back is exact: the same
// `dmsetup status` line, the same files, the same clock. A new stick starts a new history.

import { QuietClock, type QuietClockState } from '../clock/QuietClock';
import { QUIET_WRITERS } from '../clock/quietWriters';
import { stickTarget } from '../clock/stickOps';
import { Emitter } from '../events';
import { OverlayLedger } from '../stick/overlayLedger';
import { Stick, type StickResult } from '../stick/Stick';
import {
  addCosts,
  NO_COSTS,
  type StickCosts,
  type StickErrorCode,
  type StickOutcome,
} from '../stick/stickOutcome';
import type { StoreKind } from '../stick/MountTable';
import type { StickPlan, StickRefusal } from '../stick/stickPlan';
import type { StickUsage } from '../stick/usageSummary';
import type { SessionCommand, SessionMode } from './sessionCommands';
import { mirrorStick } from './mirrorStick';
import { runCommand } from './runCommand';
import { joinDocument, splitDocument, type DocumentParts } from './sharedDocument';
import { UndoHistory, type SavedState } from './undoHistory';
import type { UsageSample } from '../stick/usageSample';
import { resumedHistory, withSample } from './usageHistory';

/** What the session did: a command, or undo, reset or a change of mode. */
export type SessionAction =
  | SessionCommand
  | { type: 'undo' }
  | { type: 'reset' }
  | { type: 'set-mode'; mode: SessionMode }
  | { type: 'tick'; ms: number }
  /** `folder`: the shell's current folder as the line was typed (where its relative paths start). */
  | { type: 'terminal'; line: string; folder: string; exitCode: number };

export interface SessionChange {
  action: SessionAction;
  ok: boolean;
  /** The kernel's code, or `refused` for a plan the installer refuses, or `nothing-to-undo`. */
  error?: StickErrorCode | 'refused' | 'nothing-to-undo';
  /** For a kernel code: where the failed path's data would have gone, when the path is on the stick. */
  store?: StoreKind;
  /** For `refused`: the installer's reason (the model's own words, English like its other refusals). */
  message?: string;
  costs: StickCosts;
  before: StickUsage;
  after: StickUsage;
}

/**
 * What a background program's failure means to the learner: the stick ran out of room or turned read-only.
 * Its other failures (a folder the small base image lacks) are its own business, as in a real system log.
 */
const SPACE_FAILURES: ReadonlySet<StickErrorCode> = new Set(['ENOSPC', 'EIO', 'EROFS']);

export interface SessionEvents {
  changed: SessionChange;
  /** Every line run in the terminal, whether or not it changed the stick (lessons watch what is typed). */
  typed: SessionChange;
}

export type SessionResult = { ok: true; session: Session } | StickRefusal;

/** What a saved activity keeps beside the stick, each read tolerantly (a damaged one starts afresh). */
export interface SavedSessionParts {
  /** OverlayLedger.save() */
  ledger?: unknown;
  /** Session.samples */
  samples?: unknown;
}

export class Session {
  readonly events = new Emitter<SessionEvents>();
  private currentStick: Stick;
  /** Who spent each overlay chunk, following the current stick (the chunk map and the spenders read it). */
  private currentLedger: OverlayLedger;
  private clock: QuietClock;
  private currentMode: SessionMode = 'sandbox';
  private samplesSoFar: UsageSample[];
  private readonly history = new UndoHistory();
  /**
   * The state reset goes back to: the stick as it was made and first booted. Saved just before the first
   * change rather than at once, so a new session draws sooner (saving a stick is the slow part).
   */
  private baseline: SavedState | null = null;
  /** The parts of the last saved document, for the next one to share. */
  private lastSaved: DocumentParts | null = null;

  private constructor(stick: Stick, saved: SavedSessionParts = {}) {
    this.currentStick = stick;
    this.currentLedger = OverlayLedger.follow(stick, saved.ledger);
    this.clock = new QuietClock(QUIET_WRITERS);
    this.samplesSoFar = resumedHistory(saved.samples, stick.usage(), stick.clockMs);
  }

  /** A session on a new stick made from `plan` and booted; or the plan's refusal. */
  static create(plan: StickPlan): SessionResult {
    const made = Stick.create(plan);
    if (!made.ok) return made;
    made.stick.boot();
    return { ok: true, session: new Session(made.stick) };
  }

  /**
   * A session on a stick saved earlier (its ledger document and usage samples too, when there are some):
   * the Journal's entry resumed. Its undo history starts empty, and reset goes back to the stick as saved.
   */
  static resume(stick: Stick, mode: SessionMode, saved: SavedSessionParts = {}): Session {
    const session = new Session(stick, saved);
    session.currentMode = mode;
    return session;
  }

  get stick(): Stick {
    return this.currentStick;
  }

  get ledger(): OverlayLedger {
    return this.currentLedger;
  }

  get mode(): SessionMode {
    return this.currentMode;
  }

  get samples(): readonly UsageSample[] {
    return this.samplesSoFar;
  }

  /** How many steps undo can still go back. */
  get undoSteps(): number {
    return this.history.length;
  }

  setMode(mode: SessionMode): SessionChange {
    const usage = this.currentStick.usage();
    this.currentMode = mode;
    return this.announce({
      action: { type: 'set-mode', mode },
      ok: true,
      costs: NO_COSTS,
      before: usage,
      after: usage,
    });
  }

  /** Carries out one command; the change (with a message when it failed) is also sent as `changed`. */
  apply(command: SessionCommand): SessionChange {
    if (command.type === 'new-stick' || command.type === 'mirror-stick') return this.newStick(command);
    const before = this.currentStick.usage();
    const saved = this.saveBeforeChange();
    const outcome = this.run(command);
    const after = this.currentStick.usage();
    const changedNothing = !outcome.ok && sameUsage(before, after);
    if (!changedNothing) this.history.push(saved);
    this.addSample(after);
    return this.announce({
      action: command,
      ok: outcome.ok,
      ...(outcome.error && { error: outcome.error, ...this.storeOf(command) }),
      costs: outcome.costs,
      before,
      after,
    });
  }

  /**
   * The running clock: time passes and the background programs write, as `advance` does, but without an
   * undo step of its own (a clock ticking every second would push every real step out of the history).
   */
  tick(ms: number): SessionChange {
    const before = this.currentStick.usage();
    this.baseline ??= this.saveState();
    const outcome = this.run({ type: 'advance', ms });
    const after = this.currentStick.usage();
    this.addSample(after);
    return this.announce({
      action: { type: 'tick', ms },
      ok: outcome.ok,
      ...(outcome.error && { error: outcome.error }),
      costs: outcome.costs,
      before,
      after,
    });
  }

  /**
   * A command line the terminal runs on the current stick itself (`run` answers whether it may have
   * changed anything): an undo step, a sample and a `changed` event when it did. Usage is compared too,
   * since a program can spend overlay chunks even when it says it failed.
   */
  terminal<T extends { changed: boolean; exitCode: number }>(line: string, folder: string, run: () => T): T {
    const before = this.currentStick.usage();
    const saved = this.saveBeforeChange();
    const result = run();
    const after = this.currentStick.usage();
    const change: SessionChange = {
      action: { type: 'terminal', line, folder, exitCode: result.exitCode },
      ok: result.exitCode === 0,
      costs: NO_COSTS,
      before,
      after,
    };
    if (result.changed || !sameUsage(before, after)) {
      this.history.push(saved);
      this.addSample(after);
      this.announce(change);
    }
    this.events.emit('typed', change);
    return result;
  }

  /** Goes back one step: the stick, its clock and the samples exactly as they were. */
  undo(): SessionChange {
    const before = this.currentStick.usage();
    const saved = this.history.pop();
    if (!saved) {
      return this.announce({
        action: { type: 'undo' },
        ok: false,
        error: 'nothing-to-undo',
        costs: NO_COSTS,
        before,
        after: before,
      });
    }
    this.loadState(saved);
    return this.announce({
      action: { type: 'undo' },
      ok: true,
      costs: NO_COSTS,
      before,
      after: this.currentStick.usage(),
    });
  }

  /** Back to the stick as it was made (undo can take the reset back). */
  reset(): SessionChange {
    const before = this.currentStick.usage();
    const saved = this.saveBeforeChange();
    this.history.push(saved);
    this.loadState(this.baseline!);
    return this.announce({
      action: { type: 'reset' },
      ok: true,
      costs: NO_COSTS,
      before,
      after: this.currentStick.usage(),
    });
  }

  private run(
    command: Exclude<SessionCommand, { type: 'new-stick' } | { type: 'mirror-stick' }>,
  ): StickOutcome {
    if (command.type !== 'advance') return runCommand(this.currentStick, command);
    let costs = NO_COSTS;
    let failure: StickOutcome | null = null;
    this.clock.fastForward(
      command.ms,
      stickTarget(this.currentStick, (outcome) => {
        costs = addCosts(costs, outcome.costs);
        if (!outcome.ok && !failure && SPACE_FAILURES.has(outcome.error!)) failure = outcome;
      }),
    );
    return failure ? { ...(failure as StickOutcome), costs } : { ok: true, costs };
  }

  /**
   * Another stick: a new one starts a new history; a mirrored one is one undo step (the learner's stick
   * before it stays a step away). Either way reset goes back to the new stick as it was made. The ledger follows it without a document, so the chunks a mirror's fill
   * spent are charged as earlier changes.
   */
  private newStick(
    command: Extract<SessionCommand, { type: 'new-stick' } | { type: 'mirror-stick' }>,
  ): SessionChange {
    const before = this.currentStick.usage();
    const made =
      command.type === 'new-stick' ? bootedStick(command.plan) : mirrorStick(command.plan, command);
    if (!made.ok) {
      return this.announce({
        action: command,
        ok: false,
        error: 'refused',
        message: made.message,
        costs: NO_COSTS,
        before,
        after: before,
      });
    }
    if (command.type === 'mirror-stick') this.history.push(this.saveBeforeChange());
    else this.history.clear();
    // Reset goes back to this stick as it was made (or mirrored), not to the one before it.
    this.baseline = null;
    this.follow(made.stick);
    this.clock = new QuietClock(QUIET_WRITERS);
    this.samplesSoFar = withSample([], made.stick.usage(), made.stick.clockMs);
    return this.announce({ action: command, ok: true, costs: NO_COSTS, before, after: made.stick.usage() });
  }

  /** The store a command's path is in (where a failed write would have gone), if it is on the stick. */
  private storeOf(command: SessionCommand): { store?: StoreKind } {
    const path = 'path' in command ? command.path : 'toPath' in command ? command.toPath : null;
    const place = path ? this.currentStick.whereIs(path) : null;
    return place?.ok ? { store: place.store } : {};
  }

  /** The state before a change, for undo; the first one is also what reset goes back to. */
  private saveBeforeChange(): SavedState {
    const saved = this.saveState();
    this.baseline ??= saved;
    return saved;
  }

  private saveState(): SavedState {
    const stick = splitDocument(this.currentStick.save(), this.lastSaved);
    this.lastSaved = stick;
    return {
      stick,
      ledger: JSON.stringify(this.currentLedger.save()),
      clock: this.clock.save(),
      samples: this.samplesSoFar,
    };
  }

  private loadState(saved: SavedState): void {
    const restored = Stick.restore(joinDocument(saved.stick));
    // Only documents this session saved come here: a refusal would be a bug in the model.
    if (!restored.ok) throw new Error(`Cellar could not restore its own saved stick: ${restored.message}`);
    this.follow(restored.stick, JSON.parse(saved.ledger));
    this.clock = new QuietClock(QUIET_WRITERS, structuredClone(saved.clock as QuietClockState));
    this.samplesSoFar = [...saved.samples];
  }

  /** One more point of the usage plot, at the stick's clock. */
  private addSample(usage: StickUsage): void {
    this.samplesSoFar = withSample(this.samplesSoFar, usage, this.currentStick.clockMs);
  }

  private follow(stick: Stick, savedLedger?: unknown): void {
    this.currentLedger.stop();
    this.currentStick = stick;
    this.currentLedger = OverlayLedger.follow(stick, savedLedger);
  }

  private announce(change: SessionChange): SessionChange {
    this.events.emit('changed', change);
    return change;
  }
}

function bootedStick(plan: StickPlan): StickResult {
  const made = Stick.create(plan);
  if (made.ok) made.stick.boot();
  return made;
}

function sameUsage(a: StickUsage, b: StickUsage): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
