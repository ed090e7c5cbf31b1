// A Sugar on a Stick / Fedora LiveOS USB stick a learner can boot, use and reboot: every file operation
// goes to the filesystem that owns its path (the root on the overlay, home.img, a RAM folder, the stick's
// own filesystem) and answers what it cost in each place. The stick is made from a plan (StickMedia),
// booted as dracut boots it (dracutBoot), and its usage summarised for the views (usageSummary).
//
// Each file operation ends with `sync` unless asked not to, as the kernel lab's steps did, so its cost
// shows at once; with `{ sync: false }` the writes wait for the clock (`advance`: ext4 commits every 5 s
// and writes data back after 30 s) or the next sync, as they would on a real stick.
//
// When the overlay runs out, the measured behaviour follows (test/fixtures/kernel/b_overflow_*): the
// write whose writeback failed answers EIO (`dd` itself said nothing: fsync would have told), ext4
// aborts its journal and the root turns read-only; later writes to it answer EROFS, and with an Invalid
// (2012, P) snapshot reads answer EIO too. Home, RAM folders and the stick's own space carry on.
//
// With the stick off it can be refreshed (an editliveos-like remix: the overlay folded into a new base
// image) or have its overlay reset (`--reset-overlay`), see stickRefresh.ts; an encrypted home.img stays
// locked until its passphrase is given (at boot or with unlockHome), see luksHome.ts; and the whole stick,
// off or running, saves to a `cellar-stick/v2` JSON document and restores from it (stickDocument.ts).
//
// The stick's own filesystem is vfat or ext4 (deviceFilesystem.ts). On a 2012 ext4 stick the overlay file
// and home.img are sparse and fill the stick as they fill (loopFile.ts); a temporary overlay takes RAM
// (ramOverlay.ts). When either runs out, the write fails as the kernel's would (live-rw invalidated;
// home.img's ext4 read-only), and LiveSystem.noteSpaceFailures says why in the log.

import type { CowDevice } from '../block/CowDevice';
import type { StoreUsage } from '../dm/ExceptionStore';
import { Emitter } from '../events';
import { isWholeNumber, SECTOR_BYTES } from '../units';
import { bootFilesBytes } from './bootFiles';
import type { BootLogLine } from './bootTexts';
import { bootLiveSystem, type BootOptions } from './dracutBoot';
import type { EraProfile } from './eras';
import { ExtVolume } from './ExtVolume';
import { makeLiveuserHome, openCrypt } from './homeMount';
import type { LiveSystem, OverlayKind, RootState } from './LiveSystem';
import { LOCKED_HOME_NOTE, passphraseOpens, WRONG_PASSPHRASE_TEXT, type HomeState } from './luksHome';
import { mountFacts, type Mount, type PathPlace } from './MountTable';
import { StickMedia } from './StickMedia';
import {
  done,
  failed,
  NO_COSTS,
  type StickCosts,
  type StickErrorCode,
  type StickOutcome,
  type VolumeOutcome,
  type VolumeResult,
} from './stickOutcome';
import type { StickPlan, StickRefusal } from './stickPlan';
import { normalizePath, pathInside, isWithin } from './stickPaths';
import { refreshMedia, resetOverlayMedia, type MaintenanceResult, type RefreshOptions } from './stickRefresh';
import { restoreStickParts, type StickRestoreResult } from './restoreStick';
import { saveStick } from './saveStick';
import type { StickDocument, StickRestoreFailure } from './stickDocument';
import {
  installActivity,
  removeActivity,
  saveJournalEntry,
  type ActivityOptions,
  type JournalEntryOptions,
  type JournalEntryOutcome,
} from './sugarActivities';
import { summarizeUsage, type StickUsage } from './usageSummary';
import type { VolumeStat, WriteMode } from './Volume';

export interface SyncOption {
  /** End the operation with `sync` (default true). */
  sync?: boolean;
}

export interface WriteOptions extends SyncOption {
  /** The writer keeps the file open afterwards (a daemon's log), until `closeFile`. */
  keepOpen?: boolean;
}

