// File operations (as scenarios and the quiet writers describe them) carried out on a whole stick: each
// goes to the filesystem that owns its path, without a sync of its own — the clock decides when data and
// the journal reach the disks, as on a real running stick.

import { withCount, type FileOp } from '../fs/fileOps';
import type { Stick } from '../stick/Stick';
import type { StickOutcome } from '../stick/stickOutcome';
import type { FileOpTarget } from './QuietClock';

const NO_SYNC = { sync: false } as const;

/** Applies one operation; `{i}` in paths becomes `i` (the count of an enclosing `repeat`). */
export function applyStickOp(stick: Stick, op: FileOp, i = 0): StickOutcome[] {
  switch (op.op) {
    case 'sync':
      return [stick.sync()];
    case 'write': {
      const options = { ...NO_SYNC, keepOpen: op.keepOpen ?? false };
      if (op.how === 'append') return [stick.appendFile(withCount(op.path, i), op.bytes, options)];
      if (op.how === 'in-place') return [stick.overwriteFile(withCount(op.path, i), op.bytes, options)];
      return [stick.writeFile(withCount(op.path, i), op.bytes, options)];
    }
    case 'close':
      return [stick.closeFile(withCount(op.path, i), NO_SYNC)];
    case 'rm':
      if (op.force && !stick.stat(withCount(op.path, i)).ok) return [];
      return [stick.deleteFile(withCount(op.path, i), { ...NO_SYNC, recursive: op.recursive })];
    case 'mkdir':
    case 'mkdir-p':
      if (op.op === 'mkdir-p' && stick.stat(withCount(op.path, i)).ok) return [];
      return [stick.mkdir(withCount(op.path, i), { ...NO_SYNC, parents: op.op === 'mkdir-p' })];
    case 'read':
      return [stick.readFile(withCount(op.path, i), NO_SYNC)];
    case 'touch':
      return [stick.touch(withCount(op.path, i), NO_SYNC)];
    case 'rename':
      return [stick.rename(withCount(op.from, i), withCount(op.to, i), NO_SYNC)];
    case 'advance':
      return [stick.advance(op.ms)];
    case 'repeat': {
      const outcomes: StickOutcome[] = [];
      for (let k = 1; k <= op.count; k++)
        for (const inner of op.ops) outcomes.push(...applyStickOp(stick, inner, k));
      return outcomes;
    }
    default:
      return [
        {
          ok: false,
          error: 'EINVAL',
          costs: { overlayChunks: 0, homeBytes: 0, ramBytes: 0, deviceBytes: 0 },
        },
      ];
  }
}

/** The stick as the quiet writers' target; `onOutcome` hears what each operation cost. */
export function stickTarget(
  stick: Stick,
  onOutcome: (outcome: StickOutcome) => void = () => {},
): FileOpTarget {
  return {
    apply: (op) => applyStickOp(stick, op).forEach(onOutcome),
    advance: (ms) => onOutcome(stick.advance(ms)),
  };
}
