// The Sugar host in real Chromium against our WebSocket stand-in for Sugar's shell (fakeSugarShell.mjs, the
// apisocket.py protocol of sugar.md §8), with the environment injected the way webactivity.py injects it.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { REPLY_TIMEOUT_MS, STREAM_CHUNK_BYTES } from '../../src/sugar/ApiSocket';
import { writeActivityDocument, type ActivityState } from '../../src/sugar/activityDocument';
import { detectHost } from '../../src/sugar/detectHost';
import type { Host } from '../../src/sugar/host';
import { startPersistence, type PersistenceProblem } from '../../src/sugar/persistence';
import type { SugarEnvironment, SugarWindow } from '../../src/sugar/sugarEnvironment';
import { stickState } from './stickState';

interface ShellJournal {
  entries: Record<string, { metadata: Record<string, unknown>; text: string }>;
  calls: string[];
  dataFrames: number;
}

const ACTIVITY_ID = '6f7f3e2ad1c3b1b1c9a0e0d9f3b1a7c2d4e5f6a7';
const win = window as SugarWindow;

async function resetShell(options: {
  entries?: ShellJournal['entries'];
  maxReadBytes?: number;
  failSaves?: boolean;
}): Promise<{ port: number; key: string }> {
  return executeServerCommand('sugar-shell-reset', options);
}

const journal = () => executeServerCommand<ShellJournal, undefined>('sugar-shell-journal');

/** What webactivity.py runs once the page has loaded. */
function injectEnvironment(environment: SugarEnvironment) {
  if (win.sugar === undefined) win.sugar = {};
  win.sugar.environment = environment;
  if (win.sugar.onEnvironmentSet) win.sugar.onEnvironmentSet();
}

function environmentFor(
  shell: { port: number; key: string },
  objectId: string | null = null,
): SugarEnvironment {
  return {
    apiSocketKey: shell.key,
    apiSocketPort: String(shell.port), // a string, as the shell passes it on from its environment
    activityId: ACTIVITY_ID,
    bundleId: 'org.sugarlabs.Cellar',
    objectId,
    activityName: 'Cellar',
  };
}

