// The messages of Sugar's API socket (the shell's jarabe/apisocket.py; sugar.md §8), encoded and decoded.
//
// Text frames are JSON:
//   request       {"method": "api.name", "id": n, "params": [...]}   (authenticate uses id 0 and gets no reply)
//   reply         {"result": [...] | null, "error": null | "text", "id": n}
//   notification  {"method": "activity.stop", "params": []}
// Binary frames belong to a stream opened with open_stream (ids 0..254):
//   data          byte 0 = stream id, then the bytes (written by the page on save, by the shell on load;
//                 on load a frame with nothing after the id is the end of the file)
//   read request  8 bytes: byte 0 = stream id, bytes 4..7 = the size wanted, little-endian int32
//                 (the shell unpacks two native ints and uses the second)

export interface ApiRequest {
  method: string;
  id: number;
  params: unknown[];
}

export type ApiMessage =
  | { kind: 'reply'; id: number; result: unknown[] | null; error: string | null }
  | { kind: 'notification'; method: string; params: unknown[] }
  | { kind: 'unknown'; text: string };

export const READ_REQUEST_BYTES = 8;

export function encodeRequest(request: ApiRequest): string {
  return JSON.stringify(request);
}

export function decodeMessage(text: string): ApiMessage {
  let message: Record<string, unknown>;
  try {
    message = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { kind: 'unknown', text };
  }
  if (typeof message?.id === 'number' && 'result' in message) {
    const result = Array.isArray(message.result) ? message.result : null;
    const error = message.error === null || message.error === undefined ? null : String(message.error);
    return { kind: 'reply', id: message.id, result, error };
  }
  if (typeof message?.method === 'string') {
    return {
      kind: 'notification',
      method: message.method,
      params: Array.isArray(message.params) ? message.params : [],
    };
  }
  return { kind: 'unknown', text };
}

/** A data frame: the stream id, then the bytes. */
export function encodeStreamData(streamId: number, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(1 + bytes.length);
  frame[0] = streamId;
  frame.set(bytes, 1);
  return frame;
}

/** The 8-byte request for up to sizeBytes more bytes of a stream being loaded. */
export function encodeReadRequest(streamId: number, sizeBytes: number): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(READ_REQUEST_BYTES);
  const view = new DataView(frame.buffer);
  view.setUint8(0, streamId);
  view.setInt32(4, sizeBytes, true);
  return frame;
}

/** A data frame read back: which stream, and its bytes (none at the end of the file). */
export function decodeStreamData(frame: Uint8Array): { streamId: number; bytes: Uint8Array } | null {
  if (frame.length === 0) return null;
  return { streamId: frame[0], bytes: frame.subarray(1) };
}
