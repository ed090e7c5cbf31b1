// Conditions and readings for the rescue lessons (10–12): the overlay's state after a change, the overlay
// file's growth, and the figures of a `dmsetup status` line. Each is pure.

import { decodeHeader, HEADER_FIELD_BYTES } from '../model/dm/diskFormat';
import type { Stick } from '../model/stick/Stick';
import type { StickUsage } from '../model/stick/usageSummary';
import type { StepFacts } from './lessonTypes';

/** The figures of a snapshot's status line; `used`, `total` and `metadata` are null when Invalid or Overflow. */
export interface StatusFigures {
  /** The length of the device in sectors: the size of the system underneath (the origin). */
  originSectors: number;
  used: number | null;
  total: number | null;
  metadata: number | null;
  /** `Invalid`, `Overflow`, or null for a working snapshot. */
  word: string | null;
}

/** Reads "[name: ]0 N snapshot A/B C" or "… snapshot Invalid"; null for anything else. */
export function statusFigures(line: string | null): StatusFigures | null {
  const match = /^(?:\S+: )?0 (\d+) snapshot (?:(\d+)\/(\d+) (\d+)|(\w+))$/.exec(line?.trim() ?? '');
  if (!match) return null;
  const number = (text: string | undefined) => (text === undefined ? null : Number(text));
  return {
    originSectors: Number(match[1]),
    used: number(match[2]),
    total: number(match[3]),
    metadata: number(match[4]),
    word: match[5] ?? null,
  };
}

/** The overlay is Invalid after this change (2012: it ran out of chunks). */
export function overlayInvalid(facts: StepFacts): boolean {
  return facts.change.after.overlay.state === 'Invalid';
}

/** The stick is running with a working overlay after this change (it booted). */
export function overlayWorking(usage: StickUsage): boolean {
  return usage.overlay.state === 'Valid';
}

/**
 * The overlay file's header says "valid" again (byte 4 not 0): what the recovery's printf | dd is for. Read
 * from the file itself, since a line that looks right may write the wrong byte or the wrong file.
 */
export function overlayMarkedValid(stick: Stick): boolean {
  const file = stick.overlayFile;
  return file !== null && decodeHeader(file.read(0, HEADER_FIELD_BYTES)).valid !== 0;
}

/** Bytes the overlay file on the stick grew by in this change (dd's zeros at its end). */
export function overlayFileGrowthBytes(facts: StepFacts): number {
  const { before, after } = facts.change;
  return (after.overlay.fileBytes ?? 0) - (before.overlay.fileBytes ?? 0);
}
