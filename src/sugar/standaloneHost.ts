// The plain-browser host: the save in IndexedDB (idb-keyval), in a database named after the bundle id.
//
// Layout: database "org.sugarlabs.Cellar", object store "saves", out-of-line string keys:
//   "activity"              the current save (a cellar-activity document as text)
//   "damaged-<ISO time>"    a save that could not be read, kept aside untouched, never overwritten
// and, only between a page leaving with a change unsaved and the next start, localStorage
//   "org.sugarlabs.Cellar/leaving"   that last state (IndexedDB writes begun while a page unloads are
//                                    dropped; localStorage writes are synchronous), moved into "activity"
//                                    by the next load.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { BUNDLE_ID } from './activityIdentity';
import { DEFAULT_XO_COLOURS, type Host } from './host';

export const STANDALONE_STORE_NAME = 'saves';
export const CURRENT_SAVE_KEY = 'activity';
export const DAMAGED_SAVE_KEY_PREFIX = 'damaged-';

export function standaloneStore(): UseStore {
  return createStore(BUNDLE_ID, STANDALONE_STORE_NAME);
}

export const LEAVING_SAVE_KEY = `${BUNDLE_ID}/leaving`;

/** The page's localStorage, or null where the browser refuses it (storage disabled, sandboxed frames). */
function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function createStandaloneHost(
  store: UseStore = standaloneStore(),
  leavingStorage: Storage | null = pageStorage(),
): Host {
  const forgetLeaving = () => leavingStorage?.removeItem(LEAVING_SAVE_KEY);
  // Opened at once: a first visit's IndexedDB takes several round trips to create, which then overlap the
  // rest of the start-up (choosing the language) instead of delaying `load`. A failure is load's to report.
  store('readonly', () => undefined).catch(() => {});
  return {
    kind: 'standalone',
    colours: DEFAULT_XO_COLOURS,
    language: null,
    load: async () => {
      const left = leavingStorage?.getItem(LEAVING_SAVE_KEY) ?? null;
      if (left !== null) {
        await set(CURRENT_SAVE_KEY, left, store);
        forgetLeaving();
        return left;
      }
      const saved: unknown = await get(CURRENT_SAVE_KEY, store);
      if (saved === undefined) return null;
      // Not ours to read, and not ours to overwrite either: failing the load keeps saves off it.
      if (typeof saved !== 'string') throw new Error(`the save under "${CURRENT_SAVE_KEY}" is not text`);
      return saved;
    },
    save: async (text) => {
      await set(CURRENT_SAVE_KEY, text, store);
      forgetLeaving();
    },
    saveWhileLeaving: (text) => {
      try {
        leavingStorage?.setItem(LEAVING_SAVE_KEY, text);
        return leavingStorage !== null;
      } catch {
        return false; // over the browser's localStorage quota: the last change is lost, as before
      }
    },
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
