// What dracut, livesys and the kernel print during a LiveOS boot and when the root's overlay fails, per
// era. Lines marked as measured come from the kernel lab (test/fixtures/kernel, Linux 6.1); the 2012
// ext4 mount line is the 3.x kernel's format ("mounted filesystem with%s. Opts: %s"); dracut's
// temporary-overlay warnings are quoted from dmsquash-live-root.sh (2012 and today). Lines Cellar adds
// to explain a step are marked with the source 'cellar', never dressed up as a tool's output.

import type { EraProfile } from './eras';

export type BootLogSource = 'kernel' | 'dracut' | 'livesys' | 'cellar';

export interface BootLogLine {
  source: BootLogSource;
  /** A message printed, or a command the boot scripts ran. */
  kind: 'message' | 'command';
  text: string;
}

export function message(source: BootLogSource, text: string): BootLogLine {
  return { source, kind: 'message', text };
}

export function command(source: BootLogSource, text: string): BootLogLine {
  return { source, kind: 'command', text };
}

/** The kernel's line when an ext4 filesystem is mounted (2012: 3.x kernels; today: as measured on 6.1). */
export function ext4MountedText(era: EraProfile, device: string): string {
  return era.id === 'soas-2012'
    ? `EXT4-fs (${device}): mounted filesystem with ordered data mode. Opts: (null)`
    : `EXT4-fs (${device}): mounted filesystem with ordered data mode. Quota mode: none.`;
}

/** dracut's words when the stick has no overlay file (2012 then sleeps 5 s; today waits for Enter). */
export function temporaryOverlayTexts(era: EraProfile): string[] {
  return era.id === 'soas-2012'
    ? [era.ramOverlayMessage]
    : [era.ramOverlayMessage, 'Using temporary overlay.'];
}

/** ext4 when writeback to the root fails (measured, b_overflow_P/PO): the journal aborts, the fs goes ro. */
export function journalAbortTexts(device: string): string[] {
  return [
    `JBD2: Detected IO errors while flushing file data on ${device}-8`,
    `Aborting journal on device ${device}-8.`,
    `EXT4-fs (${device}): Remounting filesystem read-only`,
  ];
}

/** ext4 refusing to mount a device it cannot read (an Invalid snapshot fails every read). */
export function unreadableSuperblockText(device: string): string {
  return `EXT4-fs (${device}): unable to read superblock`;
}
