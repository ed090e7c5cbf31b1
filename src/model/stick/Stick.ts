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
//
// This class is the facade; its parts share a StickState: stickPower (boot, shutdown, the clock),
// fileOperations (run and measured by stickOperation), ramFolders, stickMaintenance (refresh, reset,
// extendOverlay, unlockHome) and stickQueries (logs, dmsetup, mounts, usage, whereIs).

import type { CowDevice } from '../block/CowDevice';
import type { SnapshotTarget } from '../dm/SnapshotTarget';
import type { ExtFs } from '../fs/ext/ExtFs';
import { Emitter } from '../events';
import type { BootLogLine } from './bootTexts';
import type { BootOptions } from './dracutBoot';
import type { EraProfile } from './eras';
import {
  closeFile,
  deleteFile,
  mkdir,
  readFile,
  rename,
  stat,
  touch,
  write,
  type DeleteOptions,
  type MkdirOptions,
  type WriteOptions,
} from './fileOperations';
import type { OverlayKind, RootState } from './LiveSystem';
import type { Mount } from './MountTable';
import { moveOutOfRam, moveToRam } from './ramFolders';
import { listFolder, type FolderEntry } from './stickListing';
import { restoreStickParts, type StickRestoreResult } from './restoreStick';
import { saveStick } from './saveStick';
import type { StickDocument, StickRestoreFailure } from './stickDocument';
import { extendOverlay, refresh, resetOverlay, unlockHome, type RefreshOutcome } from './stickMaintenance';
import { StickMedia } from './StickMedia';
import type { SyncOption } from './stickOperation';
import type { MaintenanceOutcome, StickOutcome, VolumeResult } from './stickOutcome';
import type { StickPlan, StickRefusal } from './stickPlan';
import { advance, boot, shutdown, sync, type BootOutcome, type ShutdownOutcome } from './stickPower';
import {
  blockBytesAt,
  bootLog,
  dmDevices,
  dmsetupStatus,
  dmsetupTable,
  log,
  mounts,
  usage,
  whereIs,
  type WhereIsAnswer,
} from './stickQueries';
import type { RefreshOptions } from './stickRefresh';
import type { StickEvents, StickState } from './stickState';
import {
  installActivity,
  removeActivity,
  saveJournalEntry,
  type ActivityOptions,
  type JournalEntryOptions,
  type JournalEntryOutcome,
} from './sugarActivities';
import type { StickUsage } from './usageSummary';
import type { VolumeStat } from './Volume';

export type { BootOptions, RefreshOptions, StickDocument, StickRestoreFailure };
export type { BootOutcome, ShutdownOutcome } from './stickPower';
export type { MaintenanceOutcome } from './stickOutcome';
export type { RefreshOutcome } from './stickMaintenance';
export type { StickEvents } from './stickState';
export type { SyncOption } from './stickOperation';
export type { WhereIsAnswer } from './stickQueries';
export type { DeleteOptions, MkdirOptions, WriteOptions } from './fileOperations';
export type { FolderEntry } from './stickListing';

/** What Stick.liveOverlay answers. */
export interface LiveOverlay {
  target: SnapshotTarget;
  kind: OverlayKind;
  /** The root filesystem on live-rw (null in dracut's emergency shell). */
  root: ExtFs | null;
}

export type StickResult = { ok: true; stick: Stick } | StickRefusal;

export class Stick {
  readonly events = new Emitter<StickEvents>();
  private readonly state: StickState;

  private constructor(readonly media: StickMedia) {
    this.state = { media, events: this.events, system: null, clockMs: 0, overlayWhenOff: null };
  }

  /** A stick as livecd-iso-to-disk leaves it, powered off; or why the plan cannot be made. */
  static create(plan: StickPlan): StickResult {
    const made = StickMedia.create(plan);
    return made.ok ? { ok: true, stick: new Stick(made.media) } : made;
  }

  get era(): EraProfile {
    return this.media.era;
  }

  get power(): 'off' | 'running' | 'emergency' {
    return this.state.system ? this.state.system.state : 'off';
  }

  get rootState(): RootState | null {
    return this.state.system ? this.state.system.rootState : null;
  }

