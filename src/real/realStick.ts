// What Cellar knows of the learner's own stick, whichever way it was read (a paste, the overlay file, the
// bridge or the probe's report): the one shape the real-mode views, "mirror my stick" and the comparison
// read. Every field may be missing — a paste of `dmsetup status` alone says nothing of home.img.

import type { HeaderVerdict } from '../model/dm/diskFormat';
import type { StoreType } from '../model/dm/ExceptionStore';
import type { EraId } from '../model/stick/eras';
import type { ParsedSnapshotState } from './dmsetupParse';

/**
 * How the root's changes are kept: a dm-snapshot on an overlay file (`persistent`), a dm-snapshot on a
 * sparse file in RAM (`temporary`: everything lost at shutdown), an OverlayFS upper folder (`overlayfs`:
 * per-file copy-up, no Invalid/Overflow), or not a LiveOS at all (`none`). `unknown`: not enough was read.
 */
export type Persistence = 'persistent' | 'temporary' | 'overlayfs' | 'none' | 'unknown';

/** The `live-rw` device (or the one snapshot found), from its status and table lines. */
export interface RealSnapshot {
  /** The device mapper name ("live-rw"), when the listing named it. */
  name: string | null;
  /** The origin's length in sectors (the status or table line's second number). */
  originSectors: number | null;
  status: ParsedSnapshotState | null;
  /** From the table line: the store and its chunk size. */
  store: StoreType | null;
  storeAsWritten: string | null;
  chunkSectors: number | null;
  /** "major:minor" of the origin and the COW, from the table line. */
  originDevice: string | null;
  cowDevice: string | null;
}

/** A file of the stick's LiveOS folder. */
export interface RealFile {
  path: string;
  sizeBytes: number;
  /** Blocks really taken (sparse files take less); null when the listing did not say. */
  allocatedBytes: number | null;
  /** True when the sizes were rounded for people (`ls -lh`'s "1.0G"): near, not exact. */
  approximate?: boolean;
}

/** The overlay file's first 16 bytes as a report read them, judged as the kernel's read_header would. */
export interface RealOverlayHeader {
  path: string;
  verdict: HeaderVerdict;
}

/** One loop device and the file behind it (`losetup -a`). */
export interface RealLoop {
  device: string;
  backingFile: string;
}

/** One mounted filesystem (`findmnt`, `mount`). */
export interface RealMount {
  target: string;
  source: string;
  fstype: string;
  options: string;
}

/** The kinds of output Cellar reads; a problem names the one it expected, and the view words it. */
export type OutputKind =
  | 'dmsetup-status'
  | 'dmsetup-table'
  | 'dmsetup-ls'
  | 'losetup'
  | 'findmnt'
  | 'mount'
  | 'ls-l'
  | 'cmdline'
  | 'report'
  /** A line that looks like none of the above. */
  | 'any';

/** A line Cellar could not read and what it expected there. */
export interface ReadProblem {
  expected: OutputKind;
  /** 1-based line in what the learner gave; null when the problem is not one line's. */
  lineNumber: number | null;
  /** The line as given, cut to 120 characters. */
  line: string | null;
  /** The parser's own words, in English (a DmParseError's message): a detail under the learner's sentence. */
  detail: string;
}

/** What told the persistence or the era; `text` is the words from the output that told it. */
export interface Evidence {
  clue:
    | 'snapshot-table'
    | 'snapshot-status'
    | 'overlay-file'
    | 'ram-overlay'
    | 'overlayfs-mount'
    | 'kernel-cmdline'
    | 'device-path'
    | 'no-live-rw';
  text: string;
}

export interface RealStick {
  /** What it was read from. */
  source: 'paste' | 'overlay-file' | 'bridge' | 'probe';
  /** ISO 8601 from a report; null for a paste or a file. */
  takenAt: string | null;
  persistence: Persistence;
  /** P (2012's `p`) → soas-2012, PO → fedora-today; the device path is a second clue. Null: not told. */
  era: EraId | null;
  /** What told the persistence and era, so the view can say why ("the table says PO 8"). */
  evidence: Evidence[];
  snapshot: RealSnapshot | null;
  /** Where the stick's own filesystem is mounted: /run/initramfs/live (today) or /mnt/live (2012). */
  devicePath: string | null;
  overlayFile: RealFile | null;
  homeImage: RealFile | null;
  squashfsImage: RealFile | null;
  /** Every LiveOS file read (the three above included). */
  files: RealFile[];
  /** From a report that could read it (a paste has no header). */
  overlayHeader: RealOverlayHeader | null;
  loops: RealLoop[];
  mounts: RealMount[];
  /** Device-mapper devices by name (`dmsetup ls`): "live-rw" → "253:0". */
  dmDevices: Record<string, string>;
  /** The outputs that could not be read without root (the bridge's or probe's), by command. */
  needsRoot: string[];
  /**
   * The commands of a report that did not work on the stick, with what they said: not installed, or
   * failing for another reason than root (no device-mapper in the kernel: "/dev/mapper/control: open
   * failed: No such device").
   */
  failedCommands: { command: string; message: string }[];
  /** Lines or parts that could not be read. Never thrown: what could be read is kept. */
  problems: ReadProblem[];
}

/** A reading with nothing in it yet. */
export function emptyRealStick(source: RealStick['source']): RealStick {
  return {
    source,
    takenAt: null,
    persistence: 'unknown',
    era: null,
    evidence: [],
    snapshot: null,
    devicePath: null,
    overlayFile: null,
    homeImage: null,
    squashfsImage: null,
    files: [],
    overlayHeader: null,
    loops: [],
    mounts: [],
    dmDevices: {},
    needsRoot: [],
    failedCommands: [],
    problems: [],
  };
}
