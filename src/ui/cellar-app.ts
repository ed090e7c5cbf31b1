// The activity's top-level element: owns the Session, lays out the toolbar and the views, and carries out
// what the views ask (`cellar-command`). Views only read the session; everything that changes it is here.

import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import {
  choicesForEra,
  DEFAULT_SANDBOX,
  sandboxPlan,
  type SandboxChoices,
} from '../model/session/sandboxPlan';
import { Session, type SessionChange } from '../model/session/Session';
import type { StickPlan } from '../model/stick/stickPlan';
import { describeChange } from './announcer/describeChange';
import { appStyles } from './app.styles';
import type { CellarCommandEvent, CellarIntent, ClockSpeed } from './cellarCommand';
import { LessonController } from './controllers/LessonController';
import type { LessonProgress } from '../lessons/lessonProgress';
import type { CellarSandboxSetup } from './sandbox-setup/cellar-sandbox-setup';
import type { CellarShortcutsDialog } from './shortcuts/cellar-shortcuts-dialog';
import { SHORTCUTS } from './shortcuts/keyboardShortcuts';
import type { RunResult } from '../shell/Shell';
import { readActivityView, SAVED_PASTE_CHARS, type ActivityView } from '../sugar/activityView';
import { DEFAULT_XO_COLOURS, type XoColours } from '../sugar/host';
import './announcer/cellar-announcer';
import './chunk-map/cellar-chunk-map';
import './overlay-spenders/cellar-overlay-spenders';
import type { CellarTerminal } from './terminal/cellar-terminal';
import './terminal/cellar-terminal';
import './usage-plot/cellar-usage-plot';
import type { CellarFiles } from './files/cellar-files';
import './files/cellar-files';
import './overlay-gauge/cellar-overlay-gauge';
import type { CellarRealStick } from './real/cellar-real-stick';
import './real/cellar-real-stick';
import './refresh-reset/cellar-refresh-reset';
import './challenge/cellar-challenge';
import type { ChallengeAnsweredDetail } from './challenge/cellar-challenge';
import './lesson-panel/cellar-lesson-list';
import './teacher-summary/cellar-teacher-summary';
import './lesson-panel/cellar-lesson-panel';
import './sandbox-setup/cellar-sandbox-setup';
import { refusalText } from './sandbox-setup/refusalText';
import './shortcuts/cellar-shortcuts-dialog';
import './stick-picture/cellar-stick-picture';
import './toolbar/cellar-toolbar';

const INTERACTIVE_MARK = 'cellar-interactive';

/**
 * `<cellar-app>`: the whole Cellar activity.
 * @fires cellar-progress - the lesson progress changed (a step done, another step, a lesson started or
 *   finished): the host saves `lessonProgress`
 * @fires cellar-stop - Stop was pressed; `detail.stick` is the saved stick document (the host keeps it
 *   in the Journal, then closes the activity)
 */
@customElement('cellar-app')
@localized()
export class CellarApp extends LitElement {
  static override styles = appStyles;