  /** Simulated time since the stick was made, in ms. */
  get clockMs(): number {
    return this.state.clockMs;
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
    return boot(this.state, options);
  }

  /** Unmounts everything and removes the devices: persistent stores keep their state, RAM is lost. */
  shutdown(): ShutdownOutcome {
    return shutdown(this.state);
  }

  reboot(options: BootOptions = {}): BootOutcome {
    this.shutdown();
    return this.boot(options);
  }

  sync(): StickOutcome {
    return sync(this.state);
  }

  /** Lets simulated time pass: journal commits every 5 s, writeback of data dirtied 30 s before. */
  advance(ms: number): StickOutcome {
    return advance(this.state, ms);
  }

  /**
   * live-rw, its kind and the root filesystem on it, for views that follow the overlay chunk by chunk
   * (overlayLedger.ts); null while the stick is off or has no live-rw.
   */
  liveOverlay(): LiveOverlay | null {
    const system = this.state.system;
    if (!system?.liveRw) return null;
    return { target: system.liveRw, kind: system.overlayKind, root: system.root?.fs ?? null };
  }

  // --- what the running system shows ------------------------------------------------------------------

  /** What the boot printed (empty while the stick is off). */
  bootLog(): BootLogLine[] {
    return bootLog(this.state);
  }

  /** Everything logged since boot: the boot, then kernel messages (overflow, journal abort). */
  log(): BootLogLine[] {
    return log(this.state);
  }

  /** `dmsetup status` (every device, named) or `dmsetup status <name>`. */
  dmsetupStatus(name?: string): string[] {
    return dmsetupStatus(this.state, name);
  }

  dmsetupTable(name?: string): string[] {
    return dmsetupTable(this.state, name);
  }

  /** The device-mapper devices, by name (for `dmsetup ls` and `info`). */
  dmDevices(): { name: string; major: number; minor: number; readOnly: boolean; target: string }[] {
    return dmDevices(this.state);
  }

  /** The mounts in the order they were made (for `mount`, `df`, `findmnt`). */
  mounts(): readonly Omit<Mount, 'volume'>[] {
    return mounts(this.state);
  }

  usage(): StickUsage {
    return usage(this.state);
  }

  /**
   * Which store a path costs, the mount that owns it and the path inside that mount. While an encrypted
   * home.img is locked, a path under /home belongs to the root (the overlay), and the answer says so.
   */
  whereIs(path: string): WhereIsAnswer {
    return whereIs(this.state, path);
  }

  /** A folder's entries, mount points below it included (ENODEV while the stick is off). */
  list(path: string): VolumeResult<FolderEntry[]> {
    return listFolder(this.state, path);
  }

  /** The allocation unit where a path lives (ext4 block, tmpfs page, FAT cluster), for sizing copies. */
  blockBytesAt(path: string): number {
    return blockBytesAt(this.state, path);
  }

  // --- file operations ----------------------------------------------------------------------------------

  writeFile(path: string, bytes: number, options: WriteOptions = {}): StickOutcome {
    return write(this.state, 'writeFile', path, bytes, 'truncate', options);
  }

  appendFile(path: string, bytes: number, options: WriteOptions = {}): StickOutcome {
    return write(this.state, 'appendFile', path, bytes, 'append', options);
  }

  /** `dd conv=notrunc`: rewrites the first `bytes` of a file (already-copied chunks cost nothing more). */
  overwriteFile(path: string, bytes: number, options: WriteOptions = {}): StickOutcome {
    return write(this.state, 'overwriteFile', path, bytes, 'in-place', options);
  }

  deleteFile(path: string, options: DeleteOptions = {}): StickOutcome {
    return deleteFile(this.state, path, options);
  }

  mkdir(path: string, options: MkdirOptions = {}): StickOutcome {
    return mkdir(this.state, path, options);
  }

  rename(fromPath: string, toPath: string, options: SyncOption = {}): StickOutcome {
    return rename(this.state, fromPath, toPath, options);
  }

  touch(path: string, options: SyncOption = {}): StickOutcome {
    return touch(this.state, path, options);
  }

