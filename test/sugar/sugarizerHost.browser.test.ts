// The Sugarizer host in real Chromium: launched with Sugarizer 2.0's URL parameters and local user (sugar.md
// §7), it writes the Journal layout Sugarizer reads (localStorage sugar_datastore_<id>, IndexedDB
// sugar_filestore), resumes an entry with `o=`, keeps a damaged entry untouched, and goes home on Stop.
import { expect } from '@open-wc/testing';
import type { ActivityState } from '../../src/sugar/activityDocument';
import { writeActivityDocument } from '../../src/sugar/activityDocument';
import { detectHost } from '../../src/sugar/detectHost';
import type { Host } from '../../src/sugar/host';
import { startPersistence, type PersistenceProblem } from '../../src/sugar/persistence';
import { readSugarizerLaunch } from '../../src/sugar/sugarizerLaunch';
import { createSugarizerHost } from '../../src/sugar/sugarizerHost';
import { stickState } from './stickState';

const PREFIX = 'sugar_datastore_';
const SETTINGS = {
  name: 'Ana',
  colorvalue: { stroke: '#00588C', fill: '#F8E800' },
  language: 'es',
  favorites: [],
};
const testPageUrl = location.href;

/** The page as Sugarizer's shell opens it: activities/Cellar.activity/index.html?aid=…&a=…&n=…[&o=…]. */
function launchWith(params: Record<string, string>) {
  const url = new URL(testPageUrl);
  for (const [name, value] of Object.entries({
    aid: 'aid-1234',
    a: 'org.sugarlabs.Cellar',
    n: 'Cellar',
    ...params,
  })) {
    url.searchParams.set(name, value);
  }
  history.replaceState(null, '', url);
}

function journalEntries(): Record<
  string,
  { metadata: Record<string, unknown>; text: { link: string } | null }
> {
  return Object.fromEntries(
    Object.keys(localStorage)
      .filter((key) => key.startsWith(PREFIX))
      .map((key) => [key.slice(PREFIX.length), JSON.parse(localStorage.getItem(key)!)]),
  );
}

