// File operations (as scenarios and the quiet writers describe them) carried out on a whole stick: each
// goes to the filesystem that owns its path, without a sync of its own — the clock decides when data and
// the journal reach the disks, as on a real running stick.

import type { FileOp } from '../fs/fileOps';
import type { Stick } from '../stick/Stick';
import type { StickOutcome } from '../stick/stickOutcome';
import type { FileOpTarget } from './QuietClock';

const NO_SYNC = { sync: false } as const;

/** Applies one operation; `{i}` in paths becomes `i` (the count of an enclosing `repeat`). */
export function applyStickOp(stick: Stick, op: FileOp, i = 0): StickOutcome[] {
  const at = (path: string) => path.replaceAll('{i}', String(i));
  switch (op.op) {
    case 'sync':
      return [stick.sync()];
    case 'write':
      if (op.how === 'append') return [stick.appendFile(at(op.path), op.bytes, NO_SYNC)];
      if (op.how === 'in-place') return [stick.overwriteFile(at(op.path), op.bytes, NO_SYNC)];
      return [stick.writeFile(at(op.path), op.bytes, NO_SYNC)];
    case 'rm':
      if (op.force && !stick.stat(at(op.path)).ok) return [];
      return [stick.deleteFile(at(op.path), { ...NO_SYNC, recursive: op.recursive })];
    case 'mkdir':
    case 'mkdir-p':
      if (op.op === 'mkdir-p' && stick.stat(at(op.path)).ok) return [];
      return [stick.mkdir(at(op.path), { ...NO_SYNC, parents: op.op === 'mkdir-p' })];
    case 'read':
      return [stick.readFile(at(op.path), NO_SYNC)];
    case 'touch':
      return [stick.touch(at(op.path), NO_SYNC)];
    case 'rename':
      return [stick.rename(at(op.from), at(op.to), NO_SYNC)];
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
