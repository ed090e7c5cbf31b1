// Sugar on the stick (the Sugar Labs wiki, "LiveOS image"): built-in Activities in
// /usr/share/sugar/activities (in the base image), downloaded or updated ones in
// /home/liveuser/Activities, and the Journal's datastore in /home/liveuser/.sugar/default/datastore. With
// a home.img these land in it; without one they cost the overlay. The operations go through the stick's
// own file operations, so they cost whatever those paths cost — even a folder moved to RAM.
//
// Sizes are the kernel lab's (f_liveos_4k): an Activity like Maze.activity is 150 files in 6 folders,
// 3284 KiB as du counts it; a Journal entry is a folder `<2 hex>/<uid>/` holding `data` and a
// `metadata/` folder of eight small files (title, mime_type, activity, activity_id, timestamp, mtime,
// keep, uid).

import { buildTree } from '../fs/baseTree';
import { utf8Length } from '../store/names';
import type { Stick } from './Stick';
import { addCosts, failed, NO_COSTS, type StickCosts, type StickOutcome } from './stickOutcome';
import { BUILT_IN_ACTIVITIES_DIR } from './sugarBase';

export const ACTIVITIES_DIR = '/home/liveuser/Activities';
export const DATASTORE_DIR = '/home/liveuser/.sugar/default/datastore';

/** The lab's Maze.activity: 150 files in 6 folders, 3284 KiB as `du -sk` counts it. */
export const TYPICAL_ACTIVITY = { files: 150, sizeBytes: 3284 * 1024, folders: 6 } as const;

/** The lab's Journal entry: a 50 KiB `data` file. */
export const TYPICAL_JOURNAL_DATA_BYTES = 51_200;

export interface ActivityOptions {
  /** What `du` would count for the installed bundle. */
  sizeBytes?: number;
  files?: number;
  folders?: number;
}

export interface JournalEntryOptions {
  dataBytes?: number;
  title?: string;
  mimeType?: string;
  /** The bundle id of the Activity that saved it. */
  activity?: string;
}

export interface JournalEntryOutcome extends StickOutcome {
  /** The entry's uid (its folder's name); set even when saving failed part-way. */
  uid: string;
}

/** `Maze` or `Maze.activity` → `Maze.activity`; null for a name that cannot be a folder name. */
export function activityFolderName(name: string): string | null {
  const folder = name.endsWith('.activity') ? name : `${name}.activity`;
  if (
    name === '' ||
    folder === '.activity' ||
    name.includes('/') ||
    name.includes('\0') ||
    utf8Length(folder) > 255
  ) {
    return null;
  }
  return folder;
}

export function installActivity(stick: Stick, name: string, options: ActivityOptions = {}): StickOutcome {
  const folder = activityFolderName(name);
  const files = options.files ?? TYPICAL_ACTIVITY.files;
  const sizeBytes = options.sizeBytes ?? TYPICAL_ACTIVITY.sizeBytes;
  const folders = options.folders ?? TYPICAL_ACTIVITY.folders;
  if (!folder || !isCount(files) || files < 1 || !isCount(sizeBytes) || !isCount(folders)) {
    return { ...failed('EINVAL'), costs: { ...NO_COSTS } };
  }
  const root = `${ACTIVITIES_DIR}/${folder}`;
  const steps = tally(stick);
  // An update replaces the installed version.
  if (stick.stat(root).ok && !steps.run(stick.deleteFile(root, { recursive: true, sync: false })))
    return steps.outcome();
  if (!steps.run(stick.mkdir(root, { parents: true, sync: false }))) return steps.outcome();
  const made = new Set<string>([root]);
  const tree = buildTree({ files, bytes: sizeBytes, folders }, root, stick.blockBytesAt(ACTIVITIES_DIR));
  for (const { path, sizeBytes: fileBytes } of tree) {
    const parent = path.slice(0, path.lastIndexOf('/'));
    if (!made.has(parent)) {
      if (!steps.run(stick.mkdir(parent, { parents: true, sync: false }))) return steps.outcome();
      made.add(parent);
    }
    if (!steps.run(stick.writeFile(path, fileBytes, { sync: false }))) return steps.outcome();
  }
  return steps.outcome();
}

