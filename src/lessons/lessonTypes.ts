// What a lesson is: a stick to start from, an optional scene set with the model's own commands, and steps.
// Each step has an instruction, the condition on the model (or on what the learner typed) that completes
// it, hints for a learner who is stuck, and a "what just happened" tied to the learner's own numbers.
// Every text is a function, so it is read through msg() in the language spoken at that moment.

import type { SessionChange } from '../model/session/Session';
import type { SandboxChoices } from '../model/session/sandboxPlan';
import type { SessionCommand } from '../model/session/sessionCommands';
import type { Stick } from '../model/stick/Stick';
import type { StickUsage } from '../model/stick/usageSummary';

/** What a step's condition and explanation read: the change just made, and the stick as things began. */
export interface StepFacts {
  change: SessionChange;
  /** The stick's usage when the step began (before the learner's first change in it). */
  start: StickUsage;
  /** The stick's usage when the lesson began (or was resumed). */
  lessonStart: StickUsage;
}

/** A step the learner completes by answering: the choices, and which one is right. */
export interface StepQuestion {
  choices(): string[];
  /** Index of the right choice. */
  answer: number;
}

export interface LessonStep {
  /** Stable within its lesson: saved progress names it. */
  id: string;
  instruction(): string;
  /**
   * Whether this change completes the step. Reads the stick, never changes it. A step with a question is
   * completed by the right answer instead (its facts then show the stick as it is, unchanged).
   */
  done(facts: StepFacts, stick: Stick): boolean;
  /**
   * Whether this change, not completing the step, is a part of its right action all the same (the new stick
   * it asks for, a photo to save before deleting it, one press of several): not a miss, so it brings no
   * hint. Absent: every change that does not complete the step is a miss.
   */
  onTheWay?(facts: StepFacts, stick: Stick): boolean;
  question?: StepQuestion;
  /** Shown one at a time to a learner who is stuck, the gentlest first. */
  hints: (() => string)[];
  /** What just happened, in the learner's numbers (from the facts that completed the step). */
  explain(facts: StepFacts): string;
}

export interface Lesson {
  /** Stable: saved progress and the teacher's summary name it. */
  id: string;
  /** Its place in the catalogue (1–12). */
  number: number;
  title(): string;
  /** What the learner will know at the end, in one sentence (the panel and the teacher guide show it). */
  goal(): string;
  minutes: number;
  /** The stick the lesson starts on, made as the sandbox makes one (through the era's installer). */
  stick: SandboxChoices;
  /**
   * The lesson works on any stick with an overlay file and a home.img: once the learner has mirrored their
   * own stick (real mode), it starts on that model instead of `stick`.
   */
  onYourStick?: boolean;
  /** Commands run on that stick before the first step (a nearly full overlay, a file to delete…). */
  scene?: readonly SessionCommand[];
  steps: readonly LessonStep[];
}