async function sugarHost(objectId: string | null = null, options: Parameters<typeof resetShell>[0] = {}) {
  injectEnvironment(environmentFor(await resetShell(options), objectId));
  return detectHost();
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

describe('the Sugar host', () => {
  afterEach(() => {
    delete win.sugar;
  });

  it('waits for the environment Sugar injects after load, then asks the learner’s colours', async () => {
    const shell = await resetShell({});
    win.sugar = {}; // a page that expects Sugar (on activity:// the protocol says so)
    const detected = detectHost();
    setTimeout(() => injectEnvironment(environmentFor(shell)), 100);
    const host = await detected;
    expect(host.kind).to.equal('sugar');
    expect(host.colours).to.deep.equal({ stroke: '#FF8F00', fill: '#00A0FF' });
    expect(host.language).to.equal(null);
    expect((await journal()).calls).to.deep.equal(['activity.get_xo_color']);
  });

  it('runs standalone when the shell ignores it (a wrong key gets no reply at all)', async function () {
    this.timeout(10_000);
    const shell = await resetShell({});
    injectEnvironment(environmentFor({ ...shell, key: 'not-the-key' }));
    expect((await detectHost()).kind).to.equal('standalone');
    expect((await journal()).calls).to.deep.equal([]);
  });

  it('runs standalone when the API socket cannot be reached', async () => {
    const shell = await resetShell({});
    injectEnvironment(environmentFor({ ...shell, port: 1 }));
    expect((await detectHost()).kind).to.equal('standalone');
  });

  it('saves a new instance into a new Journal entry, streamed in binary frames', async () => {
    // Lesson progress large enough that the text takes several frames (each under 64 KiB, which the real
    // shell cannot read, and which the fake shell refuses by closing the connection).
    const state = { ...stickState('lessons'), progress: { notes: 'n'.repeat(100_000) } };
    const { app, persistence } = await start(await sugarHost(null), state);
    await persistence.saveNow();
    const text = writeActivityDocument(app.state);
    const { entries, calls, dataFrames } = await journal();
    expect(calls).to.deep.equal([
      'activity.get_xo_color',
      'datastore.create',
      'open_stream',
      'datastore.save',
      'close_stream',
    ]);
    const saved = Object.values(entries);
    expect(saved).to.have.length(1);
    expect(saved[0].text).to.equal(text);
    const { timestamp, mtime, ...named } = saved[0].metadata;
    expect(named).to.deep.equal({
      title: 'Cellar Activity',
      title_set_by_user: '0',
      activity: 'org.sugarlabs.Cellar',
      activity_id: ACTIVITY_ID,
    });
    // Dated now, as Sugar's own activities do (the datastore keeps a timestamp it is sent).
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).to.be.lessThan(60);
    expect(String(mtime)).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(dataFrames).to.equal(Math.ceil(new TextEncoder().encode(text).length / STREAM_CHUNK_BYTES));
    expect(dataFrames).to.be.greaterThan(1);
    persistence.dispose();
  });

  it('resumes the entry named by objectId, read back frame by frame, and saves into it', async () => {
    const saved = stickState('lessons', 16384);
    const uid = 'c0ffee00-1111-4222-8333-444455556666';
    const entries = {
      [uid]: {
        metadata: { title: 'My stick', activity: 'org.sugarlabs.Cellar', timestamp: 1000 },
        text: writeActivityDocument(saved),
      },
    };
    const { app, persistence } = await start(
      await sugarHost(uid, { entries, maxReadBytes: 4000 }),
      stickState('free'),
    );
    expect(app.restored?.mode).to.equal('lessons');
    expect(app.restored?.stick.save()).to.deep.equal(saved.stick.save());
    expect((await journal()).calls.slice(1)).to.deep.equal([
      'datastore.get_metadata',
      'open_stream',
      'datastore.load',
      'close_stream',
    ]);

    app.state = stickState('sandbox');
    await persistence.saveNow();
    const after = await journal();
    expect(Object.keys(after.entries)).to.deep.equal([uid]);
    expect(JSON.parse(after.entries[uid].text).mode).to.equal('sandbox');
    expect(after.entries[uid].metadata.title).to.equal('My stick');
    expect(after.entries[uid].metadata.timestamp).to.be.greaterThan(1000); // the Journal shows it as new
    persistence.dispose();
  });

  it('starts fresh from an entry the Journal holds without data (filesize "0"), without waiting', async () => {
    const uid = 'e0000000-1111-4222-8333-444455556666';
    const host = await sugarHost(uid, { entries: { [uid]: { metadata: { title: 'Cellar' }, text: '' } } });
    const started = performance.now();
    expect(await host.load()).to.equal(null);
    expect(performance.now() - started).to.be.lessThan(REPLY_TIMEOUT_MS / 2);
    // The shell cannot load an entry without a file (it fails on open('')): never asked to.
    expect((await journal()).calls).not.to.include('datastore.load');
    await host.save('{"saved":true}');
    expect((await journal()).entries[uid].text).to.equal('{"saved":true}');
  });

  it("stays open at Sugar's Stop when the Journal cannot save, says so, and closes at the next Stop", async () => {
    const { app, persistence } = await start(await sugarHost(null, { failSaves: true }), stickState('free'));
    expect(await executeServerCommand('sugar-shell-stop', { timeoutMs: 1500 })).to.deep.equal({
      asked: true,
      closed: false,
    });
    expect(app.problems.map((p) => p.code)).to.deep.equal(['save-failed', 'stop-not-saved']);
    expect((await journal()).calls).not.to.include('activity.close');
    expect(await executeServerCommand('sugar-shell-stop', { timeoutMs: 3000 })).to.deep.equal({
      asked: true,
      closed: true,
    });
    persistence.dispose();
  });

  it('reads UTF-8 text split anywhere between frames', async () => {
    const text = 'Année 🌻 żółw — '.repeat(50);
    const uid = 'aaaaaaaa-1111-4222-8333-444455556666';
    const host = await sugarHost(uid, { entries: { [uid]: { metadata: {}, text } }, maxReadBytes: 7 });
    expect(await host.load()).to.equal(text);
    await host.save(`${text}!`);
    expect((await journal()).entries[uid].text).to.equal(`${text}!`);
  });

  it("answers Sugar's Stop: saves what changed, then calls activity.close", async () => {
    const { app, persistence } = await start(await sugarHost(null), stickState('free'));
    app.state = stickState('lessons');
    persistence.changed();
    const stopped = await executeServerCommand('sugar-shell-stop', { timeoutMs: 3000 });
    expect(stopped).to.deep.equal({ asked: true, closed: true });
    const { entries, calls } = await journal();
    expect(calls.slice(-2)).to.deep.equal(['close_stream', 'activity.close']);
    expect(JSON.parse(Object.values(entries)[0].text).mode).to.equal('lessons');
    persistence.dispose();
  });

  it('saves when Sugar pauses the activity', async () => {
    const { persistence } = await start(await sugarHost(null), stickState('paused'));
    expect(await executeServerCommand('sugar-shell-pause')).to.deep.equal({ sent: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const saved = Object.values((await journal()).entries);
    expect(saved).to.have.length(1);
    expect(JSON.parse(saved[0].text).mode).to.equal('paused');
    persistence.dispose();
  });

  it('leaves a damaged entry untouched, reports it, and saves into a new entry', async () => {
    const uid = 'bad00000-1111-4222-8333-444455556666';
    const damaged = '{"schema":"cellar-activity/v1","mode":"free","stick":{}}';
    const entries = { [uid]: { metadata: { title: 'Old stick' }, text: damaged } };
    const { app, persistence } = await start(await sugarHost(uid, { entries }), stickState('fresh'));
    expect(app.restored).to.equal(null);
    expect(app.problems.map((p) => p.code)).to.deep.equal(['damaged-save']);
    await persistence.saveNow();
    const after = (await journal()).entries;
    expect(after[uid]).to.deep.equal({ metadata: { title: 'Old stick' }, text: damaged });
    const others = Object.keys(after).filter((id) => id !== uid);
    expect(others).to.have.length(1);
    expect(JSON.parse(after[others[0]].text).mode).to.equal('fresh');
    persistence.dispose();
  });

  it('reports a Journal that cannot load the entry, and never saves over it', async () => {
    const { app, persistence } = await start(await sugarHost('no-such-entry'), stickState('fresh'));
    expect(app.problems.map((p) => p.code)).to.deep.equal(['load-failed']);
    expect(app.problems[0].detail).to.contain('no entry no-such-entry');
    await persistence.saveNow();
    expect((await journal()).calls).to.not.include('datastore.save');
    persistence.dispose();
  });
});