export type { BootOptions, RefreshOptions, StickDocument, StickRestoreFailure };

export interface BootOutcome extends StickOutcome {
  overlay: OverlayKind | null;
  /** home.img after livesys: mounted, locked (encrypted, no passphrase opened it) or none. */
  home: HomeState;
  /** What dracut, livesys and the kernel printed during this boot. */
  log: BootLogLine[];
  /** live-rw's status line right after `dmsetup create`, before anything was mounted. */
  statusAtCreate: string | null;
}

export interface ShutdownOutcome {
  ok: boolean;
  error?: StickErrorCode;
  /** live-rw's status line just before `dmsetup remove`. */
  statusAtShutdown: string | null;
}

export interface StickEvents {
  /** One learner-level operation finished (views re-render once per operation). */
  operation: { name: string; path?: string; outcome: StickOutcome };
  booted: { overlay: OverlayKind | null; ok: boolean };
  'shut-down': { statusLine: string | null };
  'root-state-changed': { state: RootState };
}

export type StickResult = { ok: true; stick: Stick } | StickRefusal;

/** A change made with the stick off (refresh, reset) or to its mounts (unlockHome), with a sentence. */
export interface MaintenanceOutcome extends StickOutcome {
  /** What was done, or why not, in plain words. */
  message: string;
}

export interface RefreshOutcome extends MaintenanceOutcome {
  /** squashfs.img's size on the stick before and after (equal when refused). */
  squashfsBytesBefore: number;
  squashfsBytesAfter: number;
}

/** whereIs's answer: the store a path costs, and a note when /home is the overlay's because home.img is locked. */
export type WhereIsAnswer =
  (PathPlace & { homeLocked?: boolean; note?: string }) | { ok: false; error: StickErrorCode };

type Access = 'read' | 'write';

export class Stick {
  readonly events = new Emitter<StickEvents>();
  private system: LiveSystem | null = null;
  private clock = 0;
  /** The overlay's usage when the stick was last shut down (nothing is mapped while it is off). */
  private overlayWhenOff: { usage: StoreUsage; chunkSectors: number } | null = null;

  private constructor(readonly media: StickMedia) {}

  /** A stick as livecd-iso-to-disk leaves it, powered off; or why the plan cannot be made. */
  static create(plan: StickPlan): StickResult {
    const made = StickMedia.create(plan);
    return made.ok ? { ok: true, stick: new Stick(made.media) } : made;
  }

  get era(): EraProfile {
    return this.media.era;
  }

  get power(): 'off' | 'running' | 'emergency' {
    return this.system ? this.system.state : 'off';
  }

  get rootState(): RootState | null {
    return this.system ? this.system.rootState : null;
  }

  /** Simulated time since the stick was made, in ms. */
  get clockMs(): number {
    return this.clock;
  }

  /** The overlay file's bytes (for the recovery steps, done while the stick is off); null without one. */
  get overlayFile(): CowDevice | null {
    return this.media.overlay?.cow ?? null;
  }

  // --- power ----------------------------------------------------------------------------------------

  /**
   * Powers the stick on. `homePassphrase` is what the learner types when livesys asks for an encrypted
   * home.img's passphrase; without it (or with a wrong one) home.img stays locked (see unlockHome).
   */
  boot(options: BootOptions = {}): BootOutcome {
    if (this.system) {
      return {
        ok: false,
        error: 'EBUSY',
        costs: { ...NO_COSTS },
        overlay: null,
        home: this.system.homeState,
        log: [],
        statusAtCreate: null,
      };
    }
    const homeBefore = this.media.home?.volume.usedBytes() ?? 0;
    const deviceBefore = this.media.device.usedBytes;
    const system = bootLiveSystem(this.media, options);
    this.system = system;
    const chunks = system.liveRw ? this.overlayChunks() - system.chunksAtCreate : 0;
    const outcome: BootOutcome = {
      ok: system.state === 'running',
      ...(system.state === 'running' ? {} : { error: 'EIO' as const }),
      costs: {
        overlayChunks: chunks,
        homeBytes: (this.media.home?.volume.usedBytes() ?? 0) - homeBefore,
        ramBytes: this.ramUsed(),
        deviceBytes: this.media.device.usedBytes - deviceBefore,
      },
      overlay: system.liveRw ? system.overlayKind : null,
      home: system.homeState,
      log: system.log.slice(0, system.bootLineCount),
      statusAtCreate: system.statusAtCreate,
    };
    if (system.rootState !== 'rw') this.events.emit('root-state-changed', { state: system.rootState });
    this.events.emit('booted', { overlay: outcome.overlay, ok: outcome.ok });
    return outcome;
  }

