// The contract every section reader keeps: it reads one line of its own output kind into the readings, or
// says in English why the line is not one. Column layouts that a header line announces live in the block.

import type { OutputKind } from '../realStick';
import type { Readings } from './readings';

/** What one command's output told about the lines after it (reset at each prompt). */
export interface BlockState {
  /** `ls -l`: the folder the names are in (from the command's argument or a "folder:" heading). */
  lsFolder: string | null;
  /** `losetup -l` and `findmnt`: the column names of the header line, when one was read. */
  columns: string[] | null;
}

export function freshBlock(lsFolder: string | null = null): BlockState {
  return { lsFolder, columns: null };
}

export interface LineReader {
  kind: Exclude<OutputKind, 'report' | 'any'>;
  /** Cheap test of the line's shape: a line that looks like this kind and fails names this kind. */
  looksLike(line: string): boolean;
  /** Reads a trimmed, non-empty line; null when read, else why it is not this kind's line. */
  read(line: string, readings: Readings, block: BlockState): string | null;
}
