// mballoc's preallocations (PAs): blocks taken from the buddy ahead of need. An inode PA belongs to one open
// file and maps a window of its logical blocks (ext4_mb_new_inode_pa); the locality group's PAs are shared
// by small files and handed out from their start (ext4_mb_new_group_pa), filed in ten lists by the order of
// what they have left (lg_prealloc_list, ext4_mb_add_n_trim).

/** PREALLOC_TB_SIZE: the locality group's lists. */
export const LG_LISTS = 10;
/** ext4_mb_add_n_trim keeps a list at most this long, trimming it back to LG_KEEP. */
const LG_LIST_MAX = 8;
const LG_KEEP = 5;

export interface InodePa {
  /** Logical block the window starts at. */
  lstart: number;
  pstart: number;
  len: number;
  /** Blocks not handed out yet. */
  free: number;
  /** Which of the window's blocks the file took. */
  taken: number[];
}

export interface GroupPa {
  pstart: number;
  len: number;
}

export class Preallocations {
  /** Per inode, most recently used first (ext4_mb_release_context moves a used PA to the head). */
  readonly inode = new Map<number, InodePa[]>();
  readonly group: GroupPa[][] = Array.from({ length: LG_LISTS }, () => []);

  /** The inode PA covering `logical` with blocks left (ext4_mb_use_preallocated), moved to the list's head. */
  inodePaFor(ino: number, logical: number): InodePa | null {
    const list = this.inode.get(ino);
    if (!list) return null;
    const at = list.findIndex((pa) => logical >= pa.lstart && logical < pa.lstart + pa.len && pa.free > 0);
    if (at === -1) return null;
    const [pa] = list.splice(at, 1);
    list.unshift(pa!);
    return pa!;
  }

  addInodePa(ino: number, pa: InodePa): void {
    const list = this.inode.get(ino) ?? [];
    list.unshift(pa);
    this.inode.set(ino, list);
  }

  dropInodePa(ino: number, pa: InodePa): void {
    const list = this.inode.get(ino) ?? [];
    list.splice(list.indexOf(pa), 1);
    if (list.length === 0) this.inode.delete(ino);
  }

  /** The group PA with at least `count` blocks left closest to `goal` (ext4_mb_check_group_pa). */
  groupPaFor(count: number, goal: number): GroupPa | null {
    let best: GroupPa | null = null;
    for (let order = Math.min(orderOf(count), LG_LISTS - 1); order < LG_LISTS; order++) {
      for (const pa of this.group[order]!) {
        if (pa.len < count) continue;
        if (!best || Math.abs(goal - pa.pstart) < Math.abs(goal - best.pstart)) best = pa;
      }
    }
    return best;
  }

  /**
   * Files a group PA by what it has left, after the ones with less (ext4_mb_add_n_trim); returns the PAs
   * trimmed from a list grown past eight, whose blocks go back to the buddy.
   */
  fileGroupPa(pa: GroupPa): GroupPa[] {
    const list = pa.len === 0 ? null : this.group[Math.min(orderOf(pa.len), LG_LISTS - 1)]!;
    const at = list ? list.indexOf(pa) : -1;
    // Filed again where it already is (the usual case: one PA, still in order): nothing moves.
    if (list && at !== -1 && (list[at - 1]?.len ?? 0) <= pa.len && (list[at + 1]?.len ?? Infinity) > pa.len) {
      return [];
    }
    this.unfileGroupPa(pa);
    if (!list) return [];
    const before = list.findIndex((other) => pa.len < other.len);
    list.splice(before === -1 ? list.length : before, 0, pa);
    if (list.length <= LG_LIST_MAX) return [];
    const trimmed: GroupPa[] = [];
    for (let i = 0; i < list.length && list.length > LG_KEEP;) {
      if (list[i] === pa) i++;
      else trimmed.push(...list.splice(i, 1));
    }
    return trimmed;
  }

  unfileGroupPa(pa: GroupPa): void {
    for (const list of this.group) {
      const at = list.indexOf(pa);
      if (at !== -1) list.splice(at, 1);
    }
  }

  /** Every PA, forgotten: the caller gives their blocks back. */
  takeAll(): { inode: InodePa[]; group: GroupPa[] } {
    const out = { inode: [...this.inode.values()].flat(), group: this.group.flat() };
    this.inode.clear();
    for (const list of this.group) list.length = 0;
    return out;
  }
}

/** fls(n) - 1. */
function orderOf(n: number): number {
  return Math.floor(Math.log2(n));
}