  /** Unmounts everything and removes the devices: persistent stores keep their state, RAM is lost. */
  shutdown(): ShutdownOutcome {
    const system = this.system;
    if (!system) return { ok: false, error: 'ENODEV', statusAtShutdown: null };
    const liveRw = system.liveRw;
    const persistent = system.overlayKind === 'persistent';
    const frozen = system.frozenOverlayUsage;
    const statusAtShutdown = system.shutdown();
    // Writes refused while unmounting are lost with the system; the next boot starts from what landed.
    this.media.overlay?.file.takeRefusal();
    this.media.home?.sink.takeRefusal();
    this.overlayWhenOff =
      liveRw && persistent
        ? { usage: frozen ?? liveRw.store.usage(), chunkSectors: liveRw.chunkSectors }
        : null;
    this.system = null;
    this.events.emit('shut-down', { statusLine: statusAtShutdown });
    return { ok: true, statusAtShutdown };
  }

  reboot(options: BootOptions = {}): BootOutcome {
    this.shutdown();
    return this.boot(options);
  }

  // --- what the running system shows ------------------------------------------------------------------

  /** What the boot printed (empty while the stick is off). */
  bootLog(): BootLogLine[] {
    return this.system ? this.system.log.slice(0, this.system.bootLineCount) : [];
  }

  /** Everything logged since boot: the boot, then kernel messages (overflow, journal abort). */
  log(): BootLogLine[] {
    return this.system ? [...this.system.log] : [];
  }

  /** `dmsetup status` (every device, named) or `dmsetup status <name>`. */
  dmsetupStatus(name?: string): string[] {
    return this.system?.dm.statusLines(name) ?? [];
  }

  dmsetupTable(name?: string): string[] {
    return this.system?.dm.tableLines(name) ?? [];
  }

  /** The device-mapper devices, by name (for `dmsetup ls` and `info`). */
  dmDevices(): { name: string; major: number; minor: number; readOnly: boolean; target: string }[] {
    return (this.system?.dm.list() ?? []).map((d) => ({
      name: d.name,
      major: d.number.major,
      minor: d.number.minor,
      readOnly: d.readOnly,
      target: d.kind,
    }));
  }

  /** The mounts in the order they were made (for `mount`, `df`, `findmnt`). */
  mounts(): readonly Omit<Mount, 'volume'>[] {
    return (this.system?.mounts.list() ?? []).map(mountFacts);
  }

  usage(): StickUsage {
    return summarizeUsage(this.media, this.system, this.overlayWhenOff, bootFilesBytes(this.era.id));
  }

  /**
   * Which store a path costs, the mount that owns it and the path inside that mount. While an encrypted
   * home.img is locked, a path under /home belongs to the root (the overlay), and the answer says so.
   */
  whereIs(path: string): WhereIsAnswer {
    const normal = normalizePath(path);
    if (!normal.ok) return normal;
    if (!this.system) return failed('ENODEV');
    const place = this.system.mounts.place(normal.value);
    if (!place) return failed('EIO');
    if (this.system.homeState === 'locked' && isWithin(normal.value, '/home') && place.mountPoint === '/') {
      return { ...place, homeLocked: true, note: LOCKED_HOME_NOTE };
    }
    return place;
  }

