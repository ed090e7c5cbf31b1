// The Sugarizer host: the save is a Journal entry (sugarizerJournal.ts); Stop goes back to the shell's home.
import { BUNDLE_ID, newEntryTitle } from './activityIdentity';
import type { Host } from './host';
import type { SugarizerLaunch } from './sugarizerLaunch';
import { SugarizerJournal, type JournalMetadata } from './sugarizerJournal';

/** Where Sugarizer's shell is: the activity sits two folders below it (activities/Cellar.activity/). */
export const SUGARIZER_HOME = '../../index.html';

export interface SugarizerHostOptions {
  storage?: Storage;
  indexedDB?: IDBFactory;
  /** How to leave the page (tests replace it: navigating would end the test page). */
  navigate?: (url: string) => void;
}

export function createSugarizerHost(launch: SugarizerLaunch, options: SugarizerHostOptions = {}): Host {
  const journal = new SugarizerJournal(options.storage ?? localStorage, options.indexedDB ?? indexedDB);
  const navigate = options.navigate ?? ((url: string) => window.location.assign(url));
  const buddy = (): JournalMetadata =>
    launch.buddyName === null ? {} : { buddy_name: launch.buddyName, buddy_color: launch.buddyColour };
  const newEntry = (): string => {
    const nowMs = Date.now();
    return journal.createEntry({
      title: newEntryTitle(launch.language),
      title_set_by_user: '0',
      activity: BUNDLE_ID,
      activity_id: launch.activityId,
      creation_time: nowMs,
      timestamp: nowMs,
      file_size: 0,
      ...buddy(),
    });
  };

  // Resume the entry the shell named; a launch without one (or naming a vanished one) gets a new entry.
  let objectId =
    launch.objectId !== null && journal.readEntry(launch.objectId) ? launch.objectId : newEntry();

  return {
    kind: 'sugarizer',
    colours: launch.colours,
    language: launch.language,
    load: () => journal.readText(objectId),
    save: (text) =>
      journal.writeText(objectId, text, { timestamp: Date.now(), textsize: text.length, ...buddy() }),
    // The unreadable entry stays in the Journal as it is; this session saves into a new one.
    keepAside: async () => {
      objectId = newEntry();
    },
    onStop: () => {},
    onPause: () => {},
    close: async () => navigate(SUGARIZER_HOME),
  };
}