  /** The activity's name, shown in the toolbar (Sugar shows the Journal title there later). */
  @property() activityName = 'Cellar';
  /** The stick to start with; default: the sandbox's 2012 stick from the wiki (1 GB, 300 + 200 MiB). */
  @property({ attribute: false }) plan: StickPlan | null = null;
  /** The session every view reads; made at connect when not given, unless the host glue brings one. */
  @property({ attribute: false }) session: Session | null = null;
  /**
   * Set (`host-managed`) when the page's start-up glue finds the host and restores the saved stick first:
   * the app then waits for `begin()` instead of making a stick of its own that would be thrown away.
   */
  @property({ type: Boolean, attribute: 'host-managed' }) hostManaged = false;
  /** The learner's XO colours, from the host (Sugar's get_xo_color, Sugarizer's user). */
  @property({ attribute: false }) colours: XoColours = DEFAULT_XO_COLOURS;
  @state() private choices: SandboxChoices = DEFAULT_SANDBOX;
  // Not saved: the activity always opens Paused, as Stop leaves it. A clock running on its own from the
  // start would change the stick (logs, the overlay filling) before the learner has looked at it again.
  @state() private clockSpeed: ClockSpeed = 0;
  /** The last thing said; before anything, a hint in the language spoken when it renders. */
  @state() private announcement: string | null = null;
  @state() private problem = false;
  @query('cellar-shortcuts-dialog') private help!: CellarShortcutsDialog;
  @query('cellar-sandbox-setup') private setup!: CellarSandboxSetup;
  @query('cellar-terminal') private terminal?: CellarTerminal;
  @query('cellar-files') private files?: CellarFiles;
  @query('cellar-real-stick') private realStick?: CellarRealStick;
  /** The saved view the terminal and Files start from (given to them once, by `restoreView`). */
  private resumed: ActivityView = {};
  private clockTimer: ReturnType<typeof setInterval> | null = null;
  /** Real mode has been shown: its panel stays in the page from then on. */
  private realShown = false;
  private readonly lessons = new LessonController(
    this,
    () => this.session,
    () => this.dispatchEvent(new Event('cellar-progress')),
  );
  private unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hostManaged) this.begin(this.session ?? this.startSession());
    this.addEventListener('cellar-command', this.onCommand);
    // On the window, so the keys work before anything has the focus (the learner has not clicked yet).
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.setClockSpeed(0);
    this.removeEventListener('cellar-command', this.onCommand);
    window.removeEventListener('keydown', this.onKey);
  }

  override render() {
    const session = this.session;
    const stick = session?.stick;
    return html`
      <cellar-toolbar
        .activityTitle=${this.activityName}
        .mode=${session?.mode ?? 'sandbox'}
        .era=${stick?.era.id ?? this.choices.era}
        .clockSpeed=${this.clockSpeed}
        .undoSteps=${session?.undoSteps ?? 0}
        .colours=${this.colours}
        @cellar-stop=${this.onStop}
      ></cellar-toolbar>
      <cellar-announcer .text=${this.announcement ?? this.hint()} ?problem=${this.problem}></cellar-announcer>
      <div class="body">
        ${this.renderLessons()}
        <main>
          ${this.renderRealStick()}
          <section class="stick" aria-labelledby="stick-title">
            <div class="stick-head">
              <h2 id="stick-title">${msg('Where the space goes')}</h2>
              <div class="stick-actions">
                <button title=${msg('Reboot (Alt+B)')} @click=${() => this.act({ type: 'reboot' })}>
                  ${msg('Reboot')}
                </button>
                <cellar-refresh-reset .session=${session}></cellar-refresh-reset>
              </div>
            </div>
            <cellar-stick-picture .session=${session}></cellar-stick-picture>
          </section>
          <section class="overlay">
            <cellar-overlay-gauge .session=${session}></cellar-overlay-gauge>
            <div class="side-slots">
              <cellar-usage-plot .samples=${session?.samples ?? []}></cellar-usage-plot>
              <cellar-overlay-spenders .ledger=${session?.ledger ?? null}></cellar-overlay-spenders>
            </div>
          </section>
          <section class="files">
            <cellar-files
              .session=${session}
              .resumeFolder=${this.resumed.filesFolder ?? null}
            ></cellar-files>
          </section>
          <div class="slots">
            <section class="chunk-map" aria-labelledby="chunk-map-title">
              <h2 id="chunk-map-title">${msg('Inside the overlay file')}</h2>
              <cellar-chunk-map .ledger=${session?.ledger ?? null}></cellar-chunk-map>
            </section>
            <section class="terminal" aria-labelledby="terminal-title">
              <h2 id="terminal-title">${msg('Terminal')}</h2>
              <cellar-terminal
                .stick=${stick ?? null}
                .runner=${this.runLine}
                .resumeFrom=${this.resumed.terminal ?? null}
              ></cellar-terminal>
            </section>
          </div>
        </main>
      </div>
      <cellar-shortcuts-dialog></cellar-shortcuts-dialog>
      <cellar-sandbox-setup .choices=${this.choices}></cellar-sandbox-setup>
    `;
  }

  /** The line under the toolbar before anything is said: what to do in the mode shown. */
  private hint(): string {
    switch (this.session?.mode) {
      case 'lessons':
        return msg('The lesson column says what to do next.');
      case 'real':
        return msg(
          'Read your own stick: paste what it printed, choose its overlay file, or connect the bridge.',
        );
      default:
        return msg('Save a file somewhere and watch which part of the stick grows.');
    }
  }

  /**
   * Real mode: reading the learner's own stick, above the model it is compared with. Made the first time
   * real mode is shown (not at start-up), then hidden, not removed, in the other modes: the reading, the
   * paste and the bridge's connection stay while the learner experiments in the sandbox and comes back.
   */
  private renderRealStick() {
    if (this.session?.mode === 'real') this.realShown = true;
    if (!this.realShown) return '';
    return html`<section
      class="real"
      aria-label=${msg('Your own stick')}
      ?hidden=${this.session?.mode !== 'real'}
    >
      <cellar-real-stick
        .session=${this.session}
        .resumePaste=${this.resumed.realPaste ?? ''}
      ></cellar-real-stick>
    </section>`;
  }

  /** Lessons mode: the lesson under way, or the list to choose one from, in a column beside the views. */
  private renderLessons() {
    if (this.session?.mode !== 'lessons') return '';
    const run = this.lessons.run;
    return html`<aside class="lesson" aria-label=${msg('Lesson')}>
      ${
        run
          ? html`<cellar-lesson-panel
              .view=${run.view()}
              .controls=${run}
              .hintCount=${run.lesson.steps[run.stepIndex]?.hints.length ?? 0}
              @cellar-lesson-list=${this.onLessonList}
            ></cellar-lesson-panel>`
          : this.renderLessonExtras()
      }
    </aside>`;
  }

  /** With no lesson under way: the list, the challenges or the teacher's summary. */
  private renderLessonExtras() {
    const lessons = this.lessons;
    const leave = html`<button class="leave" @click=${this.onLessonList}>${msg('All lessons')}</button>`;
    switch (lessons.showing) {
      case 'challenges':
        return html`<cellar-challenge
            .challenge=${lessons.round.challenge}
            .answer=${lessons.round.answer}
            .score=${lessons.round.score.points}
            @cellar-challenge-answered=${(e: CustomEvent<ChallengeAnsweredDetail>) =>
              lessons.answerChallenge(e.detail.guessPercent)}
            @cellar-challenge-next=${() => this.showInColumn(() => lessons.nextChallenge(), 'cellar-challenge')}
          ></cellar-challenge
          >${leave}`;
      case 'teacher':
        return html`<cellar-teacher-summary
            .lessons=${lessons.lessons}
            .progress=${lessons.progress}
          ></cellar-teacher-summary
          >${leave}`;
      case 'list':
        return html`<cellar-lesson-list
          .lessons=${lessons.lessons}
          .completed=${lessons.completedIds}
          ?mirrored=${lessons.onYourStick}
          @cellar-lesson-start=${this.onLessonStart}
          @cellar-lesson-challenges=${() =>
            this.showInColumn(() => lessons.showChallenges(), 'cellar-challenge')}
          @cellar-lesson-teacher=${() => this.showInColumn(() => lessons.showTeacher(), 'cellar-teacher-summary')}
        ></cellar-lesson-list>`;
    }
  }

  /** The lesson progress to save (the lesson under way and its step, the lessons done). */
  get lessonProgress(): LessonProgress {
    return this.lessons.progress;
  }

  /** Saved lesson progress back (any JSON, read tolerantly), after `begin`: resumes the lesson under way. */
  restoreLessons(saved: unknown): void {
    this.lessons.restore(saved);
  }

  /** What the learner was looking at, to save with the stick (the terminal and Files once drawn). */
  get view(): ActivityView {
    const view: ActivityView = {};
    const terminal = this.terminal?.savedView;
    if (terminal) view.terminal = terminal;
    if (this.files) view.filesFolder = this.files.folder;
    // With a lesson under way the panel is shown, and the saved progress brings it back.
    if (!this.lessons.run) view.lessonColumn = this.lessons.showing;
    // Before real mode is shown again, the paste is still the one resumed.
    const paste = this.realStick?.pasteText ?? this.resumed.realPaste ?? '';
    if (paste !== '' && paste.length <= SAVED_PASTE_CHARS) view.realPaste = paste;
    return view;
  }

  /**
   * A saved view (any JSON, read tolerantly) back, after `begin` and `restoreLessons` with the stick it
   * was saved with, and before the first render on it: the terminal starts its shell from it.
   */
  restoreView(saved: unknown): void {
    this.resumed = readActivityView(saved);
    // Only where the column is shown: a challenge is made by running the model (a few hundred ms), which
    // a resume in another mode must not spend before its first render.
    const column =
      this.session?.mode === 'lessons' && !this.lessons.run ? this.resumed.lessonColumn : undefined;
    if (column === 'challenges') this.lessons.showChallenges();
    if (column === 'teacher') this.lessons.showTeacher();
    this.requestUpdate();
  }

  /** Starts a lesson by its id (what choosing it in the list does); false when it could not start. */
  startLesson(lessonId: string): boolean {
    return this.lessons.start(lessonId);
  }

  /** Starts the views on a session (the host glue's restored one, or a fresh one). */
  begin(session: Session | null): void {
    this.unsubscribe?.();
    this.session = session;
    this.unsubscribe = session?.events.on('changed', (change) => this.heard(change)) ?? null;
    // What `npm run bench` measures as time to interactive: the first stick drawn and ready for clicks.
    if (session && performance.getEntriesByName(INTERACTIVE_MARK).length === 0) {
      void this.updateComplete.then(() => performance.mark(INTERACTIVE_MARK));
    }
  }

  /** A new session on the sandbox's starting stick. */
  startSession(): Session | null {
    const planned = this.plan ? { ok: true as const, plan: this.plan } : sandboxPlan(this.choices);
    if (!planned.ok) return null;
    const made = Session.create(planned.plan);
    return made.ok ? made.session : null;
  }

  /** Carries out one intent. Public so the lead's host glue and tests can drive the app without events. */
  act(intent: CellarIntent): void {
    const session = this.session;
    if (!session) return;
    switch (intent.type) {
      case 'undo':
        session.undo();
        return;
      case 'reset':
        session.reset();
        return;
      case 'set-mode':
        session.setMode(intent.mode);
        return;
      case 'set-clock-speed':
        this.setClockSpeed(intent.msPerSecond);
        return;
      case 'set-era':
        this.makeSandboxStick(choicesForEra(this.choices, intent.era));
        return;
      case 'make-sandbox-stick':
        this.makeSandboxStick(intent.choices);
        return;
      case 'open-help':
        this.help.show();
        return;
      case 'open-sandbox-setup':
        this.setup.show();
        return;
      default:
        session.apply(intent);
    }
  }

  private makeSandboxStick(choices: SandboxChoices): void {
    const planned = sandboxPlan(choices);
    if (!planned.ok) {
      this.say(refusalText(planned), true);
      return;
    }
    const change = this.session!.apply({ type: 'new-stick', plan: planned.plan });
    if (change.ok) this.choices = choices;
  }

  private setClockSpeed(msPerSecond: ClockSpeed): void {
    this.clockSpeed = msPerSecond;
    if (this.clockTimer !== null) clearInterval(this.clockTimer);
    this.clockTimer = msPerSecond > 0 ? setInterval(() => this.session?.tick(msPerSecond), 1000) : null;
  }

  private heard(change: SessionChange): void {
    // The running clock speaks only when something goes wrong, or it would talk every second.
    const quietTick =
      change.action.type === 'tick' &&
      change.ok &&
      change.before.overlay.state === change.after.overlay.state;
    // The model of the learner's own stick: the lessons that work on any stick start on it from now on.
    if (change.action.type === 'mirror-stick' && change.ok) this.lessons.useYourStick(change.action);
    if (change.action.type === 'set-mode' && change.ok) {
      // Another mode has nothing to report: its hint instead, as when the activity is resumed in it.
      this.announcement = null;
      this.problem = false;
    } else if (!quietTick) this.say(describeChange(change), !change.ok);
    this.requestUpdate();
  }

  /** Says something that is not a change of the stick (a saved stick that could not be opened). */
  say(text: string, problem: boolean): void {
    this.announcement = text;
    this.problem = problem;
  }

  /** The terminal's lines go through the session, which makes an undo step of each that changed the stick. */
  private runLine = (line: string, folder: string, run: () => RunResult): RunResult =>
    this.session ? this.session.terminal(line, folder, run) : run();

  // The list, the panel and the challenges replace each other (and a challenge the one before): the focus
  // goes along, so the keyboard is not left on nothing, and the column shows the new view from its top.
  private onLessonStart = async (event: CustomEvent<{ lessonId: string }>) => {
    if (!this.lessons.start(event.detail.lessonId)) return;
    await this.updateComplete;
    await this.renderRoot.querySelector('cellar-lesson-panel')?.focusStep();
  };

  private onLessonList = async () => {
    this.lessons.toList();
    await this.updateComplete;
    await this.renderRoot.querySelector('cellar-lesson-list')?.focusList();
  };

  /** Shows a view in the lesson column in place of what had the focus, and puts the focus on its heading. */
  private async showInColumn(
    show: () => void,
    view: 'cellar-challenge' | 'cellar-teacher-summary',
  ): Promise<void> {
    show();
    await this.updateComplete;
    await this.renderRoot.querySelector(view)?.focusHeading();
  }

  private onCommand = (event: CellarCommandEvent) => {
    event.stopPropagation();
    this.act(event.detail);
  };

  private onKey = (event: KeyboardEvent) => {
    const shortcut = SHORTCUTS.find((s) => s.matches(event));
    if (!shortcut) return;
    event.preventDefault();
    if (shortcut.intent === 'stop') this.stop();
    else this.act(shortcut.intent);
  };

  private onStop = (event: Event) => {
    // The toolbar's Stop becomes the app's, carrying the saved stick.
    event.stopPropagation();
    this.stop();
  };

  private stop(): void {
    this.setClockSpeed(0);
    const stick = this.session?.stick.save() ?? null;
    this.dispatchEvent(new CustomEvent('cellar-stop', { detail: { stick }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cellar-app': CellarApp;
  }
  interface HTMLElementEventMap {
    'cellar-stop': CustomEvent<{ stick: unknown } | undefined>;
    'cellar-progress': Event;
  }
}
