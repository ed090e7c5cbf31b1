// startPersistence against a host of our own that records every call: restore, debounced saves, pause and
// Stop, and a damaged save kept aside and reported, never overwritten.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeActivityDocument, type ActivityState } from '../../src/sugar/activityDocument';
import type { Host } from '../../src/sugar/host';
import { DEFAULT_XO_COLOURS } from '../../src/sugar/host';
import { startPersistence, type PersistenceProblem } from '../../src/sugar/persistence';
import { makeStick } from '../model/stick/makeStick';

/** A host keeping its save in memory and logging what it is asked, in order. */
class RecordingHost implements Host {
  readonly kind = 'standalone';
  readonly colours = DEFAULT_XO_COLOURS;
  readonly language = null;
  readonly log: string[] = [];
  readonly saved: string[] = [];
  readonly keptAside: string[] = [];
  stopHandler: (() => Promise<boolean>) | null = null;
  pauseHandler: (() => void) | null = null;
  failSaves = false;
  failLoad = false;

  constructor(public stored: string | null = null) {}

  async load() {
    this.log.push('load');
    if (this.failLoad) throw new Error('disk on fire');
    return this.stored;
  }
  async save(text: string) {
    this.log.push('save');
    if (this.failSaves) throw new Error('quota exceeded');
    this.saved.push(text);
    this.stored = text;
  }
  async keepAside(text: string) {
    this.log.push('keepAside');
    this.keptAside.push(text);
  }
  onStop(handler: () => Promise<boolean>) {
    this.stopHandler = handler;
  }
  onPause(handler: () => void) {
    this.pauseHandler = handler;
  }
  async close() {
    this.log.push('close');
  }
}

function fakeWindow() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return Object.assign(new EventTarget(), { document }) as unknown as Window & {
    document: { visibilityState: string };
  };
}

/** The app's side: a state that changes, and every callback recorded. */
function makeApp() {
  const app = {
    state: { mode: 'free', stick: makeStick() } as ActivityState,
    restored: [] as ActivityState[],
    problems: [] as PersistenceProblem[],
    refuse: false,
  };
  return {
    app,
    options: (win: Window) => ({
      serialize: () => app.state,
      restore: (state: ActivityState) => {
        app.restored.push(state);
        return !app.refuse;
      },
      onProblem: (problem: PersistenceProblem) => app.problems.push(problem),
      debounceMs: 1000,
      window: win,
    }),
  };
}

