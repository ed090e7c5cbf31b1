// Journal entries through Sugar's API socket: create one, load its data, save new data (sugar.md §8).
import type { ApiSocket } from './ApiSocket';

export type SugarMetadata = Record<string, unknown>;

async function openStream(socket: ApiSocket): Promise<number> {
  const [streamId] = await socket.call('open_stream');
  if (typeof streamId !== 'number') throw new Error(`open_stream answered ${JSON.stringify(streamId)}`);
  return streamId;
}

/** Local time as Python's datetime.isoformat() writes it (Sugar's mtime), to the second. */
function localIsoTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` +
    `T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  );
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
  const [answer] = await socket.call('datastore.get_metadata', [uid]);
  const metadata = typeof answer === 'object' && answer !== null ? (answer as SugarMetadata) : {};
  // An entry without a file (created, never saved into) has filesize "0", and the shell cannot load it
  // (it fails to open the missing file and never answers a read): nothing to load.
  if (metadata.filesize !== undefined && Number(metadata.filesize) === 0) return { metadata, text: '' };
  const streamId = await openStream(socket);
  await socket.call('datastore.load', [uid, streamId]);
  const bytes = await socket.readStream(streamId);
  await socket.call('close_stream', [streamId]);
  return { metadata, text: new TextDecoder().decode(bytes) };
}

/**
 * Replaces the entry's data and metadata; resolves once the shell has updated the store (close_stream's
 * reply). The time is set anew, as Sugar's own activities do: the datastore keeps a timestamp it is sent.
 */
export async function saveEntry(
  socket: ApiSocket,
  uid: string,
  metadata: SugarMetadata,
  text: string,
  now = new Date(),
): Promise<void> {
  const streamId = await openStream(socket);
  const dated = { ...metadata, timestamp: Math.floor(now.getTime() / 1000), mtime: localIsoTime(now) };
  await socket.call('datastore.save', [uid, dated, streamId]);
  socket.writeStream(streamId, new TextEncoder().encode(text));
  await socket.call('close_stream', [streamId]);
}
