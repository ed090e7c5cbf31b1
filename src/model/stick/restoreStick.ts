// Loading a `cellar-stick/v2` (or v1) document (stickDocument.ts) back into a stick's parts: the schema
// first (an older or newer one is refused by name), then every part read and checked — types, ranges, and the sizes
// the parts give each other (the overlay file on the stick and its COW, home.img and the filesystem in it,
// squashfs.img and the base image it holds). Everything is built new, so a document refused half-way
// leaves nothing behind: the caller gets an outcome, never a half-loaded stick.

import { OriginDevice } from '../block/BlockDevice';
import { ExtFs } from '../fs/ext/ExtFs';
import { ModelError } from '../errors';
import { NullSink, type BlockSink } from '../fs/BlockSink';
import type { ExtFsState } from '../fs/ext/ExtFsState';
import { SquashfsImage } from '../store/SquashfsImage';
import { LIVEOS_DIR } from '../store/Vfat';
import { SECTOR_BYTES } from '../units';
import { readCow, readUsage } from './cowDocument';
import {
  DocumentProblem,
  problem,
  readBoolean,
  readChoice,
  readList,
  readNullable,
  readObject,
  readText,
  readWhole,
  readWholeTuples,
} from '../docReader';
import { readExtFsState } from '../fs/ext/extFsDocument';
import { extSpaceFacts, type ExtSpaceFacts } from './extImage';
import { ExtVolume } from './ExtVolume';
import { homeImageFacts } from './luksHome';
import { buildOsminCow, osminFileBytes } from './osminImage';
import { deviceMatchesPlan, restoreDeviceFilesystem } from './deviceFilesystem';
import { LoopFile } from './loopFile';
import { restoreSystem } from './restoreSystem';
import { homeLoopFile, LOOP, overlayFileName, StickMedia } from './StickMedia';
import {
  OLDEST_STICK_SCHEMA_VERSION,
  STICK_SCHEMA,
  STICK_SCHEMA_VERSION,
  type StickRestoreFailure,
  type StickRestoreFailureCode,
} from './stickDocument';
import { normalizePath } from './stickPaths';
import { resolveStickPlan, type ResolvedStickPlan } from './stickPlan';
import type { StickParts } from './stickState';

export type StickRestoreResult<S> = { ok: true; stick: S } | StickRestoreFailure;

export interface RestoredStickParts extends StickParts {
  ok: true;
}

const READABLE_SCHEMAS = `cellar-stick/v${String(OLDEST_STICK_SCHEMA_VERSION)} to ${STICK_SCHEMA}`;

function failure(code: StickRestoreFailureCode, message: string): StickRestoreFailure {
  return { ok: false, code, message };
}

/** The parts of a stick from a document (or its JSON text), or why it cannot be loaded. */
export function restoreStickParts(document: unknown): RestoredStickParts | StickRestoreFailure {
  let value = document;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return failure('damaged', 'The saved stick is damaged: it is not complete JSON.');
    }
  }
  const checked = checkSchema(value);
  if (typeof checked !== 'number') return checked;
  try {
    return readStick(value as Record<string, unknown>, checked);
  } catch (error) {
    if (error instanceof DocumentProblem || error instanceof ModelError) {
      return failure('damaged', `The saved stick is damaged: ${error.message}.`);
    }
    throw error;
  }
}

/** The document's schema version, or why it is refused: not a stick, or a version this Cellar cannot read. */
function checkSchema(value: unknown): number | StickRestoreFailure {
  const schema =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>).schema
      : undefined;
  const match = typeof schema === 'string' ? /^cellar-stick\/v(\d+)$/.exec(schema) : null;
  if (!match) {
    return failure(
      'not-a-stick',
      `This is not a saved Cellar stick: a stick document is a JSON object whose schema is "${STICK_SCHEMA}".`,
    );
  }
  const version = Number(match[1]);
  if (version > STICK_SCHEMA_VERSION) {
    return failure(
      'newer-version',
      `This stick was saved by a newer Cellar (${String(schema)}); this Cellar reads ${READABLE_SCHEMAS}.`,
    );
  }
  if (version < OLDEST_STICK_SCHEMA_VERSION) {
    return failure(
      'older-version',
      `This stick was saved in an older format (${String(schema)}) that this Cellar no longer reads; ` +
        `it reads ${READABLE_SCHEMAS}.`,
    );
  }
  return version;
}

