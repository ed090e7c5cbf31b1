// A stand-in for Sugar's shell side of the API socket (jarabe/apisocket.py, as sugar.md §8 records it run for
// real), for the browser tests: a WebSocket server of ours that authenticates, answers the activity and
// datastore calls, streams entry data in binary frames, and keeps the Journal entries it is given.
// Browser tests drive it through wtr commands (fakeSugarShellPlugin).
import { randomBytes, randomUUID } from 'node:crypto';
import WebSocket from 'ws';

/** @typedef {{ metadata: Record<string, unknown>, data: Buffer }} Entry */
/** @typedef {{ method: string, id?: number, params: unknown[] }} Request */
/** @typedef {{ onData?: (frame: Buffer) => void, onClose?: (request: Request) => void }} StreamMonitor */

export class FakeSugarShell {
  /** @param {number} port */
  constructor(port) {
    // gwebsockets 0.7 cannot read a frame of 64 KiB or more (sugar.md §8): refuse them as loudly here.
    this.server = new WebSocket.Server({ host: '127.0.0.1', port, maxPayload: 65535 });
    this.key = '';
    this.color = '';
    this.maxReadBytes = Infinity;
    this.failSaves = false;
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
    /** @type {string[]} every method the shell acted on, in order */
    this.calls = [];
    /** @type {number} binary data frames received while saving */
    this.dataFrames = 0;
    /** @type {WebSocket | null} the authenticated page that has made an activity call */
    this.stoppable = null;
    /** @type {(() => void) | null} */
    this.onActivityClose = null;
    this.reset({});
    this.server.on('connection', (socket) => this.serve(socket));
  }

  /** @returns {Promise<number>} */
  async port() {
    if (!this.server.address()) await new Promise((resolve) => this.server.once('listening', resolve));
    const address = this.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('the fake shell is not listening');
    return address.port;
  }

  /**
   * A fresh shell: new key, the learner's colour, entries to resume, and how many bytes at most a read answers
   * (the real shell answers up to the size asked; fewer is allowed and exercises many frames).
   * `failSaves`: the datastore refuses every save (close_stream answers an error), as a full disk would.
   * @param {{ color?: string, entries?: Record<string, { metadata: Record<string, unknown>, text: string }>, maxReadBytes?: number, failSaves?: boolean }} options
   */
  reset({ color = '#FF8F00,#00A0FF', entries = {}, maxReadBytes = Infinity, failSaves = false }) {
    for (const client of this.server.clients) client.terminate();
    this.key = randomBytes(16).toString('hex');
    this.color = color;
    this.maxReadBytes = maxReadBytes;
    this.failSaves = failSaves;
    this.entries = new Map(
      Object.entries(entries).map(([uid, e]) => [
        uid,
        { metadata: e.metadata, data: Buffer.from(e.text, 'utf8') },
      ]),
    );
    this.calls = [];
    this.dataFrames = 0;
    this.stoppable = null;
    this.onActivityClose = null;
  }

  /** The entries as the test reads them back. */
  journal() {
    return Object.fromEntries(
      [...this.entries].map(([uid, e]) => [uid, { metadata: e.metadata, text: e.data.toString('utf8') }]),
    );
  }