  /** The allocation unit where a path lives (ext4 block, tmpfs page, FAT cluster), for sizing copies. */
  blockBytesAt(path: string): number {
    const mount = this.system && this.ownerOf(path);
    if (!mount) return 4096;
    if (mount.volume instanceof ExtVolume) return mount.volume.blockSizeBytes;
    return mount.store === 'device' ? this.media.device.allocationUnitBytes : 4096;
  }

  // --- file operations ----------------------------------------------------------------------------------

  writeFile(path: string, bytes: number, options: WriteOptions = {}): StickOutcome {
    return this.write('writeFile', path, bytes, 'truncate', options);
  }

  appendFile(path: string, bytes: number, options: WriteOptions = {}): StickOutcome {
    return this.write('appendFile', path, bytes, 'append', options);
  }

  /** `dd conv=notrunc`: rewrites the first `bytes` of a file (already-copied chunks cost nothing more). */
  overwriteFile(path: string, bytes: number, options: WriteOptions = {}): StickOutcome {
    return this.write('overwriteFile', path, bytes, 'in-place', options);
  }

  deleteFile(path: string, options: SyncOption & { recursive?: boolean } = {}): StickOutcome {
    return this.operate('deleteFile', path, options, (system, normal) => {
      if (system.mounts.at(normal) || (options.recursive && system.mounts.mountsBelow(normal).length > 0)) {
        return { result: failed('EBUSY') };
      }
      const where = this.resolve(system, normal, 'write');
      if (!where.ok) return { result: where };
      return {
        result: where.mount.volume.remove(where.inner, options.recursive ?? false),
        mount: where.mount,
      };
    });
  }

  mkdir(path: string, options: SyncOption & { parents?: boolean } = {}): StickOutcome {
    return this.operate('mkdir', path, options, (system, normal) => {
      if (system.mounts.at(normal)) return { result: options.parents ? done : failed('EEXIST') };
      const where = this.resolve(system, normal, 'write');
      if (!where.ok) return { result: where };
      return { result: where.mount.volume.mkdir(where.inner, options.parents ?? false), mount: where.mount };
    });
  }

  rename(fromPath: string, toPath: string, options: SyncOption = {}): StickOutcome {
    const to = normalizePath(toPath);
    if (!to.ok) return { ...to, costs: { ...NO_COSTS } };
    return this.operate('rename', fromPath, options, (system, from) => {
      if (
        system.mounts.at(from) ||
        system.mounts.at(to.value) ||
        system.mounts.mountsBelow(from).length > 0
      ) {
        return { result: failed('EBUSY') };
      }
      const source = this.resolve(system, from, 'write');
      if (!source.ok) return { result: source };
      const target = this.resolve(system, to.value, 'write');
      if (!target.ok) return { result: target };
      if (source.mount !== target.mount) return { result: failed('EXDEV') };
      return { result: source.mount.volume.rename(source.inner, target.inner), mount: source.mount };
    });
  }

  touch(path: string, options: SyncOption = {}): StickOutcome {
    return this.operate('touch', path, options, (system, normal) => {
      if (system.mounts.at(normal)) return { result: done };
      const where = this.resolve(system, normal, 'write');
      if (!where.ok) return { result: where };
      return { result: where.mount.volume.touch(where.inner), mount: where.mount };
    });
  }

  /** Closes a file a writer kept open (see WriteOptions): ext4 then gives back what it preallocated for it. */
  closeFile(path: string, options: SyncOption = {}): StickOutcome {
    return this.operate('closeFile', path, options, (system, normal) => {
      if (system.mounts.at(normal)) return { result: failed('EISDIR') };
      const where = this.resolve(system, normal, 'read');
      if (!where.ok) return { result: where };
      return { result: where.mount.volume.close?.(where.inner) ?? done, mount: where.mount };
    });
  }

