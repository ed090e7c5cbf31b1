// The report the bridge serves and the shell probe prints: what each fixed read-only command printed, kept
// raw so the browser reads it with the same parsers as a paste. One format for both, `cellar-report/v1`.

export const REPORT_FORMAT = 'cellar-report/v1';

/** The commands a report may hold, by the words a learner would type. The bridge runs no others. */
export const REPORT_COMMANDS = [
  'dmsetup status',
  'dmsetup table',
  'dmsetup ls',
  'losetup -a',
  'findmnt -J',
  'cat /proc/cmdline',
  'uname -r',
] as const;

export type ReportCommand = (typeof REPORT_COMMANDS)[number];

/**
 * What a tool (or sudo) says when it would work as root: the bridge reads it in a command's stderr, the
 * paste reader in a pasted line. "Failure to communicate with kernel device-mapper" is not one: dmsetup
 * prints it after "Permission denied" without root, and alone on a kernel without device-mapper.
 */
export const NEEDS_ROOT_MESSAGE =
  /permission denied|operation not permitted|must be (?:run as )?root|is not in the sudoers file/i;

/** What one command gave: its output, or why there is none (`needs-root`: it would work under sudo). */
export type CommandOutput =
  { ok: true; stdout: string } | { ok: false; problem: 'needs-root' | 'missing' | 'failed'; message: string };

/** A file of the stick's LiveOS folder, as stat sees it. */
export interface LiveOsFile {
  /** The full path, e.g. /run/initramfs/live/LiveOS/overlay-SOAS-1234-5678. */
  path: string;
  /** The file's length (`ls -l`). */
  sizeBytes: number;
  /** Blocks really taken on the stick (stat's blocks × 512): less than the size for a sparse file. */
  allocatedBytes: number | null;
}

/** The overlay file's first bytes as read by the bridge or probe (null when it could not be read). */
export interface OverlayHeaderRead {
  path: string;
  /** The header's 16 bytes in hex (magic, valid, version, chunk size; little-endian u32s). */
  headerHex: string | null;
  problem: 'needs-root' | 'missing' | 'failed' | null;
}

export interface CellarReport {
  format: typeof REPORT_FORMAT;
  /** Who made it. */
  source: 'bridge' | 'probe';
  /** ISO 8601, the reading's time on the learner's machine. */
  takenAt: string;
  outputs: Partial<Record<ReportCommand, CommandOutput>>;
  /** The LiveOS folder's files (squashfs.img, overlay-*, home.img, osmin.img…), where it was found. */
  liveOs: { folder: string; files: LiveOsFile[] } | null;
  overlayHeader: OverlayHeaderRead | null;
  /** Was the reader root? Without it, dmsetup and the overlay read need sudo. */
  root: boolean;
}