  /**
   * Sugar's Stop: the page gets activity.stop and the shell waits for activity.close. A page that never made an
   * activity call is simply closed, so nothing is asked of it.
   * @param {number} timeoutMs
   * @returns {Promise<{ asked: boolean, closed: boolean }>}
   */
  stop(timeoutMs) {
    const page = this.stoppable;
    if (!page) return Promise.resolve({ asked: false, closed: false });
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ asked: true, closed: false }), timeoutMs);
      this.onActivityClose = () => {
        clearTimeout(timer);
        resolve({ asked: true, closed: true });
      };
      page.send(JSON.stringify({ method: 'activity.stop', params: [] }));
    });
  }

  /** Sugar's pause (another activity came to the front): a notification, nothing waited for. */
  pause() {
    this.stoppable?.send(JSON.stringify({ method: 'activity.pause', params: [] }));
    return { sent: this.stoppable !== null };
  }

  /** @param {WebSocket} socket */
  serve(socket) {
    /** @type {string | null} */
    let activityId = null;
    /** @type {Map<number, StreamMonitor>} */
    const streams = new Map();
    const send = (/** @type {unknown} */ message) => socket.send(JSON.stringify(message));
    const result = (/** @type {Request} */ request, /** @type {unknown[]} */ value) =>
      send({ result: value, error: null, id: request.id });
    const error = (/** @type {Request} */ request, /** @type {string} */ text) =>
      send({ result: null, error: text, id: request.id });

    // A frame over maxPayload: ws closes the connection (code 1009) and reports it here; nothing to add.
    socket.on('error', () => {});
    socket.on('message', (/** @type {string | Buffer} */ data) => {
      if (typeof data !== 'string') {
        streams.get(data[0])?.onData?.(data);
        return;
      }
      /** @type {Request} */
      const request = JSON.parse(data);
      if (request.method === 'authenticate') {
        // A wrong key is not refused: every later request is silently ignored, as the real shell does.
        if (request.params[1] === this.key) activityId = String(request.params[0]);
        return;
      }
      if (activityId === null) return;
      this.calls.push(request.method);
      const [api] = request.method.split('.');
      if (api === 'activity') this.stoppable = socket;

      switch (request.method) {
        case 'open_stream': {
          let streamId = 0;
          while (streams.has(streamId)) streamId++;
          streams.set(streamId, {});
          return result(request, [streamId]);
        }
        case 'close_stream': {
          const streamId = Number(request.params[0]);
          const monitor = streams.get(streamId);
          streams.delete(streamId);
          // Like the shell: no reply unless the stream was used for a load or a save.
          return monitor?.onClose?.(request);
        }
        case 'activity.get_xo_color':
          return result(request, [this.color.split(',')]);
        case 'activity.close':
          result(request, []);
          this.onActivityClose?.();
          return;
        case 'datastore.create': {
          const uid = randomUUID();
          this.entries.set(uid, {
            metadata: /** @type {Record<string, unknown>} */ (request.params[0]),
            data: Buffer.alloc(0),
          });
          return result(request, [uid]);
        }
        case 'datastore.save': {
          const [uid, metadata, streamId] = /** @type {[string, Record<string, unknown>, number]} */ (
            request.params
          );
          /** @type {Buffer[]} */
          const chunks = [];
          streams.set(streamId, {
            onData: (frame) => {
              this.dataFrames++;
              chunks.push(frame.subarray(1));
            },
            onClose: (closeRequest) => {
              if (!this.entries.has(uid))
                return error(closeRequest, `org.freedesktop.DBus.Error: no entry ${uid}`);
              if (this.failSaves) return error(closeRequest, 'OSError: [Errno 28] No space left on device');
              this.entries.set(uid, { metadata, data: Buffer.concat(chunks) });
              result(closeRequest, []);
            },
          });
          return result(request, []);
        }
        case 'datastore.get_metadata': {
          const entry = this.entries.get(String(request.params[0]));
          if (!entry) return error(request, `org.freedesktop.DBus.Error: no entry ${request.params[0]}`);
          return result(request, [{ ...entry.metadata, filesize: String(entry.data.length) }]);
        }
        case 'datastore.load': {
          const [uid, streamId] = /** @type {[string, number]} */ (request.params);
          const entry = this.entries.get(uid);
          if (!entry) return error(request, `org.freedesktop.DBus.Error: no entry ${uid}`);
          let position = 0;
          // The datastore fills in filesize ("0" for an entry without a file), and a read of an entry
          // without a file is never answered (the shell fails to open '').
          const filesize = String(entry.data.length);
          streams.set(streamId, {
            onData: (frame) => {
              if (filesize === '0') return;
              const sizeBytes = Math.min(frame.readInt32LE(4), this.maxReadBytes);
              const bytes = entry.data.subarray(position, position + sizeBytes);
              position += bytes.length;
              socket.send(Buffer.concat([Buffer.from([streamId]), bytes]));
            },
            onClose: (closeRequest) => result(closeRequest, []),
          });
          return result(request, [{ ...entry.metadata, filesize }]);
        }
        default:
          return error(request, `no such method ${request.method}`);
      }
    });
  }

  close() {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(resolve));
  }
}

/**
 * The wtr plugin: starts the shell with the test server, and answers the browser tests' commands:
 *   sugar-shell-reset {color?, entries?, maxReadBytes?} → {port, key}
 *   sugar-shell-journal → {entries, calls, dataFrames}
 *   sugar-shell-stop {timeoutMs?} → {asked, closed}
 *   sugar-shell-pause → {sent}
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function fakeSugarShellPlugin() {
  /** @type {FakeSugarShell | null} */
  let shell = null;
  return {
    name: 'fake-sugar-shell',
    serverStart() {
      shell = new FakeSugarShell(0);
    },
    async serverStop() {
      await shell?.close();
    },
    async executeCommand({ command, payload }) {
      if (!shell || !command.startsWith('sugar-shell-')) return undefined;
      const options = /** @type {Record<string, any>} */ (payload ?? {});
      switch (command) {
        case 'sugar-shell-reset':
          shell.reset(options);
          return { port: await shell.port(), key: shell.key };
        case 'sugar-shell-journal':
          return { entries: shell.journal(), calls: shell.calls, dataFrames: shell.dataFrames };
        case 'sugar-shell-stop':
          return shell.stop(options.timeoutMs ?? 3000);
        case 'sugar-shell-pause':
          return shell.pause();
        default:
          return undefined;
      }
    },
  };
}