/** Runs a part's own loader, whose ModelError becomes a problem named after the part. */
function loadPart<T>(path: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ModelError) throw problem(path, `cannot be loaded (${error.message})`);
    throw error;
  }
}

function readStick(doc: Record<string, unknown>, version: number): RestoredStickParts {
  const plan = readPlan(doc.plan, version);
  const era = plan.era;
  const clockMs = readWhole(doc.clockMs, 'clockMs');

  const device = loadPart('device', () => restoreDeviceFilesystem(doc.device));
  const mismatch = deviceMatchesPlan(device, plan);
  if (mismatch) throw problem('device', mismatch);
  const fileBytes = (path: string): number | null => {
    const found = device.stat(path);
    return found.ok && found.value.kind === 'file' ? found.value.sizeBytes : null;
  };

  // The base image: squashfs.img and the root image in it.
  const base = readObject(doc.base, 'base');
  const squashfs = loadPart('base.squashfs', () => SquashfsImage.restore(base.squashfs));
  const baseRoot = readExtFsState(base.root, 'base.root');
  requireLayout(baseRoot.state, plan.base.mkfs, plan.base.size_bytes, 'base.root');
  if (squashfs.rootImageBytes !== plan.base.size_bytes || squashfs.rootImageName !== era.rootImageName) {
    throw problem('base.squashfs', 'does not hold the root image the plan describes');
  }
  const baseFs = loadPart('base.root', () => ExtFs.restore(baseRoot.state, new NullSink()));
  const baseUsedBytes = baseFs.usedBlocks() * baseRoot.layout.blockSizeBytes;
  if (squashfs.rootImageUsedBytes !== baseUsedBytes) {
    throw problem(
      'base.squashfs',
      `says ${String(squashfs.rootImageUsedBytes)} bytes of the root image are in use, but base.root uses ${String(baseUsedBytes)}`,
    );
  }
  if (fileBytes(`${LIVEOS_DIR}/squashfs.img`) !== squashfs.compressedBytes) {
    throw problem(
      'device',
      `holds no ${LIVEOS_DIR}/squashfs.img of ${String(squashfs.compressedBytes)} bytes`,
    );
  }
  const baseFacts = extSpaceFacts(plan.base.mkfs, plan.base.size_bytes);
  const origin = new OriginDevice(squashfs.rootImageSectors, { major: 7, minor: LOOP.rootImage });

  // The overlay file and the root it holds.
  const overlayPath = `${LIVEOS_DIR}/${overlayFileName(plan.label, plan.uuid)}`;
  const overlayDoc = readNullable(doc.overlay, 'overlay', readObject);
  if ((overlayDoc === null) !== (plan.overlayBytes === null)) {
    throw problem(
      'overlay',
      plan.overlayBytes === null ? 'is there, but the plan has none' : 'is null, but the plan has one',
    );
  }
  let overlay: StickMedia['overlay'] = null;
  let overlayWhenOff: RestoredStickParts['overlayWhenOff'] = null;
  if (overlayDoc) {
    const cow = readCow(overlayDoc, 'overlay', { major: 7, minor: LOOP.overlay });
    const bytes = cow.sizeSectors * SECTOR_BYTES;
    const onStick = fileBytes(overlayPath);
    if (bytes < (plan.overlayBytes ?? 0) || (onStick !== null && onStick !== bytes)) {
      throw problem(
        'overlay.sizeSectors',
        `does not match the overlay file on the stick (${String(onStick)} bytes)`,
      );
    }
    overlay = { path: overlayPath, cow, file: new LoopFile(device, overlayPath) };
    overlayWhenOff = readNullable(overlayDoc.whenOff, 'overlay.whenOff', (v, at) => {
      const whenOff = readObject(v, at);
      const usage = readUsage(whenOff.usage, `${at}.usage`);
      if (usage.totalSectors > cow.sizeSectors) throw problem(`${at}.usage`, 'is larger than the overlay');
      return { usage, chunkSectors: readWhole(whenOff.chunkSectors, `${at}.chunkSectors`) };
    });
  }
  const rootDoc = readNullable(doc.root, 'root', (v) => v);
  if ((rootDoc === null) !== (overlay === null)) {
    throw problem(
      'root',
      overlay ? 'is null, but the stick has an overlay file' : 'is there, but the stick has no overlay file',
    );
  }
  const persistent =
    rootDoc === null
      ? null
      : readVolume(rootDoc, 'root', baseRoot.state, baseFacts, plan.base.mkfs, plan.base.size_bytes);
  const persistentRoot = persistent?.volume ?? null;

  // home.img.
  const homeDoc = readNullable(doc.home, 'home', readObject);
  if ((homeDoc === null) !== (plan.homeBytes === null)) {
    throw problem(
      'home',
      plan.homeBytes === null
        ? 'is there, but the plan has no home.img'
        : 'is null, but the plan has a home.img',
    );
  }
  let home: StickMedia['home'] = null;
  let homeMounted = false;
  if (homeDoc && plan.homeBytes !== null) {
    const facts = homeImageFacts(plan, plan.homeBytes);
    const sink = homeLoopFile(plan, plan.homeBytes, device);
    const read = readVolume(
      homeDoc,
      'home',
      null,
      extSpaceFacts(facts.mkfs, facts.filesystemBytes),
      facts.mkfs,
      facts.filesystemBytes,
      sink,
    );
    const path = `${LIVEOS_DIR}/home.img`;
    if (fileBytes(path) !== plan.homeBytes)
      throw problem('device', `holds no ${path} of ${String(plan.homeBytes)} bytes`);
    home = { path, volume: read.volume, sink };
    homeMounted = read.mounted;
  }

  // osmin.img (2012), made again from the plan.
  let osmin: StickMedia['osmin'] = null;
  if (era.hasOsmin) {
    const path = `${LIVEOS_DIR}/osmin.img`;
    const cow = loadPart('plan.osminCowSectors', () =>
      buildOsminCow(origin, plan.osminCowSectors, era.chunkSectors, { major: 7, minor: LOOP.osmin }),
    );
    if (fileBytes(path) !== osminFileBytes(plan.osminCowSectors))
      throw problem('device', `holds no ${path} of the plan's size`);
    osmin = { path, cow };
  }

  let swap: StickMedia['swap'] = null;
  if (plan.swapBytes !== null) {
    swap = { path: `${LIVEOS_DIR}/swap.img`, sizeBytes: plan.swapBytes };
    if (fileBytes(swap.path) !== swap.sizeBytes)
      throw problem('device', `holds no ${swap.path} of ${String(swap.sizeBytes)} bytes`);
  }

  const ramFolders = readList(doc.ramFolders, 'ramFolders').map((item, index) => {
    const at = `ramFolders[${String(index)}]`;
    const folder = readText(item, at);
    const normal = normalizePath(folder);
    if (!normal.ok || normal.value !== folder || folder === '/')
      throw problem(at, 'is not a plain absolute folder');
    return folder;
  });
  const journalEntriesSaved = readWhole(doc.journalEntriesSaved, 'journalEntriesSaved');

  const media = StickMedia.assemble({
    plan,
    device,
    squashfs,
    origin,
    overlay,
    home,
    osmin,
    swap,
    persistentRoot,
    rootBlockSizeBytes: baseRoot.layout.blockSizeBytes,
    baseState: baseRoot.state,
  });
  media.ramFolders.push(...ramFolders);
  media.journalEntriesSaved = journalEntriesSaved;

  const system = readNullable(doc.system, 'system', (v, at) =>
    restoreSystem(readObject(v, at), media, {
      persistentRootMounted: persistent?.mounted ?? false,
      homeMounted,
      readRoot: (saved, path, sink) =>
        readVolume(saved, path, media.baseState, media.baseFacts, plan.base.mkfs, plan.base.size_bytes, sink),
    }),
  );
  if (!system && (persistent?.mounted || homeMounted)) {
    throw problem(
      persistent?.mounted ? 'root.fs.mounted' : 'home.fs.mounted',
      'is true, but the stick is off',
    );
  }
  return { ok: true, media, system, clockMs, overlayWhenOff };
}

