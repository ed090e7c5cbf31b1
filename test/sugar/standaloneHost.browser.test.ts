// The plain-browser host in real Chromium and real IndexedDB: a save survives a "reload" (a new host and a new
// persistence on the same database), and a damaged save is kept aside under its own key and reported.
import { expect } from '@open-wc/testing';
import { clear, entries, get, set } from 'idb-keyval';
import type { ActivityState } from '../../src/sugar/activityDocument';
import { detectHost } from '../../src/sugar/detectHost';
import { startPersistence, type PersistenceProblem } from '../../src/sugar/persistence';
import {
  CURRENT_SAVE_KEY,
  DAMAGED_SAVE_KEY_PREFIX,
  LEAVING_SAVE_KEY,
  createStandaloneHost,
  standaloneStore,
} from '../../src/sugar/standaloneHost';
import { stickState } from './stickState';

/** One launch of the app: what it restored and what it was told. */
async function launch(state: ActivityState) {
  const app = { state, restored: null as ActivityState | null, problems: [] as PersistenceProblem[] };
  const persistence = await startPersistence(createStandaloneHost(), {
    serialize: () => app.state,
    restore: (restored) => {
      app.restored = restored;
    },
    onProblem: (problem) => app.problems.push(problem),
  });
  return { app, persistence };
}

describe('the standalone host', () => {
  beforeEach(() => {
    localStorage.removeItem(LEAVING_SAVE_KEY);
    return clear(standaloneStore());
  });

  it('is chosen in a plain page, with the default colours', async () => {
    const host = await detectHost();
    expect(host.kind).to.equal('standalone');
    expect(host.colours).to.deep.equal({ stroke: '#005FE4', fill: '#FF2B34' });
  });

  it('keeps the stick across a reload, in a database named after the bundle id', async () => {
    const first = await launch(stickState('lessons', 12288));
    expect(first.app.restored).to.equal(null);
    await first.persistence.saveNow();
    first.persistence.dispose();

    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).to.include('org.sugarlabs.Cellar');
    expect(JSON.parse((await get(CURRENT_SAVE_KEY, standaloneStore())) as string).schema).to.equal(
      'cellar-activity/v1',
    );

    const second = await launch(stickState('free'));
    const restored = second.app.restored as ActivityState | null;
    expect(restored?.mode).to.equal('lessons');
    expect(restored?.stick.power).to.equal('running');
    expect(restored?.stick.save()).to.deep.equal(first.app.state.stick.save());
    expect(second.app.problems).to.deep.equal([]);
    second.persistence.dispose();
  });

  it('saves a change by itself after the debounce delay', async () => {
    const { app, persistence } = await launch(stickState());
    app.state = stickState('sandbox');
    persistence.changed();
    expect(await get(CURRENT_SAVE_KEY, standaloneStore())).to.equal(undefined);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(JSON.parse((await get(CURRENT_SAVE_KEY, standaloneStore())) as string).mode).to.equal('sandbox');
    persistence.dispose();
  });

  it('keeps a damaged save aside under a dated key, reports it, and starts fresh', async () => {
    const damaged =
      '{"schema":"cellar-activity/v1","mode":"free","stick":{"schema":"cellar-stick/v2","plan":1}';
    await set(CURRENT_SAVE_KEY, damaged, standaloneStore());
    const { app, persistence } = await launch(stickState('fresh'));
    expect(app.restored).to.equal(null);
    expect(app.problems.map((p) => p.code)).to.deep.equal(['damaged-save']);
    expect(app.problems[0].message).to.contain('The old save is kept safe');

    await persistence.saveNow();
    const stored = new Map((await entries(standaloneStore())) as [string, string][]);
    const asideKeys = [...stored.keys()].filter((key) => key.startsWith(DAMAGED_SAVE_KEY_PREFIX));
    expect(asideKeys).to.have.length(1);
    expect(Number.isNaN(Date.parse(asideKeys[0].slice(DAMAGED_SAVE_KEY_PREFIX.length)))).to.equal(false);
    expect(stored.get(asideKeys[0])).to.equal(damaged);
    expect(JSON.parse(stored.get(CURRENT_SAVE_KEY)!).mode).to.equal('fresh');
    persistence.dispose();
  });

  it('keeps a change made just before the page leaves, through localStorage, and moves it into IndexedDB', async () => {
    const first = await launch(stickState('lessons'));
    await first.persistence.saveNow();
    first.app.state = stickState('sandbox');
    first.persistence.changed(); // still debounced when the page goes
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    first.persistence.dispose();
    expect(JSON.parse(localStorage.getItem(LEAVING_SAVE_KEY)!).mode).to.equal('sandbox');

    const second = await launch(stickState('free'));
    expect(second.app.restored?.mode).to.equal('sandbox');
    expect(localStorage.getItem(LEAVING_SAVE_KEY)).to.equal(null);
    expect(JSON.parse((await get(CURRENT_SAVE_KEY, standaloneStore())) as string).mode).to.equal('sandbox');
    second.persistence.dispose();
  });

  it('writes nothing to localStorage when the page leaves with everything saved', async () => {
    const { persistence } = await launch(stickState('lessons'));
    await persistence.saveNow();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    persistence.dispose();
    expect(localStorage.getItem(LEAVING_SAVE_KEY)).to.equal(null);
  });

  it('says false when the text does not fit in localStorage, and the next start loads IndexedDB', async () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    } as unknown as Storage;
    const host = createStandaloneHost(standaloneStore(), full);
    expect(host.saveWhileLeaving!('{"big":true}')).to.equal(false);
    await set(CURRENT_SAVE_KEY, 'kept', standaloneStore());
    expect(await host.load()).to.equal('kept');
  });
});
