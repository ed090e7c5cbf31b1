// The API-socket client against a scripted socket: replies matched by id in any order, errors, notifications,
// a stream read to its empty frame, and a closed socket failing what waits instead of hanging it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiSocket, STREAM_CHUNK_BYTES } from '../../src/sugar/ApiSocket';

/** Just enough of a browser WebSocket: records what is sent, lets the test deliver messages. */
class ScriptedSocket extends EventTarget {
  static last: ScriptedSocket;
  binaryType = 'blob';
  readonly sent: (string | Uint8Array)[] = [];
  constructor(readonly url: string) {
    super();
    ScriptedSocket.last = this;
    queueMicrotask(() => this.dispatchEvent(new Event('open')));
  }
  send(data: string | Uint8Array) {
    this.sent.push(data);
  }
  close() {
    this.dispatchEvent(new Event('close'));
  }
  deliver(data: string | Uint8Array) {
    const payload = typeof data === 'string' ? data : data.slice().buffer;
    this.dispatchEvent(new MessageEvent('message', { data: payload }));
  }
  requests() {
    return this.sent.filter((m): m is string => typeof m === 'string').map((m) => JSON.parse(m));
  }
}

beforeEach(() => vi.stubGlobal('WebSocket', ScriptedSocket));
afterEach(() => vi.unstubAllGlobals());

async function connect() {
  const api = await ApiSocket.connect('ws://127.0.0.1:9', 'act-1', 'key-1');
  return { api, socket: ScriptedSocket.last };
}

describe('ApiSocket', () => {
  it('authenticates first, with id 0, and asks for arraybuffers', async () => {
    const { socket } = await connect();
    expect(socket.binaryType).toBe('arraybuffer');
    expect(socket.requests()).toEqual([{ method: 'authenticate', id: 0, params: ['act-1', 'key-1'] }]);
  });

  it('matches replies to their requests by id, in any order', async () => {
    const { api, socket } = await connect();
    const first = api.call('datastore.create', [{ title: 'a' }]);
    const second = api.call('open_stream');
    const [, a, b] = socket.requests();
    socket.deliver(JSON.stringify({ result: [3], error: null, id: b.id }));
    socket.deliver(JSON.stringify({ result: ['uid-1'], error: null, id: a.id }));
    expect(await first).toEqual(['uid-1']);
    expect(await second).toEqual([3]);
    expect(a.id).not.toBe(b.id);
  });

  it("rejects with the shell's error", async () => {
    const { api, socket } = await connect();
    const call = api.call('datastore.load', ['gone', 0]);
    socket.deliver(
      JSON.stringify({ result: null, error: 'org.freedesktop.DBus.Error x', id: socket.requests()[1].id }),
    );
    await expect(call).rejects.toThrow('org.freedesktop.DBus.Error x');
  });

  it('hands notifications to their handlers', async () => {
    const { api, socket } = await connect();
    const stop = vi.fn();
    api.onNotification('activity.stop', stop);
    socket.deliver(JSON.stringify({ method: 'activity.pause', params: [] }));
    socket.deliver(JSON.stringify({ method: 'activity.stop', params: [] }));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('reads a stream one request per frame until the empty frame', async () => {
    const { api, socket } = await connect();
    const read = api.readStream(2);
    const chunks = [[2, 104, 101], [2, 108, 108, 111], [2]];
    const readRequestsSent = () => socket.sent.filter((m) => typeof m !== 'string').length;
    for (const [index, chunk] of chunks.entries()) {
      // Each frame answers the read request sent just before it.
      await vi.waitFor(() => expect(readRequestsSent()).toBe(index + 1));
      socket.deliver(new Uint8Array(chunk));
    }
    expect(new TextDecoder().decode(await read)).toBe('hello');
    const readRequests = socket.sent.filter((m): m is Uint8Array => typeof m !== 'string');
    expect(readRequests).toHaveLength(3);
    expect(new DataView(readRequests[0].buffer).getInt32(4, true)).toBe(STREAM_CHUNK_BYTES);
  });

  it('writes a stream in frames of at most STREAM_CHUNK_BYTES, each led by the stream id', async () => {
    const { api, socket } = await connect();
    api.writeStream(5, new Uint8Array(STREAM_CHUNK_BYTES + 10).fill(7));
    const frames = socket.sent.filter((m): m is Uint8Array => typeof m !== 'string');
    expect(frames.map((f) => f.length)).toEqual([STREAM_CHUNK_BYTES + 1, 11]);
    expect(frames.every((f) => f[0] === 5)).toBe(true);
  });

  it('fails what is waiting when the socket closes, and every later call', async () => {
    const { api, socket } = await connect();
    const call = api.call('activity.get_xo_color');
    socket.close();
    await expect(call).rejects.toThrow('closed');
    await expect(api.call('activity.close')).rejects.toThrow('closed');
  });

  it('gives up on a request the shell never answers', async () => {
    const { api } = await connect();
    vi.useFakeTimers();
    try {
      const call = api.call('datastore.save', ['uid', {}, 0]);
      const checked = expect(call).rejects.toThrow('did not answer datastore.save');
      await vi.advanceTimersByTimeAsync(20_000);
      await checked;
    } finally {
      vi.useRealTimers();
    }
  });
});