/** The plan, checked for its types, then as Stick.create checks it (version 1: a vfat stick, no swap). */
function readPlan(value: unknown, version: number): ResolvedStickPlan {
  const doc = readObject(value, 'plan');
  const since2 = <T>(read: () => T, before: T): T => (version >= 2 ? read() : before);
  const baseDoc = readObject(doc.base, 'plan.base');
  readObject(baseDoc.tree, 'plan.base.tree');
  const resolved = resolveStickPlan({
    era: readChoice(doc.era, 'plan.era', ['soas-2012', 'fedora-today'] as const),
    capacityBytes: readWhole(doc.capacityBytes, 'plan.capacityBytes'),
    deviceFilesystem: since2(
      () => readChoice(doc.deviceFilesystem, 'plan.deviceFilesystem', ['vfat', 'ext4'] as const),
      'vfat',
    ),
    overlayMib: readNullable(doc.overlayMib, 'plan.overlayMib', readWhole),
    ...(doc.overlaySectors !== undefined && {
      overlaySectors: readWhole(doc.overlaySectors, 'plan.overlaySectors'),
    }),
    homeMib: readNullable(doc.homeMib, 'plan.homeMib', readWhole),
    swapMib: since2(() => readNullable(doc.swapMib, 'plan.swapMib', readWhole), null),
    homeEncrypted: readBoolean(doc.homeEncrypted, 'plan.homeEncrypted'),
    homePassphrase: readNullable(doc.homePassphrase, 'plan.homePassphrase', readText) ?? undefined,
    ramBytes: readWhole(doc.ramBytes, 'plan.ramBytes'),
    base: {
      ...(baseDoc as object),
      fs: readChoice(baseDoc.fs, 'plan.base.fs', ['ext3', 'ext4'] as const),
      size_bytes: readWhole(baseDoc.size_bytes, 'plan.base.size_bytes'),
      mkfs: readText(baseDoc.mkfs, 'plan.base.mkfs'),
    } as ResolvedStickPlan['base'],
    label: readText(doc.label, 'plan.label'),
    uuid: readText(doc.uuid, 'plan.uuid'),
    devicePath: readText(doc.devicePath, 'plan.devicePath'),
    osminCowSectors: readWhole(doc.osminCowSectors, 'plan.osminCowSectors'),
  });
  if (!resolved.ok) throw problem('plan', `is one Stick.create refuses (${resolved.message})`);
  return resolved.plan;
}