  /** Reads a whole file: free, except that relatime may rewrite its inode (a chunk on the overlay). */
  readFile(path: string, options: SyncOption = {}): StickOutcome {
    return this.operate('readFile', path, options, (system, normal) => {
      if (system.mounts.at(normal)) return { result: failed('EISDIR') };
      const where = this.resolve(system, normal, 'read');
      if (!where.ok) return { result: where };
      if (where.mount.readOnly && where.mount.volume instanceof ExtVolume) {
        // A read-only ext4 updates no access time.
        const found = where.mount.volume.stat(where.inner);
        return { result: !found.ok ? found : found.value.kind === 'dir' ? failed('EISDIR') : done };
      }
      return { result: where.mount.volume.read(where.inner), mount: where.mount };
    });
  }

  /** A file's kind and length, or the error `stat` would give. */
  stat(path: string): VolumeResult<VolumeStat> {
    const normal = normalizePath(path);
    if (!normal.ok) return normal;
    if (!this.system) return failed('ENODEV');
    if (this.system.mounts.at(normal.value)) return { ok: true, value: { kind: 'dir', sizeBytes: 0 } };
    const where = this.resolve(this.system, normal.value, 'read');
    return where.ok ? where.mount.volume.stat(where.inner) : where;
  }

  sync(): StickOutcome {
    return this.operate('sync', '/', { sync: true }, () => ({ result: done }));
  }

  /** Lets simulated time pass: journal commits every 5 s, writeback of data dirtied 30 s before. */
  advance(ms: number): StickOutcome {
    if (!isWholeNumber(ms)) return { ...failed('EINVAL'), costs: { ...NO_COSTS } };
    return this.operate('advance', '/', { sync: false }, (system) => {
      this.clock += ms;
      if (system.root && system.rootState === 'rw') system.root.advance(ms);
      system.home?.advance(ms);
      return { result: done, mount: system.mounts.at('/') };
    });
  }

  /**
   * Mounts a new tmpfs on a folder, as the Fedora wiki advises for /var/log/audit and /var/spool/abrt: what
   * is written there from now on costs RAM and is gone at the next boot. The folder's old contents stay
   * where they were (hidden, still costing what they cost). Cellar remembers the folder and mounts it again
   * at every boot, as if it had been added to the boot scripts.
   */
  moveToRam(folder: string): StickOutcome {
    return this.operate('moveToRam', folder, { sync: false }, (system, normal) => {
      if (normal === '/' || system.mounts.at(normal)) return { result: failed('EBUSY') };
      const where = this.resolve(system, normal, 'read');
      if (!where.ok) return { result: where };
      const found = where.mount.volume.stat(where.inner);
      if (!found.ok) return { result: found };
      if (found.value.kind !== 'dir') return { result: failed('ENOTDIR') };
      system.mountTmpfs('tmpfs', normal, '', this.media.plan.ramBytes, true);
      this.media.ramFolders.push(normal);
      return { result: done };
    });
  }

  /**
   * Undoes moveToRam: the folder's tmpfs is unmounted — what was written there since is gone and its RAM
   * given back — and the folder's own files show again; it is no longer mounted at boot. With the stick
   * off only the boot's list changes. EINVAL for a folder that was not moved to RAM (livesys's own /tmp,
   * /var/tmp and /var/cache/yum are part of the system), EBUSY while something is mounted below it.
   */
  moveOutOfRam(folder: string): MaintenanceOutcome {
    const refuse = (error: StickErrorCode, message: string): MaintenanceOutcome => {
      const outcome = { ok: false, error, message, costs: { ...NO_COSTS } };
      this.finish('moveOutOfRam', folder, outcome);
      return outcome;
    };
    const normal = normalizePath(folder);
    if (!normal.ok) return refuse(normal.error, `${folder} is not a folder's path.`);
    const path = normal.value;
    const index = this.media.ramFolders.indexOf(path);
    const system = this.system;
    if (index < 0) {
      const livesys = system?.mounts.at(path)?.fsType === 'tmpfs';
      return refuse(
        'EINVAL',
        livesys
          ? `${path} is one of livesys's own RAM folders; only a folder moved to RAM can be moved back.`
          : `${path} was not moved to RAM.`,
      );
    }
    if (system && system.mounts.mountsBelow(path).length > 0) {
      return refuse('EBUSY', `Something else is mounted below ${path}: move that back first.`);
    }
    if (!system) {
      this.media.ramFolders.splice(index, 1);
      const outcome = {
        ok: true,
        costs: { ...NO_COSTS },
        message: `${path} will no longer be in RAM at boot.`,
      };
      this.finish('moveOutOfRam', path, outcome);
      return outcome;
    }
    const outcome = this.operate('moveOutOfRam', path, { sync: false }, (running) => {
      running.unmountTmpfs(path);
      this.media.ramFolders.splice(index, 1);
      return { result: done };
    });
    const place = this.whereIs(path);
    const store = place.ok ? place.store : 'its filesystem';
    return {
      ...outcome,
      message:
        `${path} is no longer in RAM: what was written there since it moved is gone, its own files show ` +
        `again, and writing there costs ${store} space again.`,
    };
  }