function openFilestore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('sugar_filestore');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function filestoreRecord(objectId: string): Promise<unknown> {
  const db = await openFilestore();
  try {
    return await new Promise((resolve, reject) => {
      const get = db.transaction('sugar_filestore').objectStore('sugar_filestore').get(objectId);
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
  } finally {
    db.close();
  }
}

/** Writes an entry the way Sugarizer's own datastore does, as if a save had been made before. */
async function seedEntry(objectId: string, text: string) {
  localStorage.setItem(
    PREFIX + objectId,
    JSON.stringify({
      metadata: { title: 'My stick', activity: 'org.sugarlabs.Cellar', timestamp: 1 },
      text: { link: objectId },
    }),
  );
  const host = createSugarizerHost(
    readSugarizerLaunch(`?a=org.sugarlabs.Cellar&o=${objectId}`, JSON.stringify(SETTINGS))!,
  );
  // The host's own filestore connection creates the store as Sugarizer does; then the record goes in raw.
  await host.load();
  const db = await openFilestore();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction('sugar_filestore', 'readwrite');
    transaction.objectStore('sugar_filestore').put({ objectId, text });
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
}

async function start(host: Host, state: ActivityState) {
  const app = { state, restored: null as ActivityState | null, problems: [] as PersistenceProblem[] };
  const persistence = await startPersistence(host, {
    serialize: () => app.state,
    restore: (restored) => {
      app.restored = restored;
    },
    onProblem: (problem) => app.problems.push(problem),
  });
  return { app, persistence };
}

describe('the Sugarizer host', () => {
  beforeEach(async () => {
    localStorage.clear();
    localStorage.setItem('sugar_settings', JSON.stringify(SETTINGS));
    await new Promise((resolve) => {
      const deletion = indexedDB.deleteDatabase('sugar_filestore');
      deletion.onsuccess = deletion.onerror = deletion.onblocked = resolve;
    });
  });
  afterEach(() => {
    history.replaceState(null, '', testPageUrl);
    localStorage.clear();
  });

  it('is chosen for our bundle id with a local user, with its colours and language', async () => {
    launchWith({});
    const host = await detectHost();
    expect(host.kind).to.equal('sugarizer');
    expect(host.colours).to.deep.equal({ stroke: '#00588C', fill: '#F8E800' });
    expect(host.language).to.equal('es');
  });

  it('is not chosen for another bundle id, nor without a local user', async () => {
    launchWith({ a: 'org.sugarlabs.Paint' });
    expect((await detectHost()).kind).to.equal('standalone');
    launchWith({});
    localStorage.removeItem('sugar_settings');
    expect((await detectHost()).kind).to.equal('standalone');
  });

  it('creates a Journal entry at a launch without `o`, as sugar-web does', async () => {
    launchWith({});
    await detectHost();
    const entries = Object.values(journalEntries());
    expect(entries).to.have.length(1);
    expect(entries[0].text).to.equal(null);
    expect(entries[0].metadata).to.include({
      title: 'Actividad Cellar',
      title_set_by_user: '0',
      activity: 'org.sugarlabs.Cellar',
      activity_id: 'aid-1234',
      file_size: 0,
      buddy_name: 'Ana',
    });
    expect(entries[0].metadata.buddy_color).to.deep.equal(SETTINGS.colorvalue);
    expect(entries[0].metadata.creation_time).to.be.a('number');
  });

  it('saves in the layout Sugarizer reads: metadata and link in localStorage, the text in sugar_filestore', async () => {
    launchWith({});
    const { app, persistence } = await start(await detectHost(), stickState('lessons'));
    await persistence.saveNow();
    const [[objectId, entry]] = Object.entries(journalEntries());
    const text = writeActivityDocument(app.state);
    expect(entry.text).to.deep.equal({ link: objectId });
    expect(entry.metadata.textsize).to.equal(text.length);
    expect(entry.metadata.title).to.equal('Actividad Cellar');
    expect(await filestoreRecord(objectId)).to.deep.equal({ objectId, text });

    // The store is made as Sugarizer's shell makes it, so the shell can open it without an upgrade.
    const db = await openFilestore();
    const store = db.transaction('sugar_filestore').objectStore('sugar_filestore');
    expect([db.version, store.keyPath, store.index('objectId').unique]).to.deep.equal([1, 'objectId', true]);
    db.close();
    persistence.dispose();
  });

  it('resumes the entry named by `o`, and saves back into it', async () => {
    launchWith({});
    const first = await start(await detectHost(), stickState('lessons', 20480));
    await first.persistence.saveNow();
    first.persistence.dispose();
    const [objectId] = Object.keys(journalEntries());

    launchWith({ o: objectId });
    const second = await start(await detectHost(), stickState('free'));
    expect(second.app.restored?.mode).to.equal('lessons');
    expect(second.app.restored?.stick.save()).to.deep.equal(first.app.state.stick.save());
    second.app.state = stickState('sandbox');
    await second.persistence.saveNow();
    expect(Object.keys(journalEntries())).to.deep.equal([objectId]);
    expect(JSON.parse(((await filestoreRecord(objectId)) as { text: string }).text).mode).to.equal('sandbox');
    second.persistence.dispose();
  });

  it('leaves a damaged entry untouched, reports it, and saves into a new entry', async () => {
    const damagedId = 'd4m4g3d0-0000-4000-8000-000000000000';
    const damaged = '{"schema":"cellar-activity/v1","mode":"free","stick":"??"}';
    await seedEntry(damagedId, damaged);
    const entryBefore = localStorage.getItem(PREFIX + damagedId);

    launchWith({ o: damagedId });
    const { app, persistence } = await start(await detectHost(), stickState('fresh'));
    expect(app.restored).to.equal(null);
    expect(app.problems.map((p) => p.code)).to.deep.equal(['damaged-save']);
    await persistence.saveNow();

    expect(localStorage.getItem(PREFIX + damagedId)).to.equal(entryBefore);
    expect(await filestoreRecord(damagedId)).to.deep.equal({ objectId: damagedId, text: damaged });
    const others = Object.keys(journalEntries()).filter((id) => id !== damagedId);
    expect(others).to.have.length(1);
    expect(JSON.parse(((await filestoreRecord(others[0])) as { text: string }).text).mode).to.equal('fresh');
    persistence.dispose();
  });

  it('on Stop saves, then goes back to the shell two folders up', async () => {
    launchWith({});
    const visited: string[] = [];
    const launch = readSugarizerLaunch(location.search, localStorage.getItem('sugar_settings'))!;
    const host = createSugarizerHost(launch, { navigate: (url) => visited.push(url) });
    const { persistence } = await start(host, stickState('lessons'));
    persistence.changed();
    await persistence.stop();
    expect(visited).to.deep.equal(['../../index.html']);
    const [objectId] = Object.keys(journalEntries());
    expect(JSON.parse(((await filestoreRecord(objectId)) as { text: string }).text).mode).to.equal('lessons');
    persistence.dispose();
  });
});
