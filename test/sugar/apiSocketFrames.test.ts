// The API socket's framing, byte for byte as the shell's apisocket.py reads and writes it (sugar.md §8).
import { describe, expect, it } from 'vitest';
import {
  decodeMessage,
  decodeStreamData,
  encodeReadRequest,
  encodeRequest,
  encodeStreamData,
} from '../../src/sugar/apiSocketFrames';

describe('binary frames', () => {
  it('a read request is 8 bytes: the stream id, then the size as a little-endian int32 at offset 4', () => {
    expect([...encodeReadRequest(3, 65536)]).toEqual([3, 0, 0, 0, 0x00, 0x00, 0x01, 0x00]);
    expect([...encodeReadRequest(0, 0x01020304)]).toEqual([0, 0, 0, 0, 0x04, 0x03, 0x02, 0x01]);
  });

  it('a data frame is the stream id followed by the bytes', () => {
    expect([...encodeStreamData(7, new Uint8Array([65, 66, 67]))]).toEqual([7, 65, 66, 67]);
    expect([...encodeStreamData(1, new Uint8Array(0))]).toEqual([1]);
  });

  it('a frame read back gives the stream id and the bytes after it; an id alone is the end of the file', () => {
    const frame = decodeStreamData(new Uint8Array([2, 104, 105]));
    expect(frame?.streamId).toBe(2);
    expect([...frame!.bytes]).toEqual([104, 105]);
    expect(decodeStreamData(new Uint8Array([2]))?.bytes.length).toBe(0);
    expect(decodeStreamData(new Uint8Array(0))).toBeNull();
  });
});

describe('JSON messages', () => {
  it('a request carries method, id and params', () => {
    expect(JSON.parse(encodeRequest({ method: 'datastore.load', id: 4, params: ['uid', 0] }))).toEqual({
      method: 'datastore.load',
      id: 4,
      params: ['uid', 0],
    });
  });

  it("reads a reply as Python's json.dumps writes it", () => {
    expect(decodeMessage('{"result": [["#FF8F00", "#00A0FF"]], "error": null, "id": 3}')).toEqual({
      kind: 'reply',
      id: 3,
      result: [['#FF8F00', '#00A0FF']],
      error: null,
    });
  });

  it('reads an error reply, whose result is null', () => {
    expect(
      decodeMessage('{"result": null, "error": "org.freedesktop.DBus.Error.Failed x", "id": 9}'),
    ).toEqual({
      kind: 'reply',
      id: 9,
      result: null,
      error: 'org.freedesktop.DBus.Error.Failed x',
    });
  });

  it('reads a notification, which has a method and no id', () => {
    expect(decodeMessage('{"method": "activity.stop", "params": []}')).toEqual({
      kind: 'notification',
      method: 'activity.stop',
      params: [],
    });
  });

  it('sets aside anything else without throwing', () => {
    expect(decodeMessage('not json').kind).toBe('unknown');
    expect(decodeMessage('null').kind).toBe('unknown');
    expect(decodeMessage('{"id": 1}').kind).toBe('unknown');
  });
});