async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('start-up', () => {
  it('restores the saved state', async () => {
    const saved = writeActivityDocument({
      mode: 'lessons',
      stick: makeStick({ label: 'MINE' }),
      progress: 2,
    });
    const { app, options } = makeApp();
    await startPersistence(new RecordingHost(saved), options(fakeWindow()));
    expect(app.restored).toHaveLength(1);
    expect(app.restored[0].mode).toBe('lessons');
    expect(app.restored[0].progress).toBe(2);
    expect(app.restored[0].stick.save()).toEqual(JSON.parse(saved).stick);
    expect(app.problems).toEqual([]);
  });

  it('restores nothing on a first launch', async () => {
    const { app, options } = makeApp();
    await startPersistence(new RecordingHost(null), options(fakeWindow()));
    expect(app.restored).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});

describe('saving', () => {
  it('saves once, a second after the last of several changes', async () => {
    const host = new RecordingHost();
    const { app, options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    persistence.changed();
    await vi.advanceTimersByTimeAsync(500);
    app.state = { ...app.state, mode: 'lessons' };
    persistence.changed();
    await vi.advanceTimersByTimeAsync(999);
    expect(host.saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(host.saved).toHaveLength(1);
    expect(JSON.parse(host.saved[0]).mode).toBe('lessons');
  });

  it('does not store the same text twice', async () => {
    const host = new RecordingHost();
    const { options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    await persistence.saveNow();
    await persistence.saveNow();
    expect(host.saved.length).toBe(1);
  });

  it('saves at once when the page is hidden or left, and when the host pauses', async () => {
    const host = new RecordingHost();
    const { app, options } = makeApp();
    const win = fakeWindow();
    await startPersistence(host, options(win));
    win.document.visibilityState = 'hidden';
    win.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(host.saved).toHaveLength(1);
    app.state = { ...app.state, mode: 'm2' };
    win.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(host.saved).toHaveLength(2);
    app.state = { ...app.state, mode: 'm3' };
    host.pauseHandler!();
    await settle();
    expect(host.saved.map((text) => JSON.parse(text).mode)).toEqual(['free', 'm2', 'm3']);
  });

  it('does not save when the page becomes visible', async () => {
    const host = new RecordingHost();
    const { options } = makeApp();
    const win = fakeWindow();
    await startPersistence(host, options(win));
    win.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(host.saved).toEqual([]);
  });

  it('on Stop saves, then closes; a change waiting for its delay is saved then, not later', async () => {
    const host = new RecordingHost();
    const { options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    persistence.changed();
    await persistence.stop();
    expect(host.log).toEqual(['load', 'save', 'close']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(host.saved).toHaveLength(1);
  });

  it('on Stop saves even when nothing changed, so the Journal entry is the newest', async () => {
    const host = new RecordingHost();
    const { options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    await persistence.saveNow();
    await persistence.stop();
    expect(host.log).toEqual(['load', 'save', 'save', 'close']);
  });

  it("answers the host's Stop by saving (the host closes itself)", async () => {
    const host = new RecordingHost();
    const { options } = makeApp();
    await startPersistence(host, options(fakeWindow()));
    expect(await host.stopHandler!()).toBe(true);
    expect(host.log).toEqual(['load', 'save']);
  });

  it('stays open once when Stop cannot save, saying so; a second Stop closes without saving', async () => {
    const host = new RecordingHost();
    host.failSaves = true;
    const { app, options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    await persistence.stop();
    expect(host.log).toEqual(['load', 'save']);
    expect(app.problems.map((p) => p.code)).toEqual(['save-failed', 'stop-not-saved']);
    expect(app.problems[1].message).toMatch(/stays open\. Press Stop again/);
    await persistence.stop();
    expect(host.log).toEqual(['load', 'save', 'save', 'close']);
  });

  it("tells the host's Stop to keep the activity open when the save failed", async () => {
    const host = new RecordingHost();
    host.failSaves = true;
    const { options } = makeApp();
    await startPersistence(host, options(fakeWindow()));
    expect(await host.stopHandler!()).toBe(false);
    host.failSaves = false;
    expect(await host.stopHandler!()).toBe(true);
  });

  it('reports a failed save in plain words and tries again at the next change', async () => {
    const host = new RecordingHost();
    host.failSaves = true;
    const { app, options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    await persistence.saveNow();
    expect(app.problems).toHaveLength(1);
    expect(app.problems[0]).toMatchObject({ code: 'save-failed' });
    expect(app.problems[0].message).toMatch(/could not save/);
    expect(app.problems[0].detail).toMatch(/quota exceeded/);
    host.failSaves = false;
    persistence.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.saved).toHaveLength(1);
  });

  it('stops saving after dispose', async () => {
    const host = new RecordingHost();
    const { options } = makeApp();
    const win = fakeWindow();
    const persistence = await startPersistence(host, options(win));
    persistence.changed();
    persistence.dispose();
    win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(host.saved).toEqual([]);
  });
});

describe('a saved document that cannot be read', () => {
  it('is kept aside untouched, reported in plain words, and the app starts fresh', async () => {
    const damaged =
      '{"schema": "cellar-activity/v1", "mode": "free", "stick": {"schema": "cellar-stick/v2"}}';
    const host = new RecordingHost(damaged);
    const { app, options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    expect(app.restored).toEqual([]);
    expect(host.keptAside).toEqual([damaged]);
    expect(app.problems).toHaveLength(1);
    expect(app.problems[0].code).toBe('damaged-save');
    expect(app.problems[0].message).toBe(
      'Your saved stick could not be opened, so Cellar started a new one. The old save is kept safe.',
    );
    expect(app.problems[0].detail).toMatch(/stick-refused/);
    // Saving goes on only once the damaged text is safe.
    await persistence.saveNow();
    expect(host.log).toEqual(['load', 'keepAside', 'save']);
  });

  it('is kept aside when the app refuses the state it holds', async () => {
    const host = new RecordingHost(writeActivityDocument({ mode: 'no-such-mode', stick: makeStick() }));
    const { app, options } = makeApp();
    app.refuse = true;
    await startPersistence(host, options(fakeWindow()));
    expect(host.keptAside).toHaveLength(1);
    expect(app.problems.map((p) => p.code)).toEqual(['damaged-save']);
  });

  it('is never saved over when keeping it aside fails', async () => {
    const host = new RecordingHost('not json');
    host.keepAside = async () => {
      throw new Error('no room');
    };
    const { app, options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    persistence.changed();
    await vi.advanceTimersByTimeAsync(2000);
    await persistence.stop();
    expect(host.saved).toEqual([]);
    expect(host.stored).toBe('not json');
    expect(app.problems.map((p) => p.code)).toEqual(['load-failed']);
  });
});

describe('a host that cannot load', () => {
  it('reports it, starts fresh and never saves over what it could not read', async () => {
    const host = new RecordingHost('whatever was there');
    host.failLoad = true;
    const { app, options } = makeApp();
    const persistence = await startPersistence(host, options(fakeWindow()));
    expect(app.problems.map((p) => p.code)).toEqual(['load-failed']);
    expect(app.problems[0].message).toMatch(/will not save over the old one/);
    await persistence.saveNow();
    expect(host.saved).toEqual([]);
  });
});
