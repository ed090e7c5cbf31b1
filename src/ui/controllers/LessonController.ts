// Holds the lesson being taken for <cellar-app>: starts a lesson on the app's session (or resumes the saved
// one), re-renders the app when the lesson moves on, lets it go when the mode leaves Lessons, and answers
// the progress to save. The lesson logic itself stays in the engine (`LessonRun`).

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LESSONS } from '../../../lessons/index';
import { LessonRun, takesLessons, type YourStick } from '../../lessons/LessonRun';
import { ChallengeRound } from '../../lessons/challenges/challengeRound';
import { NO_CHALLENGES, readLessonProgress, type LessonProgress } from '../../lessons/lessonProgress';
import type { Session } from '../../model/session/Session';

const STEP_COUNTS: ReadonlyMap<string, number> = new Map(LESSONS.map((l) => [l.id, l.steps.length]));

export class LessonController implements ReactiveController {
  /** The lesson under way (shown by the panel), or null while the list is shown. */
  run: LessonRun | null = null;
  private completed: string[] = [];
  /** What the column shows while no lesson is under way. */
  showing: 'list' | 'challenges' | 'teacher' = 'list';
  /** The "predict the meter" questions and their score (saved with the lessons). */
  readonly round = new ChallengeRound(NO_CHALLENGES);
  private stopListening: (() => void) | null = null;
  /** The session the run is taken on: another session given to the app ends it. */
  private runOn: Session | null = null;
  /**
   * The command that makes the model of the learner's own stick, once mirrored in real mode, when lessons
   * can be taken on it: the lessons that work on any stick start on it.
   */
  private mirrored: YourStick | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => Session | null,
    /** Told of every change worth saving: a step done, another step, a lesson started, finished or left. */
    private readonly onProgress: () => void,
  ) {
    host.addController(this);
  }

  // Leaving Lessons mode, or another session, ends the lesson: the sandbox's changes are not the lesson's.
  // Checked before each render rather than in the session's `changed`, where the run is still listening.
  hostUpdate(): void {
    const session = this.session();
    if (this.run && (this.runOn !== session || session?.mode !== 'lessons')) this.toList();
  }

  hostDisconnected(): void {
    this.drop();
  }

  get lessons() {
    return LESSONS;
  }

  /** Whether "Mirror my stick" made a model the lessons marked `onYourStick` start on. */
  get onYourStick(): boolean {
    return this.mirrored !== null;
  }

  /** The learner mirrored their stick: kept for the lessons when they can be taken on it. */
  useYourStick(command: YourStick): void {
    this.mirrored = takesLessons(command) ? command : null;
  }

  get completedIds(): readonly string[] {
    return this.completed;
  }

  /** What the saved activity keeps; a step done but not yet left keeps what its explanation reads. */
  get progress(): LessonProgress {
    const run = this.run;
    const explained = run?.explainedFacts;
    const current =
      run && !run.complete
        ? { lessonId: run.lesson.id, stepIndex: run.stepIndex, ...(explained && { explained }) }
        : null;
    return { current, completed: [...this.completed], challenges: this.round.score };
  }

  /** Starts a lesson from its first step on a new stick; false when there is no such lesson or stick. */
  start(lessonId: string): boolean {
    const lesson = LESSONS.find((l) => l.id === lessonId);
    const session = this.session();
    if (!lesson || !session) return false;
    this.drop();
    this.take(LessonRun.start(lesson, session, this.mirrored), session);
    return this.run !== null;
  }

  /** Saved progress (any JSON) back: the lessons done, and the lesson under way resumed at its step. */
  restore(saved: unknown): void {
    const progress = readLessonProgress(saved, STEP_COUNTS);
    this.completed = progress.completed;
    this.round.score = progress.challenges;
    const session = this.session();
    const lesson = LESSONS.find((l) => l.id === progress.current?.lessonId);
    if (!session || session.mode !== 'lessons' || !lesson) return;
    this.drop();
    const { stepIndex, explained } = progress.current!;
    this.take(LessonRun.resume(lesson, session, stepIndex, explained), session);
  }

  /** Back to the list of lessons. */
  toList(): void {
    this.drop();
    this.showing = 'list';
    this.changed();
  }

  /** The challenges, at the question the learner is on (a first one is made now). */
  showChallenges(): void {
    this.drop();
    if (!this.round.challenge) this.round.next();
    this.showing = 'challenges';
    this.changed();
  }

  /** The teacher's summary of this learner's lessons and challenges. */
  showTeacher(): void {
    this.drop();
    this.showing = 'teacher';
    this.changed();
  }

  answerChallenge(guessPercent: number): void {
    this.round.guess(guessPercent);
    this.changed();
  }

  nextChallenge(): void {
    this.round.next();
    this.changed();
  }

  private take(run: LessonRun | null, session: Session): void {
    this.run = run;
    this.runOn = run ? session : null;
    this.stopListening = run?.subscribe(() => this.changed()) ?? null;
    this.changed();
  }

  private changed(): void {
    const run = this.run;
    if (run?.complete && !this.completed.includes(run.lesson.id)) {
      this.completed = [...this.completed, run.lesson.id];
    }
    this.host.requestUpdate();
    this.onProgress();
  }

  private drop(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.run?.dispose();
    this.run = null;
    this.runOn = null;
  }
}
