// The plain-browser host: the save in IndexedDB (idb-keyval), in a database named after the bundle id.
//
// Layout: database "org.sugarlabs.Cellar", object store "saves", out-of-line string keys:
//   "activity"              the current save (a cellar-activity document as text)
//   "damaged-<ISO time>"    a save that could not be read, kept aside untouched, never overwritten
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { BUNDLE_ID } from './activityIdentity';
import { DEFAULT_XO_COLOURS, type Host } from './host';

export const STANDALONE_STORE_NAME = 'saves';
export const CURRENT_SAVE_KEY = 'activity';
export const DAMAGED_SAVE_KEY_PREFIX = 'damaged-';

export function standaloneStore(): UseStore {
  return createStore(BUNDLE_ID, STANDALONE_STORE_NAME);
}

export function createStandaloneHost(store: UseStore = standaloneStore()): Host {
  return {
    kind: 'standalone',
    colours: DEFAULT_XO_COLOURS,
    language: null,
    load: async () => {
      const saved: unknown = await get(CURRENT_SAVE_KEY, store);
      if (saved === undefined) return null;
      // Not ours to read, and not ours to overwrite either: failing the load keeps saves off it.
      if (typeof saved !== 'string') throw new Error(`the save under "${CURRENT_SAVE_KEY}" is not text`);
      return saved;
    },
    save: (text) => set(CURRENT_SAVE_KEY, text, store),
    keepAside: async (text) => {
      await set(`${DAMAGED_SAVE_KEY_PREFIX}${new Date().toISOString()}`, text, store);
    },
    // A browser tab has no host asking it to stop or pause (visibility changes are watched by persistence).
    onStop: () => {},
    onPause: () => {},
    // A page cannot close a tab it did not open; Stop just saves.
    close: async () => {},
  };
}