  /**
   * The recovery's `dd if=/dev/zero of=overlay bs=1M count=N oflag=append conv=notrunc`, done with the
   * stick off: the overlay file grows on the stick and the COW grows with it.
   */
  extendOverlay(mib: number): StickOutcome {
    const before = this.media.device.usedBytes;
    const costs = () => ({ ...NO_COSTS, deviceBytes: this.media.device.usedBytes - before });
    if (!isWholeNumber(mib) || mib === 0) return { ...failed('EINVAL'), costs: costs() };
    if (this.system) return { ...failed('EBUSY'), costs: costs() };
    const overlay = this.media.overlay;
    if (!overlay) return { ...failed('ENOENT'), costs: costs() };
    const bytes = mib * 1024 * 1024;
    const grown = this.media.device.append(overlay.path, bytes);
    if (!grown.ok) return { ...grown, costs: costs() };
    overlay.cow.extend(bytes / SECTOR_BYTES);
    return { ok: true, costs: costs() };
  }

  // --- an encrypted home.img ---------------------------------------------------------------------------

  /**
   * `cryptsetup luksOpen` and `mount /dev/mapper/EncHome /home` in the running system, for a home.img the
   * boot left locked. home.img then hides whatever was saved in the overlay's /home meanwhile (it still
   * costs its chunks). Like livesys, it makes /home/liveuser on home.img when it is missing.
   */
  unlockHome(passphrase: string): MaintenanceOutcome {
    const refuse = (error: StickErrorCode, message: string): MaintenanceOutcome => {
      const outcome = { ok: false, error, message, costs: { ...NO_COSTS } };
      this.finish('unlockHome', '/home', outcome);
      return outcome;
    };
    const system = this.system;
    if (!system) return refuse('ENODEV', 'The stick is not running.');
    if (system.state !== 'running') {
      return refuse(
        'ENODEV',
        "The boot stopped in dracut's emergency shell: livesys never ran, so there is no /home to mount.",
      );
    }
    if (!this.media.home) return refuse('ENOENT', 'This stick has no home.img.');
    if (!this.media.plan.homeLuks) {
      return refuse('EINVAL', 'home.img is not encrypted: it is mounted on /home at every boot.');
    }
    if (system.homeState === 'mounted') {
      return refuse('EBUSY', 'home.img is already unlocked and mounted on /home.');
    }
    if (typeof passphrase !== 'string' || passphrase === '') {
      return refuse('EINVAL', 'Type the passphrase home.img was encrypted with; it is never empty.');
    }
    if (!passphraseOpens(this.media.plan, passphrase)) return refuse('EACCES', WRONG_PASSPHRASE_TEXT);
    const outcome = this.operate('unlockHome', '/home', {}, (running) => {
      openCrypt(running, this.media);
      makeLiveuserHome(running, false);
      return { result: done, mount: running.mounts.at('/home') };
    });
    return {
      ...outcome,
      message: 'home.img is open (EncHome) and mounted on /home; what the overlay held there is hidden now.',
    };
  }