  /** Closes a file a writer kept open (see WriteOptions): ext4 then gives back what it preallocated for it. */
  closeFile(path: string, options: SyncOption = {}): StickOutcome {
    return closeFile(this.state, path, options);
  }

  /** Reads a whole file: free, except that relatime may rewrite its inode (a chunk on the overlay). */
  readFile(path: string, options: SyncOption = {}): StickOutcome {
    return readFile(this.state, path, options);
  }

  /** A file's kind and length, or the error `stat` would give. */
  stat(path: string): VolumeResult<VolumeStat> {
    return stat(this.state, path);
  }

  // --- RAM folders ------------------------------------------------------------------------------------

  /**
   * Mounts a new tmpfs on a folder, as the Fedora wiki advises for /var/log/audit and /var/spool/abrt: what
   * is written there from now on costs RAM and is gone at the next boot. The folder's old contents stay
   * where they were (hidden, still costing what they cost). Cellar remembers the folder and mounts it again
   * at every boot, as if it had been added to the boot scripts.
   */
  moveToRam(folder: string): StickOutcome {
    return moveToRam(this.state, folder);
  }

  /**
   * Undoes moveToRam: the folder's tmpfs is unmounted — what was written there since is gone and its RAM
   * given back — and the folder's own files show again; it is no longer mounted at boot. With the stick
   * off only the boot's list changes. EINVAL for a folder that was not moved to RAM (livesys's own /tmp,
   * /var/tmp and /var/cache/yum are part of the system), EBUSY while something is mounted below it.
   */
  moveOutOfRam(folder: string): MaintenanceOutcome {
    return moveOutOfRam(this.state, folder);
  }

  // --- maintenance ------------------------------------------------------------------------------------

  /**
   * The recovery's `dd if=/dev/zero of=overlay bs=1M count=N oflag=append conv=notrunc`, done with the
   * stick off: the overlay file grows on the stick and the COW grows with it.
   */
  extendOverlay(mib: number): StickOutcome {
    return extendOverlay(this.state, mib);
  }

  /**
   * `cryptsetup luksOpen` and `mount /dev/mapper/EncHome /home` in the running system, for a home.img the
   * boot left locked. home.img then hides whatever was saved in the overlay's /home meanwhile (it still
   * costs its chunks). Like livesys, it makes /home/liveuser on home.img when it is missing.
   */
  unlockHome(passphrase: string): MaintenanceOutcome {
    return unlockHome(this.state, passphrase);
  }

  /**
   * An editliveos-like remix (see stickRefresh.ts): the root as the overlay holds it becomes the new base
   * image in a new squashfs.img, the overlay starts afresh, home.img is kept (or made again, empty, with
   * `keepHome: false`). Only with the stick off; refused, changing nothing, when the new squashfs.img
   * does not fit on the stick (ENOSPC) or the overlay is Invalid (EIO).
   */
  refresh(options: RefreshOptions = {}): RefreshOutcome {
    return refresh(this.state, options);
  }

  /**
   * livecd-iso-to-disk `--reset-overlay` (or booting with `rd.live.overlay.reset`): zeroes the overlay
   * file's first 64 KiB, so the next boot makes a new store (`16/<total> 16`) and every change since the
   * base image was made or refreshed is lost. Only with the stick off.
   */
  resetOverlay(): RefreshOutcome {
    return resetOverlay(this.state);
  }

  // --- saving and restoring ----------------------------------------------------------------------------

  /**
   * The whole stick as a versioned JSON document (`cellar-stick/v2`, see saveStick.ts): JSON.stringify it
   * to keep it; Stick.restore continues from it exactly.
   */
  save(): StickDocument {
    return saveStick(this.state);
  }

  /**
   * A stick from a saved document, running or off as it was saved; or, for a document from another
   * version or a damaged one, why not (the document is checked whole before anything is built).
   */
  static restore(document: unknown): StickRestoreResult<Stick> {
    const parts = restoreStickParts(document);
    if (!parts.ok) return parts;
    const stick = new Stick(parts.media);
    stick.state.system = parts.system;
    stick.state.clockMs = parts.clockMs;
    stick.state.overlayWhenOff = parts.overlayWhenOff;
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
}