/** Removes a downloaded Activity; the built-in ones cannot be removed (EPERM). */
export function removeActivity(stick: Stick, name: string): StickOutcome {
  const folder = activityFolderName(name);
  if (!folder) return { ...failed('EINVAL'), costs: { ...NO_COSTS } };
  const path = `${ACTIVITIES_DIR}/${folder}`;
  const found = stick.stat(path);
  if (found.ok) return stick.deleteFile(path, { recursive: true });
  if (found.error === 'ENOENT' && stick.stat(`${BUILT_IN_ACTIVITIES_DIR}/${folder}`).ok) {
    return { ...failed('EPERM'), costs: { ...NO_COSTS } };
  }
  return { ...failed(found.error), costs: { ...NO_COSTS } };
}

export function saveJournalEntry(stick: Stick, options: JournalEntryOptions = {}): JournalEntryOutcome {
  const number = ++stick.media.journalEntriesSaved;
  const uid = journalUid(number);
  const dataBytes = options.dataBytes ?? TYPICAL_JOURNAL_DATA_BYTES;
  if (!isCount(dataBytes)) return { ...failed('EINVAL'), costs: { ...NO_COSTS }, uid };
  const folder = `${DATASTORE_DIR}/${uid.slice(0, 2)}/${uid}`;
  const nowMs = journalEpochMs(stick) + stick.clockMs;
  const metadata: [string, string][] = [
    ['title', options.title ?? 'Untitled'],
    ['mime_type', options.mimeType ?? 'image/png'],
    ['activity', options.activity ?? 'org.laptop.Oficina'],
    ['activity_id', hexDigits(number * 7919, 40)],
    ['timestamp', String(Math.floor(nowMs / 1000))],
    ['mtime', new Date(nowMs).toISOString().replace('Z', '000')],
    ['keep', '0'],
    ['uid', uid],
  ];
  const steps = tally(stick);
  const finish = (): JournalEntryOutcome => ({ ...steps.outcome(), uid });
  if (!steps.run(stick.mkdir(`${folder}/metadata`, { parents: true, sync: false }))) return finish();
  if (!steps.run(stick.writeFile(`${folder}/data`, dataBytes, { sync: false }))) return finish();
  for (const [name, value] of metadata) {
    if (!steps.run(stick.writeFile(`${folder}/metadata/${name}`, utf8Length(value), { sync: false }))) {
      return finish();
    }
  }
  return finish();
}

/** A uid in the datastore's form (8-4-4-4-12 hex), the same for the same entry number. */
export function journalUid(number: number): string {
  const hex = hexDigits(number, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** `count` hex digits drawn from a small deterministic generator seeded with `seed`. */
function hexDigits(seed: number, count: number): string {
  let state = (seed * 0x9e3779b1) >>> 0;
  let out = '';
  while (out.length < count) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
    out += state.toString(16).padStart(8, '0');
  }
  return out.slice(0, count);
}

/** The clock's zero as a date: the wiki page's month in 2012, a recent date today. */
function journalEpochMs(stick: Stick): number {
  return stick.era.id === 'soas-2012' ? Date.UTC(2012, 2, 29, 9, 0, 0) : Date.UTC(2025, 0, 6, 9, 0, 0);
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/**
 * Runs operations in order, adding up their costs and stopping at the first that fails. The answer comes
 * after a sync, so what was accepted before a failure (as `cp` leaves a partial copy) is counted too.
 */
function tally(stick: Stick): { run(outcome: StickOutcome): boolean; outcome(): StickOutcome } {
  let costs: StickCosts = { ...NO_COSTS };
  let error: StickOutcome['error'];
  const run = (outcome: StickOutcome): boolean => {
    costs = addCosts(costs, outcome.costs);
    if (!outcome.ok) error ??= outcome.error;
    return outcome.ok;
  };
  return {
    run,
    outcome: () => {
      run(stick.sync());
      return error === undefined ? { ok: true, costs } : { ok: false, error, costs };
    },
  };
}
