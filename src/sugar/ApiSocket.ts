// A connection to Sugar's API socket: authenticated requests matched to their replies, notifications,
// and the binary streams the datastore reads and writes through (frames in apiSocketFrames.ts).
import {
  decodeMessage,
  decodeStreamData,
  encodeReadRequest,
  encodeRequest,
  encodeStreamData,
} from './apiSocketFrames';

/**
 * Bytes per data frame when writing, and per read request when loading. Sugar 0.120's WebSocket server
 * (gwebsockets 0.7) cannot read a frame of 64 KiB or more (a 64-bit length): it stops reading the connection
 * for good, so a frame, stream id included, must stay under 65 536 bytes.
 */
export const STREAM_CHUNK_BYTES = 32 * 1024;

/**
 * How long a request or a read may wait for the shell. Saving takes about half a second on a real Sugar; a
 * request the shell ignores (a wrong key) would otherwise hang Stop for ever, as close comes after the save.
 */
export const REPLY_TIMEOUT_MS = 20_000;

function noReply(what: string): Error {
  return new Error(`Sugar's shell did not answer ${what} within ${REPLY_TIMEOUT_MS / 1000} s`);
}

interface Waiting {
  resolve: (result: unknown[]) => void;
  reject: (error: Error) => void;
}

export class ApiSocket {
  private nextId = 1; // 0 is authenticate's
  private readonly waiting = new Map<number, Waiting>();
  private readonly notificationHandlers = new Map<string, ((params: unknown[]) => void)[]>();
  // One pending read per stream: the shell answers each read request with exactly one frame.
  private readonly streamReads = new Map<number, (bytes: Uint8Array) => void>();
  private closedError: Error | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
    socket.addEventListener('close', () => this.fail(new Error('the API socket closed')));
  }

  /**
   * Opens the socket and authenticates. The shell never answers authenticate, and ignores every later
   * request when the key is wrong, so a bad key only shows as requests that get no reply.
   */
  static connect(url: string, activityId: string, key: string): Promise<ApiSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const onError = () => reject(new Error(`cannot connect to Sugar's API socket at ${url}`));
      socket.addEventListener('error', onError, { once: true });
      socket.addEventListener(
        'open',
        () => {
          socket.removeEventListener('error', onError);
          socket.send(encodeRequest({ method: 'authenticate', id: 0, params: [activityId, key] }));
          resolve(new ApiSocket(socket));
        },
        { once: true },
      );
    });
  }

  /** Sends a request; resolves with its result, rejects with the shell's error. */
  call(method: string, params: unknown[] = []): Promise<unknown[]> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(noReply(method));
      }, REPLY_TIMEOUT_MS);
      const settle = () => clearTimeout(timer);
      this.waiting.set(id, {
        resolve: (result) => (settle(), resolve(result)),
        reject: (error) => (settle(), reject(error)),
      });
      this.socket.send(encodeRequest({ method, id, params }));
    });
  }

  onNotification(method: string, handler: (params: unknown[]) => void): void {
    this.notificationHandlers.set(method, [...(this.notificationHandlers.get(method) ?? []), handler]);
  }

  /** Sends bytes down a stream opened for saving, in frames of at most STREAM_CHUNK_BYTES. */
  writeStream(streamId: number, bytes: Uint8Array): void {
    for (let offset = 0; offset < bytes.length; offset += STREAM_CHUNK_BYTES) {
      this.socket.send(encodeStreamData(streamId, bytes.subarray(offset, offset + STREAM_CHUNK_BYTES)));
    }
  }

  /** Reads a stream opened for loading until the shell sends an empty frame; answers all its bytes. */
  async readStream(streamId: number): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for (;;) {
      const chunk = await this.readChunk(streamId);
      if (chunk.length === 0) break;
      chunks.push(chunk);
    }
    const all = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    return all;
  }

  close(): void {
    this.socket.close();
  }

  private readChunk(streamId: number): Promise<Uint8Array> {
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.streamReads.delete(streamId);
        reject(noReply(`a read of stream ${streamId}`));
      }, REPLY_TIMEOUT_MS);
      // A chunk is copied: the frame's buffer belongs to the message event.
      this.streamReads.set(streamId, (bytes) => {
        clearTimeout(timer);
        resolve(bytes.slice());
      });
      this.socket.send(encodeReadRequest(streamId, STREAM_CHUNK_BYTES));
    });
  }

  private receive(data: unknown): void {
    if (data instanceof ArrayBuffer) {
      const frame = decodeStreamData(new Uint8Array(data));
      const reader = frame && this.streamReads.get(frame.streamId);
      if (frame && reader) {
        this.streamReads.delete(frame.streamId);
        reader(frame.bytes);
      }
      return;
    }
    const message = decodeMessage(String(data));
    if (message.kind === 'reply') {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error !== null) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result ?? []);
    } else if (message.kind === 'notification') {
      for (const handler of this.notificationHandlers.get(message.method) ?? []) handler(message.params);
    }
  }

  private fail(error: Error): void {
    this.closedError = error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    // Pending reads end as an empty read would, and their callers' close_stream then fails with the error.
    for (const reader of this.streamReads.values()) reader(new Uint8Array(0));
    this.streamReads.clear();
  }
}
