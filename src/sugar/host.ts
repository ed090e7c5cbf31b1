// The one interface Cellar saves through, whichever host runs it (Sugar, Sugarizer or a plain browser).

export type HostKind = 'sugar' | 'sugarizer' | 'standalone';

/** The learner's XO colours, as CSS colours. */
export interface XoColours {
  stroke: string;
  fill: string;
}

/** A blue and red pair, used when the host does not say (standalone, or Sugar not answering). */
export const DEFAULT_XO_COLOURS: XoColours = { stroke: '#005FE4', fill: '#FF2B34' };

/**
 * A host's storage and lifecycle as an ops table. Promises reject when the host's storage fails; the
 * persistence layer turns that into a problem for the learner, never into an exception for the app.
 */
export interface Host {
  readonly kind: HostKind;
  /** The learner's colours (the defaults when the host does not know them). */
  readonly colours: XoColours;
  /** The learner's language (e.g. "fr") when the host knows it; null otherwise. */
  readonly language: string | null;
  /** The saved text this launch resumes, or null when there is none (a new Journal entry, a first visit). */
  load(): Promise<string | null>;
  /** Replaces the saved text; resolves once the host has stored it. */
  save(text: string): Promise<void>;
  /**
   * The page is going away (reload, tab closed) and `save` may never finish: the browser drops IndexedDB
   * writes begun while a page unloads. A host that can store the text synchronously does so here and
   * returns true; the next `load` must then return it. Best effort: a text too big to keep returns false.
   */
  saveWhileLeaving?(text: string): boolean;
  /**
   * Keeps the text just loaded, which Cellar cannot read, where later saves will never overwrite it.
   * Resolves once it is safe to save again.
   */
  keepAside(text: string): Promise<void>;
  /**
   * The host asks the activity to stop: the handler saves, then the host closes unless the handler
   * answers false (the save failed and the learner was told: the activity stays open).
   */
  onStop(handler: () => Promise<boolean>): void;
  /** The host pauses the activity (Sugar: another activity came to the front). */
  onPause(handler: () => void): void;
  /** Leaves the activity (call it after saving): Sugar closes the window, Sugarizer goes home. */
  close(): Promise<void>;
}