  // --- with the stick off: refresh and reset -------------------------------------------------------------

  /**
   * An editliveos-like remix (see stickRefresh.ts): the root as the overlay holds it becomes the new base
   * image in a new squashfs.img, the overlay starts afresh, home.img is kept (or made again, empty, with
   * `keepHome: false`). Only with the stick off; refused, changing nothing, when the new squashfs.img
   * does not fit on the stick (ENOSPC) or the overlay is Invalid (EIO).
   */
  refresh(options: RefreshOptions = {}): RefreshOutcome {
    return this.maintain('refresh', () => refreshMedia(this.media, options));
  }

  /**
   * livecd-iso-to-disk `--reset-overlay` (or booting with `rd.live.overlay.reset`): zeroes the overlay
   * file's first 64 KiB, so the next boot makes a new store (`16/<total> 16`) and every change since the
   * base image was made or refreshed is lost. Only with the stick off.
   */
  resetOverlay(): RefreshOutcome {
    return this.maintain('resetOverlay', () => resetOverlayMedia(this.media));
  }

  private maintain(name: string, run: () => MaintenanceResult): RefreshOutcome {
    const before = this.meter();
    const squashfsBytes = this.media.squashfs.compressedBytes;
    let result: MaintenanceResult;
    if (this.system) {
      result = {
        ok: false,
        error: 'EBUSY',
        message: 'Shut the stick down first: the overlay can only be changed while nothing uses it.',
      };
    } else {
      result = run();
      if (result.ok) this.overlayWhenOff = null;
    }
    const after = this.meter();
    const outcome: RefreshOutcome = {
      ...(result.ok ? { ok: true } : { ok: false, error: result.error }),
      message: result.message,
      squashfsBytesBefore: result.ok ? result.squashfsBytesBefore : squashfsBytes,
      squashfsBytesAfter: result.ok ? result.squashfsBytesAfter : squashfsBytes,
      costs: {
        overlayChunks: 0,
        homeBytes: after.homeBytes - before.homeBytes,
        ramBytes: 0,
        deviceBytes: after.deviceBytes - before.deviceBytes,
      },
    };
    this.finish(name, '/', outcome);
    return outcome;
  }

  // --- saving and restoring ----------------------------------------------------------------------------

  /**
   * The whole stick as a versioned JSON document (`cellar-stick/v2`, see saveStick.ts): JSON.stringify it
   * to keep it; Stick.restore continues from it exactly.
   */
  save(): StickDocument {
    return saveStick({
      media: this.media,
      system: this.system,
      clockMs: this.clock,
      overlayWhenOff: this.overlayWhenOff,
    });
  }

  /**
   * A stick from a saved document, running or off as it was saved; or, for a document from another
   * version or a damaged one, why not (the document is checked whole before anything is built).
   */
  static restore(document: unknown): StickRestoreResult<Stick> {
    const parts = restoreStickParts(document);
    if (!parts.ok) return parts;
    const stick = new Stick(parts.media);
    stick.system = parts.system;
    stick.clock = parts.clockMs;
    stick.overlayWhenOff = parts.overlayWhenOff;
    return { ok: true, stick };
  }

  // --- Sugar --------------------------------------------------------------------------------------------

  /** Installs (or updates) an Activity in ~/Activities: home.img when there is one, else the overlay. */
  installActivity(name: string, options: ActivityOptions = {}): StickOutcome {
    return installActivity(this, name, options);
  }

  removeActivity(name: string): StickOutcome {
    return removeActivity(this, name);
  }

  /** Saves a Journal entry as Sugar's datastore does: a folder with `data` and eight metadata files. */
  saveJournalEntry(options: JournalEntryOptions = {}): JournalEntryOutcome {
    return saveJournalEntry(this, options);
  }

  // --- routing ------------------------------------------------------------------------------------------

