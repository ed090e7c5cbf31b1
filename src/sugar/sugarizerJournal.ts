// Sugarizer 2.0's Journal, read and written from our own code in the layout its datastore uses (sugar.md §7):
//   localStorage["sugar_datastore_<objectId>"]  JSON {metadata, text}; text is {link: objectId} once the
//                                               entry has data, null before
//   IndexedDB database "sugar_filestore" (version 1), store "sugar_filestore", keyPath "objectId" with a
//   unique index "objectId": records {objectId, text}
// The shell lists every localStorage key with the prefix as an entry, and resumes one by its metadata.activity.

export const DATASTORE_KEY_PREFIX = 'sugar_datastore_';
export const FILESTORE_NAME = 'sugar_filestore';
const FILESTORE_VERSION = 1;

export type JournalMetadata = Record<string, unknown>;

export interface JournalEntry {
  metadata: JournalMetadata;
  text: { link: string } | null;
}

/** A random (v4) UUID as Sugarizer's objectIds are; getRandomValues also works where randomUUID does not (plain http). */
export function newObjectId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export class SugarizerJournal {
  private filestore: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly idb: IDBFactory,
  ) {}

  /** The entry's metadata and link, or null when there is no such entry (or it is not JSON). */
  readEntry(objectId: string): JournalEntry | null {
    try {
      const entry = JSON.parse(
        this.storage.getItem(DATASTORE_KEY_PREFIX + objectId) ?? 'null',
      ) as JournalEntry | null;
      return typeof entry?.metadata === 'object' && entry.metadata !== null ? entry : null;
    } catch {
      return null;
    }
  }

  /** A new entry without data, as Sugarizer makes one at launch; answers its objectId. */
  createEntry(metadata: JournalMetadata): string {
    const objectId = newObjectId();
    this.writeEntry(objectId, { metadata, text: null });
    return objectId;
  }

  /** The entry's data, or null when it has none. */
  async readText(objectId: string): Promise<string | null> {
    if (!this.readEntry(objectId)?.text) return null;
    const db = await this.openFilestore();
    const record = await request<{ text?: unknown } | undefined>(
      db.transaction(FILESTORE_NAME, 'readonly').objectStore(FILESTORE_NAME).get(objectId),
    );
    return typeof record?.text === 'string' ? record.text : null;
  }

  /** Stores the data, then the metadata (merged into the entry's) with its link, so a link never dangles. */
  async writeText(objectId: string, text: string, metadata: JournalMetadata): Promise<void> {
    const db = await this.openFilestore();
    const transaction = db.transaction(FILESTORE_NAME, 'readwrite');
    transaction.objectStore(FILESTORE_NAME).put({ objectId, text });
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
    });
    const previous = this.readEntry(objectId)?.metadata ?? {};
    this.writeEntry(objectId, { metadata: { ...previous, ...metadata }, text: { link: objectId } });
  }

  private writeEntry(objectId: string, entry: JournalEntry): void {
    this.storage.setItem(DATASTORE_KEY_PREFIX + objectId, JSON.stringify(entry));
  }

  // Opened the way the shell opens it, so whichever side comes first makes the same store.
  private openFilestore(): Promise<IDBDatabase> {
    this.filestore ??= new Promise((resolve, reject) => {
      const open = this.idb.open(FILESTORE_NAME, FILESTORE_VERSION);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore(FILESTORE_NAME, { keyPath: 'objectId' });
        store.createIndex('objectId', 'objectId', { unique: true });
      };
      open.onsuccess = () => {
        // Never block the shell from upgrading or deleting its filestore while Cellar holds it open.
        open.result.onversionchange = () => {
          open.result.close();
          this.filestore = null;
        };
        resolve(open.result);
      };
      open.onerror = () => reject(open.error ?? new Error(`cannot open ${FILESTORE_NAME}`));
    });
    return this.filestore;
  }
}
