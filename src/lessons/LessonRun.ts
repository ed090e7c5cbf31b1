// One lesson being taken on a session: it puts the lesson's stick in the session (made by the era's
// installer, then the lesson's scene), runs the lesson's machine on the session's changes, and answers
// what the lesson panel shows. The learner's own undo and reset stay theirs: they are changes like others.

import { createActor, type Actor } from 'xstate';
import type { Session, SessionChange } from '../model/session/Session';
import { sandboxPlan } from '../model/session/sandboxPlan';
import type { SessionCommand } from '../model/session/sessionCommands';
import { lessonMachine } from './lessonMachine';
import type { Lesson, LessonStep, StepFacts } from './lessonTypes';

export interface LessonView {
  lessonId: string;
  title: string;
  goal: string;
  /** 1-based; stepCount + 1 once complete. */
  stepNumber: number;
  stepCount: number;
  /** The step's instruction (null once complete). */
  instruction: string | null;
  /** The step's question's choices, when it asks one (answered through `answer`). */
  choices: string[] | null;
  /** The hints shown so far, gentlest first. */
  hints: string[];
  /** What just happened, once the step is done (null while it is not). */
  explanation: string | null;
  complete: boolean;
  canGoBack: boolean;
  canGoOn: boolean;
}

/** "Mirror my stick"'s command: the model of the learner's own stick, made from what real mode read. */
export type YourStick = Extract<SessionCommand, { type: 'mirror-stick' }>;

/**
 * Whether the lessons marked `onYourStick` can be taken on this model: they save into the overlay and into
 * home.img, so the stick needs both files (a stick with a temporary overlay or no home.img takes them on
 * their own sticks).
 */
export function takesLessons({ plan }: YourStick): boolean {
  const overlay = plan.overlaySectors ?? plan.overlayMib ?? 0;
  return overlay > 0 && (plan.homeMib ?? 0) > 0;
}

/** The lesson's own stick, made through the era's installer; null when it cannot be (a lesson's mistake). */
function newStickFor(lesson: Lesson): SessionCommand | null {
  const planned = sandboxPlan(lesson.stick);
  return planned.ok ? { type: 'new-stick', plan: planned.plan } : null;
}

export class LessonRun {
  private readonly actor: Actor<ReturnType<typeof lessonMachine>>;
  private readonly unsubscribe: (() => void)[];

  private constructor(
    readonly lesson: Lesson,
    private readonly session: Session,
    stepIndex: number,
    explained?: StepFacts,
  ) {
    const input = { lesson, stepIndex, ...(explained && { explained }) };
    this.actor = createActor(lessonMachine(lesson), { input }).start();
    const send = (change: SessionChange) => this.actor.send({ type: 'change', change, stick: session.stick });
    this.unsubscribe = [
      // Terminal lines come as `typed`, changing the stick or not; every other change as `changed`. The
      // running clock's ticks are not the learner's doing: they neither complete a step nor miss one.
      session.events.on('changed', (change) => {
        if (change.action.type !== 'terminal' && change.action.type !== 'tick') send(change);
      }),
      session.events.on('typed', send),
    ];
  }

  /**
   * Starts a lesson at its first step, on a new stick as the lesson asks, with its scene. `yourStick` is the
   * command that makes the model of the learner's own stick: a lesson that works on any stick starts on it.
   * Answers null when the stick cannot be made (a lesson's own mistake).
   */
  static start(lesson: Lesson, session: Session, yourStick: YourStick | null = null): LessonRun | null {
    const first =
      lesson.onYourStick && yourStick && takesLessons(yourStick) ? yourStick : newStickFor(lesson);
    if (!first || !session.apply(first).ok) return null;
    for (const command of lesson.scene ?? []) {
      if (!session.apply(command).ok) return null;
    }
    return new LessonRun(lesson, session, 0);
  }

  /**
   * Goes on with a lesson at a saved step, on the stick the session has (the one saved with it); with
   * `explained`, the step was done when saved and comes back with its explanation, waiting for Next.
   */
  static resume(lesson: Lesson, session: Session, stepIndex: number, explained?: StepFacts): LessonRun {
    return new LessonRun(lesson, session, stepIndex, explained);
  }

  get stepIndex(): number {
    return this.actor.getSnapshot().context.stepIndex;
  }

  get complete(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  /** Whether the step is done and explained, waiting for Next (the view's `canGoOn`, without the view). */
  get explained(): boolean {
    const snapshot = this.actor.getSnapshot();
    const stepIndex = snapshot.context.stepIndex;
    return snapshot.status !== 'done' && snapshot.matches({ [`step${stepIndex}`]: 'explained' } as never);
  }

  /** What completed the step, while it waits for Next (saved with the progress); null otherwise. */
  get explainedFacts(): StepFacts | null {
    return this.explained ? this.actor.getSnapshot().context.facts : null;
  }

  /** Called by `onChange` after each change of the view (a step done, a hint, next, back). */
  subscribe(onChange: () => void): () => void {
    const subscription = this.actor.subscribe(onChange);
    return () => subscription.unsubscribe();
  }

  /** The learner's choice for the step's question (index into `view().choices`). */
  answer(choice: number): void {
    this.actor.send({ type: 'answer', choice, usage: this.session.stick.usage() });
  }

  hint(): void {
    this.actor.send({ type: 'hint' });
  }

  next(): void {
    this.actor.send({ type: 'next' });
  }

  back(): void {
    this.actor.send({ type: 'back' });
  }

  view(): LessonView {
    const snapshot = this.actor.getSnapshot();
    const { context } = snapshot;
    const step = this.lesson.steps[context.stepIndex];
    const complete = snapshot.status === 'done';
    const explained = this.explained;
    return {
      lessonId: this.lesson.id,
      title: this.lesson.title(),
      goal: this.lesson.goal(),
      stepNumber: context.stepIndex + 1,
      stepCount: this.lesson.steps.length,
      instruction: step ? step.instruction() : null,
      choices: step?.question ? step.question.choices() : null,
      hints: step ? step.hints.slice(0, context.hintsShown).map((hint) => hint()) : [],
      explanation: step && explained && context.facts ? explanationOf(step, context.facts) : null,
      complete,
      canGoBack: !complete && context.stepIndex > 0,
      canGoOn: explained,
    };
  }

  /** Stops listening to the session (another lesson, another mode, or the app torn down). */
  dispose(): void {
    this.unsubscribe.forEach((stop) => stop());
    this.actor.stop();
  }
}

/**
 * The step's "what just happened". Facts from a saved document are checked only for their shape, so one
 * damaged inside reads as no explanation rather than a broken panel.
 */
function explanationOf(step: LessonStep, facts: StepFacts): string | null {
  try {
    return step.explain(facts);
  } catch {
    return null;
  }
}
