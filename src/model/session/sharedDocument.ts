// A saved stick document kept as the JSON text of each top-level part, so that states next to each other
// share the parts they have in common: the base image (about 0.6 MB of a realistic stick's 2 MB) never
// changes in a session, and a write in /home leaves the root's and the overlay's parts as they were.
// Sharing means keeping the older string itself, so the copy just made is let go.

export type DocumentParts = ReadonlyMap<string, string>;

/** The document's parts as JSON, each one taken from `previous` when it has not changed. */
export function splitDocument(document: object, previous: DocumentParts | null): DocumentParts {
  const parts = new Map<string, string>();
  for (const [key, value] of Object.entries(document)) {
    const text = JSON.stringify(value);
    if (text === undefined) continue;
    const before = previous?.get(key);
    parts.set(key, before === text ? before : text);
  }
  return parts;
}

/** The document again, as JSON.parse would give it from the whole text. */
export function joinDocument(parts: DocumentParts): unknown {
  return JSON.parse(`{${[...parts].map(([key, text]) => `${JSON.stringify(key)}:${text}`).join(',')}}`);
}

/** Characters `parts` and `other` hold in common (the same text for the same key). */
export function sharedChars(parts: DocumentParts, other: DocumentParts | null): number {
  let chars = 0;
  for (const [key, text] of parts) if (other?.get(key) === text) chars += text.length;
  return chars;
}

export function totalChars(parts: DocumentParts): number {
  let chars = 0;
  for (const text of parts.values()) chars += text.length;
  return chars;
}