  private write(
    name: string,
    path: string,
    bytes: number,
    mode: WriteMode,
    options: WriteOptions,
  ): StickOutcome {
    if (!isWholeNumber(bytes)) return { ...failed('EINVAL'), costs: { ...NO_COSTS } };
    return this.operate(name, path, options, (system, normal) => {
      if (system.mounts.at(normal)) return { result: failed('EISDIR') };
      const where = this.resolve(system, normal, 'write');
      if (!where.ok) return { result: where };
      const result = where.mount.volume.write(where.inner, bytes, mode, options.keepOpen);
      return { result, mount: where.mount };
    });
  }

  /**
   * Runs one operation: checks the path, measures every store before and after, syncs when asked, and
   * notices a root write that failed on the way (the overlay ran out).
   */
  private operate(
    name: string,
    path: string,
    options: SyncOption,
    run: (system: LiveSystem, normal: string) => { result: VolumeOutcome; mount?: Mount },
  ): StickOutcome {
    const normal = normalizePath(path);
    if (!normal.ok) return this.finish(name, path, { ...normal, costs: { ...NO_COSTS } });
    const system = this.system;
    if (!system) return this.finish(name, path, { ...failed('ENODEV'), costs: { ...NO_COSTS } });
    const before = this.meter();
    const { result, mount } = run(system, normal.value);
    if (options.sync ?? true) {
      if (system.root && system.rootState === 'rw') system.root.sync();
      system.home?.sync();
    }
    let outcome: VolumeOutcome = result;
    if (system.rootSink.takeFailure() && system.noteRootFailure()) {
      this.events.emit('root-state-changed', { state: system.rootState });
      if (outcome.ok && mount?.mountPoint === '/') outcome = failed('EIO');
    }
    // home.img's write failed on a full stick: ext4 gives up on it as on the root.
    if (system.noteSpaceFailures(this.media) && outcome.ok && mount?.mountPoint === '/home') {
      outcome = failed('EIO');
    }
    const after = this.meter();
    const costs: StickCosts = {
      overlayChunks: after.overlayChunks - before.overlayChunks,
      homeBytes: after.homeBytes - before.homeBytes,
      ramBytes: after.ramBytes - before.ramBytes,
      deviceBytes: after.deviceBytes - before.deviceBytes,
    };
    return this.finish(name, normal.value, { ...outcome, costs });
  }

  private finish(name: string, path: string, outcome: StickOutcome): StickOutcome {
    if (this.events.wants('operation')) this.events.emit('operation', { name, path, outcome });
    return outcome;
  }

  /** The mount owning a path, with the path inside it, gated by the root's health and read-only mounts. */
  private resolve(
    system: LiveSystem,
    path: string,
    access: Access,
  ): { ok: true; mount: Mount; inner: string } | { ok: false; error: StickErrorCode } {
    const mount = system.mounts.owner(path);
    if (!mount) return failed('EIO');
    // An Invalid snapshot fails every read; a root remounted read-only after an error refuses writes.
    if (mount.mountPoint === '/' && system.rootState === 'io-errors' && access === 'read')
      return failed('EIO');
    if (mount.readOnly && access === 'write') return failed('EROFS');
    return { ok: true, mount, inner: pathInside(path, mount.mountPoint) };
  }

  private ownerOf(path: string): Mount | undefined {
    const normal = normalizePath(path);
    return normal.ok ? this.system?.mounts.owner(normal.value) : undefined;
  }

  private overlayChunks(): number {
    const liveRw = this.system?.liveRw;
    const usage = this.system?.overlayUsage();
    return liveRw && usage ? usage.sectorsAllocated / liveRw.chunkSectors : 0;
  }

  private ramUsed(): number {
    return (this.system?.tmpfs ?? []).reduce((sum, t) => sum + t.usedBytes, 0);
  }

  private meter(): StickCosts {
    return {
      overlayChunks: this.overlayChunks(),
      homeBytes: this.media.home?.volume.usedBytes() ?? 0,
      ramBytes: this.ramUsed(),
      deviceBytes: this.media.device.usedBytes,
    };
  }
}
