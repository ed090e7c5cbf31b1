// Keeps the activity saved through its host: restored at start, saved after every change (debounced), when
// the page is paused or hidden, and on Stop (save, then close). Problems reach the learner through onProblem;
// nothing here throws at the app because of what storage holds.
import { readActivityDocument, writeActivityDocument, type ActivityState } from './activityDocument';
import { Debouncer } from './debounce';
import type { Host } from './host';
import { problemText, type PersistenceProblemCode } from './problemTexts';

export const SAVE_DEBOUNCE_MS = 1000;

export interface PersistenceProblem {
  code: PersistenceProblemCode;
  /** For the learner. */
  message: string;
  /** For developers: what exactly failed. */
  detail: string;
}

export interface PersistenceOptions {
  /** The state to save, read at the moment of saving. */
  serialize(): ActivityState;
  /**
   * Called at most once, during start-up, with the saved state. Return false when the app cannot use it
   * (e.g. a mode it does not know): it is then kept aside like a damaged save.
   */
  restore(state: ActivityState): boolean | void;
  onProblem(problem: PersistenceProblem): void;
  /** Quiet time after the last change before saving (default SAVE_DEBOUNCE_MS). */
  debounceMs?: number;
  /** The window whose visibilitychange and pagehide mean "save now" (default: the global window). */
  window?: Window;
}

export interface Persistence {
  /** Something the learner cares about changed: save once things are quiet. */
  changed(): void;
  /** Saves at once (waiting for a save under way); resolves when stored or reported as failed. */
  saveNow(): Promise<void>;
  /**
   * The activity's own Stop button: save, then leave through the host. When the save fails, the activity
   * stays open once and says so; a second Stop leaves without saving.
   */
  stop(): Promise<void>;
  /** Stops listening and drops a waiting save (tests, or an app torn down). */
  dispose(): void;
}

/** Restores the saved state through options.restore, then keeps saving it; resolves once start-up is done. */
export async function startPersistence(host: Host, options: PersistenceOptions): Promise<Persistence> {
  const report = (code: PersistenceProblemCode, detail: string) =>
    options.onProblem({ code, message: problemText(code), detail });
  const started = await restoreSaved(host, options, report);
  // Unreadable storage stays untouched: this session is not saved rather than saved over it.
  const savingAllowed = started.savingAllowed;
  let lastSavedText = started.loadedText;
  let disposed = false;
  let queue: Promise<void> = Promise.resolve();

  /**
   * `always`: Stop saves even an unchanged state, so the Journal entry's date moves as hosts' own do.
   * Resolves false when a save was due and failed (reported).
   */
  async function saveOnce(always: boolean): Promise<boolean> {
    if (!savingAllowed || disposed) return true;
    let text: string;
    try {
      text = writeActivityDocument(options.serialize());
    } catch (error) {
      report('save-failed', `The state could not be written: ${String(error)}`);
      return false;
    }
    if (text === lastSavedText && !always) return true;
    try {
      await host.save(text);
      lastSavedText = text;
      return true;
    } catch (error) {
      report('save-failed', `The ${host.kind} host did not store the save: ${String(error)}`);
      return false;
    }
  }

  const debouncer = new Debouncer(options.debounceMs ?? SAVE_DEBOUNCE_MS, () => void saveNow());
  // Saves run one after another, so an older text never lands after a newer one.
  function saveNow(always = false): Promise<boolean> {
    debouncer.cancel();
    const saved = queue.then(() => saveOnce(always));
    queue = saved.then(() => {});
    return saved;
  }

  // Leaving loses whatever a failed save did not store: the first failed Stop keeps the activity open.
  let stopRefused = false;
  async function saveBeforeLeaving(): Promise<boolean> {
    if ((await saveNow(true)) || stopRefused) return true;
    stopRefused = true;
    report('stop-not-saved', 'Stop was asked while the save failed; the activity stays open.');
    return false;
  }

  const win = options.window ?? window;
  const onHidden = () => {
    if (win.document.visibilityState === 'hidden') void saveNow();
  };
  const onPageHide = () => {
    // A change not yet stored (still debounced, or a save under way that the unload will drop).
    if (host.saveWhileLeaving && savingAllowed && !disposed) {
      try {
        const text = writeActivityDocument(options.serialize());
        if (text !== lastSavedText) host.saveWhileLeaving(text);
      } catch {
        // Nobody is left to tell: the asynchronous save below reports what it can.
      }
    }
    void saveNow();
  };
  win.document.addEventListener('visibilitychange', onHidden);
  win.addEventListener('pagehide', onPageHide);
  host.onPause(() => void saveNow());
  host.onStop(saveBeforeLeaving);

  return {
    changed: () => {
      if (!disposed) debouncer.schedule();
    },
    saveNow: async () => {
      await saveNow();
    },
    stop: async () => {
      if (await saveBeforeLeaving()) await host.close();
    },
    dispose: () => {
      disposed = true;
      debouncer.cancel();
      win.document.removeEventListener('visibilitychange', onHidden);
      win.removeEventListener('pagehide', onPageHide);
    },
  };
}

interface StartUp {
  /** The text as loaded when it was restored (saving the same text again is skipped). */
  loadedText: string | null;
  savingAllowed: boolean;
}

async function restoreSaved(
  host: Host,
  options: PersistenceOptions,
  report: (code: PersistenceProblemCode, detail: string) => void,
): Promise<StartUp> {
  let text: string | null;
  try {
    text = await host.load();
  } catch (error) {
    report('load-failed', `The ${host.kind} host could not load the save: ${String(error)}`);
    return { loadedText: null, savingAllowed: false };
  }
  if (text === null) return { loadedText: null, savingAllowed: true };

  const read = readActivityDocument(text);
  if (read.ok && options.restore(read.state) !== false) return { loadedText: text, savingAllowed: true };

  const why = read.ok ? 'The app refused the saved state.' : `${read.code}: ${read.message}`;
  try {
    await host.keepAside(text);
  } catch (error) {
    report('load-failed', `${why} Keeping it aside failed too: ${String(error)}`);
    return { loadedText: null, savingAllowed: false };
  }
  report('damaged-save', why);
  return { loadedText: null, savingAllowed: true };
}
