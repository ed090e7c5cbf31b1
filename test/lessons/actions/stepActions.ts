// What a scripted learner does at each step of a lesson: the right action, and the nearest wrong one.
import type { LessonRun } from '../../../src/lessons/LessonRun';
import type { Session } from '../../../src/model/session/Session';
export interface StepActions {
  /** Completes the step (from the state the previous steps' right actions left). */
  right(session: Session, run: LessonRun): void;
  /** The nearest mistake: a similar action that must NOT complete the step, and leaves the lesson able to go on. */
  wrong(session: Session, run: LessonRun): void;
  /** Numbers the explanation must quote, read from the session after `right` (e.g. formatBytes of a growth). */
  quoted(session: Session): string[];
}
export type LessonActions = readonly StepActions[];
