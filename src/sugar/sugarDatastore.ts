// Journal entries through Sugar's API socket: create one, load its data, save new data (sugar.md §8).
import type { ApiSocket } from './ApiSocket';

export type SugarMetadata = Record<string, unknown>;

async function openStream(socket: ApiSocket): Promise<number> {
  const [streamId] = await socket.call('open_stream');
  if (typeof streamId !== 'number') throw new Error(`open_stream answered ${JSON.stringify(streamId)}`);
  return streamId;
}

/** A new, empty entry; answers its uid. */
export async function createEntry(socket: ApiSocket, metadata: SugarMetadata): Promise<string> {
  const [uid] = await socket.call('datastore.create', [metadata]);
  if (typeof uid !== 'string') throw new Error(`datastore.create answered ${JSON.stringify(uid)}`);
  return uid;
}

/** The entry's metadata and data as text (UTF-8, decoded once every frame is in). */
export async function loadEntry(
  socket: ApiSocket,
  uid: string,
): Promise<{ metadata: SugarMetadata; text: string }> {
  const streamId = await openStream(socket);
  const [answer] = await socket.call('datastore.load', [uid, streamId]);
  const metadata = typeof answer === 'object' && answer !== null ? (answer as SugarMetadata) : {};
  // An entry without a file (created, never saved into) gets filesize "0", and the shell never answers a
  // read of it (it fails to open the missing file): close the stream unread.
  const empty = metadata.filesize !== undefined && Number(metadata.filesize) === 0;
  const bytes = empty ? new Uint8Array(0) : await socket.readStream(streamId);
  await socket.call('close_stream', [streamId]);
  return { metadata, text: new TextDecoder().decode(bytes) };
}

/** Replaces the entry's data and metadata; resolves once the shell has updated the store (close_stream's reply). */
export async function saveEntry(
  socket: ApiSocket,
  uid: string,
  metadata: SugarMetadata,
  text: string,
): Promise<void> {
  const streamId = await openStream(socket);
  await socket.call('datastore.save', [uid, metadata, streamId]);
  socket.writeStream(streamId, new TextEncoder().encode(text));
  await socket.call('close_stream', [streamId]);
}