/**
 * A saved ext4 volume (`{ fs, pending }`, or "base" for a root still identical to the base image), made
 * with `mkfs` on `sizeBytes`, restored onto `sink`.
 */
export function readVolume(
  value: unknown,
  path: string,
  baseState: ExtFsState | null,
  facts: ExtSpaceFacts,
  mkfs: string,
  sizeBytes: number,
  sink: BlockSink = new NullSink(),
): { volume: ExtVolume; mounted: boolean } {
  let state: ExtFsState;
  let pending: [number, number][] = [];
  if (value === 'base' && baseState) {
    state = baseState;
  } else {
    const doc = readObject(value, path);
    state = readExtFsState(doc.fs, `${path}.fs`).state;
    requireLayout(state, mkfs, sizeBytes, `${path}.fs`);
    pending = readWholeTuples(doc.pending, `${path}.pending`, 2) as [number, number][];
  }
  const volume = new ExtVolume({ fs: loadPart(`${path}.fs`, () => ExtFs.restore(state, sink)), ...facts });
  volume.restorePendingWrites(pending);
  return { volume, mounted: state.mounted };
}

function requireLayout(state: ExtFsState, mkfs: string, sizeBytes: number, path: string): void {
  if (state.layout.mkfsCommand !== mkfs || state.layout.sizeBytes !== sizeBytes) {
    throw problem(`${path}.layout`, `is not the filesystem \`${mkfs}\` makes on ${String(sizeBytes)} bytes`);
  }
}
