// ext4's multiblock allocator as Linux 6.1 runs it (fs/ext4/mballoc.c), deciding which blocks a file's data,
// a folder's blocks and the extent and indirect blocks get — and so whether a write lands on blocks the
// overlay already copied (free) or on fresh ones (new chunks). What it follows, in order:
// - ext4_mb_group_or_file: a data request for a file of at most 16 blocks uses the locality group's shared
//   preallocation; a larger one is a stream allocation while the file is open for writing (or when the
//   request is not the file's tail), else it asks for exactly its blocks (EXT4_MB_HINT_NOPREALLOC);
// - ext4_mb_use_preallocated, then ext4_mb_normalize_request (the window, see normalize.ts);
// - ext4_mb_regular_allocator: the goal (only when normalizing found a neighbour to merge with), then the
//   groups from the goal group (or, for stream allocations, from the group of the last one) through the
//   criteria 0–3: buddies of the request's order, groups whose average free extent is long enough, any
//   group with enough free blocks, anything. With 16 groups or more (mb_optimize_scan), criteria 0 and 1
//   take the next group from the order lists (GroupLists) instead of the next number, after
//   `linearGroups` groups (mb_linear_limit: 4 on a rotational device, 0 otherwise).
// - a group's buddy is built ("initialized") only when needed: the prefetch at the start of a search and
//   its end (ext4_mb_prefetch, _fini), or a search at criterion 2 — and the lazy-init thread a few seconds
//   after mount. Uninitialized groups are skipped at criteria 0 and 1; the order groups are built in is
//   the order they join the lists.

import { BuddyMap } from './BuddyMap';
import { GroupLists } from './GroupLists';
import { sizeWindow } from './normalize';
import { Preallocations, type GroupPa, type InodePa } from './Preallocations';

export type Extent = [firstBlock: number, count: number];

/** s_mb_stream_request: files larger than this (blocks) do not use the locality group. */
const STREAM_REQUEST = 16;
/** s_mb_group_prealloc. */
const GROUP_PREALLOC = 512;
const MIN_TO_SCAN = 10;
const MAX_TO_SCAN = 200;
/** s_mb_order2_reqs: buddy search only for requests of at least 2^(2 - 1) blocks. */
const ORDER2_REQS = 2;
/** MB_DEFAULT_LINEAR_LIMIT. */
const ROTATIONAL_LINEAR_GROUPS = 4;
/** EXT4_FLEX_SIZE_DIR_ALLOC_SCHEME: with flex groups this large, data avoids their first group. */
const FLEX_DIR_SCHEME = 4;
const PAGE_BYTES = 4096;
/** BLK_MAX_SEGMENT_SIZE. */
const MAX_SEGMENT_BYTES = 65536;

export interface MballocGeometry {
  blocksCount: number;
  firstDataBlock: number;
  blocksPerGroup: number;
  blockSizeBytes: number;
  /** Groups per flex group, 0 without flex_bg. */
  flexGroups: number;
  /** Groups mke2fs left BLOCK_UNINIT (only filesystems with group checksums have the flag). */
  blockUninit: boolean[];
}

/** A request for a file's data blocks (ext4_allocation_request for a regular file). */
export interface DataRequest {
  ino: number;
  /** The inode maps its blocks with extents (ext4); false for block-mapped (ext3) files. */
  extents: boolean;
  logical: number;
  count: number;
  goal: number;
  /** i_size in blocks. */
  fileBlocks: number;
  openForWrite: boolean;
  /** The file's mapped neighbours: the last logical block before the request and its physical block. */
  left?: { logical: number; physical: number };
  right?: { logical: number; physical: number };
}

interface Context {
  data: boolean;
  extents: boolean;
  ino: number;
  /** The original request (ac_o_ex). */
  logical: number;
  count: number;
  goal: number;
  /** The goal request (ac_g_ex). */
  gLogical: number;
  gCount: number;
  gGroup: number;
  gStart: number;
  stream: boolean;
  groupAlloc: boolean;
  tryGoal: boolean;
  first: boolean;
  order2: number;
  criteria: number;
  linearRemaining: number;
  found: number;
  /** The best extent so far (ac_b_ex): group, group-relative start, length (0: none yet). */
  bestGroup: number;
  bestStart: number;
  bestLength: number;
  done: boolean;
  broke: boolean;
}

export class Mballoc {
  readonly buddy: BuddyMap;
  private readonly lists: GroupLists;
  readonly pas = new Preallocations();
  private readonly blockBits: number;
  private readonly flex: number;
  /** mb_linear_limit: groups taken in number order before the lists, set at mount from the device. */
  private linearGroups = 0;
  private readonly prefetchCount: number;
  private readonly prefetchLimit: number;
  private readonly groupsPerPage: number;
  private readonly blockUninit: boolean[];
  /** Per mount: buddy built (!EXT4_MB_GRP_NEED_INIT), bitmap prefetched (EXT4_MB_GRP_TEST_AND_SET_READ). */
  private initialized: Uint8Array;
  private readRequested: Uint8Array;
  /** s_mb_last_group, s_mb_last_start: where the last stream allocation went. */
  private lastGroup = 0;
  private lastStart = 0;
  private readonly ac: Context = {
    data: false,
    extents: false,
    ino: 0,
    logical: 0,
    count: 0,
    goal: 0,
    gLogical: 0,
    gCount: 0,
    gGroup: 0,
    gStart: 0,
    stream: false,
    groupAlloc: false,
    tryGoal: false,
    first: false,
    order2: 0,
    criteria: 0,
    linearRemaining: 0,
    found: 0,
    bestGroup: 0,
    bestStart: 0,
    bestLength: 0,
    done: false,
    broke: false,
  };

  constructor(geometry: MballocGeometry, freeRuns: Iterable<[number, number]>) {
    this.blockBits = Math.log2(geometry.blockSizeBytes);
    this.buddy = new BuddyMap(
      geometry.blocksCount,
      geometry.firstDataBlock,
      geometry.blocksPerGroup,
      this.blockBits,
    );
    for (const [first, count] of freeRuns) this.buddy.release(first, count);
    const groups = this.buddy.groupCount;
    this.lists = new GroupLists(this.buddy, groups >= 16);
    this.flex = geometry.flexGroups;
    this.blockUninit = [...geometry.blockUninit];
    const perFlexIo = Math.min(this.flex, MAX_SEGMENT_BYTES >> (this.blockBits - 9));
    this.prefetchCount = Math.min(this.flex ? perFlexIo * 8 : 32, groups);
    this.prefetchLimit = Math.min(this.prefetchCount * 4, groups);
    this.groupsPerPage = Math.max(1, PAGE_BYTES / geometry.blockSizeBytes / 2);
    this.initialized = new Uint8Array(groups);
    this.readRequested = new Uint8Array(groups);
  }

  /** Blocks preallocations hold and no file has yet: free as far as df knows. */
  preallocatedBlocks(): number {
    let blocks = 0;
    for (const list of this.pas.inode.values()) for (const pa of list) blocks += pa.free;
    for (const list of this.pas.group) for (const pa of list) blocks += pa.len;
    return blocks;
  }

  /** The blocks of `group` preallocations hold and no file has yet (the descriptor counts them free). */
  preallocatedIn(group: number): number {
    let blocks = 0;
    const count = (first: number, length: number) => {
      const from = Math.max(first, this.buddy.groupStart(group));
      const to = Math.min(first + length, this.buddy.groupStart(group) + this.buddy.groupLength(group));
      if (to > from) blocks += to - from;
    };
    for (const list of this.pas.inode.values()) {
      for (const pa of list) pa.taken.forEach((taken, i) => taken || count(pa.pstart + i, 1));
    }
    for (const list of this.pas.group) for (const pa of list) count(pa.pstart, pa.len);
    return blocks;
  }

  // --- mount, unmount, the lazy-init thread ----------------------------------------------------------------

  /**
   * A new mount: no group's buddy is built yet, and nothing is preallocated. A rotational device (a USB
   * stick says it is one) gets mb_linear_limit's 4 groups; the kernel lab's loop files on tmpfs did not.
   */
  mounted(rotational: boolean): void {
    this.linearGroups = rotational ? ROTATIONAL_LINEAR_GROUPS : 0;
    this.initialized.fill(0);
    this.readRequested.fill(0);
    this.lists.clear();
    this.lastGroup = 0;
    this.lastStart = 0;
  }

  /** Unmount drops every preallocation (ext4_mb_release) and the buddy cache. */
  unmounted(): void {
    this.discardAll();
    this.mounted(false);
  }

  /**
   * The lazy-init thread's bitmap prefetch (ext4_run_li_request, EXT4_LI_MODE_PREFETCH_BBITMAP): read every
   * group's bitmap not read yet, then build the buddies of as many groups as bitmaps were read, counting
   * back from the end.
   */
  lazyInit(): void {
    const ios = { count: 0 };
    const next = this.prefetch(0, this.prefetchCount, ios);
    if (ios.count > 0) this.prefetchFini(next, ios.count);
  }

  // --- allocation ------------------------------------------------------------------------------------------

  /** Blocks for a file's data: one extent, possibly shorter than asked; null when the filesystem is full. */
  allocateData(request: DataRequest): Extent | null {
    return this.newBlocks(request) ?? this.retryAfterDiscard(() => this.newBlocks(request));
  }

  /**
   * One metadata block (a folder's block, an extent-tree leaf, an indirect block: ext4_new_meta_blocks):
   * no preallocation, the goal's group first.
   */
  allocateMeta(goal: number, extents: boolean): number | null {
    const attempt = () => {
      const ac = this.context(goal, 0, 1, false, extents, 0);
      return this.regular(ac) ? this.useBest(ac) : null;
    };
    const extent = attempt() ?? this.retryAfterDiscard(attempt);
    return extent ? extent[0] : null;
  }

  /** Blocks given back (at the commit of the transaction that freed them: mb_free_blocks). */
  free(first: number, count: number): void {
    this.changeBlocks(first, count, 'release');
  }

  /** A file closed or truncated: its preallocations go back to the buddy (ext4_discard_preallocations). */
  discardInode(ino: number): void {
    for (const pa of this.pas.inode.get(ino) ?? []) this.releaseInodePa(pa);
    this.pas.inode.delete(ino);
  }

  // --- the parts of ext4_mb_new_blocks --------------------------------------------------------------------

  /** ext4_mb_discard_preallocations_should_retry: give the preallocations back and try once more. */
  private retryAfterDiscard(attempt: () => Extent | null): Extent | null {
    if (this.preallocatedBlocks() === 0) return null;
    this.discardAll();
    return attempt();
  }

  private newBlocks(request: DataRequest): Extent | null {
    const ac = this.context(request.goal, request.logical, request.count, true, request.extents, request.ino);
    this.groupOrFile(ac, request);
    const fromPa = this.usePreallocated(ac);
    if (fromPa) return fromPa;
    this.normalize(ac, request);
    if (!this.regular(ac)) return null;
    return this.useBest(ac);
  }

  private context(
    goal: number,
    logical: number,
    count: number,
    data: boolean,
    extents: boolean,
    ino: number,
  ): Context {
    const block =
      goal < this.buddy.firstDataBlock || goal >= this.buddy.blocksCount ? this.buddy.firstDataBlock : goal;
    const group = this.buddy.groupOf(block);
    const length = Math.min(count, this.buddy.blocksPerGroup);
    // One context, reset for each request: an allocation never starts another before it ends.
    const ac = this.ac;
    ac.data = data;
    ac.extents = extents;
    ac.ino = ino;
    ac.logical = ac.gLogical = logical;
    ac.count = ac.gCount = length;
    ac.goal = block;
    ac.gGroup = group;
    ac.gStart = block - this.buddy.groupStart(group);
    ac.stream = ac.groupAlloc = ac.tryGoal = ac.first = ac.done = ac.broke = false;
    ac.order2 = ac.criteria = ac.linearRemaining = ac.found = 0;
    ac.bestGroup = ac.bestStart = ac.bestLength = 0;
    return ac;
  }

  /** ext4_mb_group_or_file (with 6.1's locality group for small closed files). */
  private groupOrFile(ac: Context, request: DataRequest): void {
    const end = ac.logical + ac.count;
    const inodePa = !(end === request.fileBlocks && !request.openForWrite);
    const size = Math.max(end, request.fileBlocks);
    if (size > STREAM_REQUEST) {
      if (inodePa) ac.stream = true;
      return;
    }
    ac.groupAlloc = true;
  }

  private usePreallocated(ac: Context): Extent | null {
    const inodePa = this.pas.inodePaFor(ac.ino, ac.logical);
    if (inodePa) return this.takeFromInodePa(ac, inodePa);
    if (!ac.groupAlloc) return null;
    const groupPa = this.pas.groupPaFor(ac.count, ac.goal);
    return groupPa ? this.takeFromGroupPa(groupPa, ac.count) : null;
  }

  private takeFromInodePa(ac: Context, pa: InodePa): Extent {
    const start = pa.pstart + (ac.logical - pa.lstart);
    const length = Math.min(pa.pstart + pa.len, start + ac.count) - start;
    for (let i = 0; i < length; i++) pa.taken[start - pa.pstart + i] = 1;
    pa.free -= length;
    // A used-up PA is dropped (ext4_mb_put_pa), so the next window may reach back over its blocks.
    if (pa.free === 0) this.pas.dropInodePa(ac.ino, pa);
    return [start, length];
  }

  private takeFromGroupPa(pa: GroupPa, count: number): Extent {
    const extent: Extent = [pa.pstart, count];
    pa.pstart += count;
    pa.len -= count;
    for (const trimmed of this.pas.fileGroupPa(pa)) this.changeBlocks(trimmed.pstart, trimmed.len, 'release');
    return extent;
  }

  /** ext4_mb_normalize_request. */
  private normalize(ac: Context, request: DataRequest): void {
    if (ac.groupAlloc) {
      ac.gCount = GROUP_PREALLOC;
      return;
    }
    if (!ac.stream) return;
    let { start, length } = sizeWindow(ac.logical, ac.count, request.fileBlocks, this.blockBits);
    const bpg = this.buddy.blocksPerGroup;
    start = Math.max(start, Math.floor(ac.logical / bpg) * bpg);
    const { left, right } = request;
    if (left && start <= left.logical) {
      length -= left.logical + 1 - start;
      start = left.logical + 1;
    }
    if (right && start + length - 1 >= right.logical) length -= start + length - right.logical;
    length = Math.min(length, bpg);
    let end = start + length;
    for (const pa of this.pas.inode.get(ac.ino) ?? []) {
      const paEnd = pa.lstart + pa.len;
      if (pa.lstart >= end || paEnd <= start) continue;
      if (paEnd <= ac.logical) start = paEnd;
      else if (pa.lstart > ac.logical) end = pa.lstart;
    }
    ac.gLogical = start;
    ac.gCount = end - start;
    // 6.1 records the merge goal in ac_f_ex, so the goal tried stays the caller's; only the hint counts.
    if ((right && right.logical === start + ac.gCount) || (left && left.logical + 1 === start))
      ac.tryGoal = true;
  }

  /** ext4_mb_regular_allocator; true when something was found (the best extent, ac.done). */
  private regular(ac: Context): boolean {
    const groups = this.buddy.groupCount;
    if (ac.tryGoal) this.findByGoal(ac);
    if (ac.done) return true;
    const bits = Math.floor(Math.log2(ac.gCount)) + 1;
    if (bits >= ORDER2_REQS && bits <= this.buddy.maxOrder + 1 && (ac.gCount & (ac.gCount - 1)) === 0) {
      ac.order2 = bits - 1;
    }
    if (ac.stream) {
      ac.gGroup = this.lastGroup;
      ac.gStart = this.lastStart;
    }
    const prefetch = { group: 0, nr: 0, ios: { count: 0 } };
    let cr = ac.order2 ? 0 : 1;
    repeat: for (;;) {
      for (; cr < 4 && !ac.done && !ac.broke; cr++) {
        ac.criteria = cr;
        let group = ac.gGroup;
        ac.linearRemaining = this.linearGroups;
        prefetch.group = group;
        for (let i = 0; i < groups; i++) {
          if (i > 0) {
            const next = this.chooseNextGroup(ac, group);
            if (next.cr !== cr) {
              cr = next.cr;
              continue repeat;
            }
            group = next.group;
          }
          if (prefetch.group === group && (cr > 1 || prefetch.ios.count < this.prefetchLimit)) {
            const before = prefetch.ios.count;
            prefetch.nr = this.prefetchCount;
            if (this.flex) {
              prefetch.nr = Math.min(this.flex - (group & (this.flex - 1)), this.prefetchCount);
            }
            prefetch.group = this.prefetch(group, prefetch.nr, prefetch.ios);
            if (prefetch.ios.count === before) prefetch.nr = 0;
          }
          if (!this.goodGroupNolock(ac, group, cr)) continue;
          if (cr === 0) this.simpleScan(ac, group);
          else this.complexScan(ac, group);
          if (ac.done || ac.broke) break;
        }
      }
      if (ac.bestLength > 0 && !ac.done && !ac.first) {
        this.tryBestFound(ac);
        if (!ac.done) {
          // The best was taken meanwhile ("lost chunk"): take the first thing found at criterion 3.
          ac.bestLength = 0;
          ac.broke = false;
          ac.first = true;
          cr = 3;
          continue repeat;
        }
      }
      break;
    }
    if (prefetch.nr) this.prefetchFini(prefetch.group, prefetch.nr);
    return ac.done;
  }

  /** ext4_mb_choose_next_group: the next number, or from the lists (mb_optimize_scan). */
  private chooseNextGroup(ac: Context, group: number): { cr: number; group: number } {
    const optimize = this.lists.enabled && ac.criteria < 2 && ac.extents;
    const groups = this.buddy.groupCount;
    if (!optimize || ac.linearRemaining) {
      if (optimize) ac.linearRemaining--;
      return { cr: ac.criteria, group: group + 1 >= groups ? group + 1 - groups : group + 1 };
    }
    const lists = ac.criteria === 0 ? this.lists.largest : this.lists.average;
    const from = ac.criteria === 0 ? ac.order2 : this.lists.averageOrder(ac.gCount);
    for (let order = from; order < lists.length; order++) {
      for (const candidate of lists[order]!) {
        if (this.goodGroup(ac, candidate, ac.criteria)) return { cr: ac.criteria, group: candidate };
      }
    }
    return { cr: ac.criteria + 1, group };
  }

  /** ext4_mb_good_group_nolock: may build the group's buddy first. */
  private goodGroupNolock(ac: Context, group: number, cr: number): boolean {
    const free = this.buddy.freeIn(group);
    if (free === 0 || (cr <= 2 && free < ac.gCount)) return false;
    if (!this.initialized[group]) {
      // Criteria 0 and 1 are cheap searches: they do not read bitmaps, except a flex group's first
      // (metadata goes there) and groups never used (nothing to read).
      const firstOfFlex = this.flex !== 0 && group % this.flex === 0;
      if (cr < 2 && !firstOfFlex && !this.blockUninit[group]) return false;
      this.initGroup(group);
    }
    return this.goodGroup(ac, group, cr);
  }

  /** ext4_mb_good_group. */
  private goodGroup(ac: Context, group: number, cr: number): boolean {
    const free = this.buddy.freeIn(group);
    const fragments = this.buddy.fragments(group);
    if (free === 0 || fragments === 0) return false;
    switch (cr) {
      case 0:
        if (ac.data && this.flex >= FLEX_DIR_SCHEME && group % this.flex === 0) return false;
        if (free < ac.gCount) return false;
        return ac.order2 > this.buddy.maxOrder || this.buddy.largestOrder(group) >= ac.order2;
      case 1:
        return Math.floor(free / fragments) >= ac.gCount;
      case 2:
        return free >= ac.gCount;
      default:
        return true;
    }
  }

  /** ext4_mb_find_by_goal. */
  private findByGoal(ac: Context): void {
    const group = ac.gGroup;
    if (this.buddy.freeIn(group) === 0) return;
    this.initGroup(group);
    const length = this.buddy.findExtent(group, ac.gStart, ac.gCount);
    if (length >= ac.gCount) {
      ac.found++;
      this.setBest(ac, group, ac.gStart, length);
      ac.done = true;
    }
  }

  /** Criterion 0 (ext4_mb_simple_scan_group): the lowest buddy of the smallest order big enough. */
  private simpleScan(ac: Context, group: number): void {
    for (let order = ac.order2; order <= this.buddy.maxOrder; order++) {
      if (this.buddy.counters(group, order) === 0) continue;
      const start = this.buddy.lowestBuddy(group, order);
      ac.found++;
      this.setBest(ac, group, start, 1 << order);
      ac.done = true;
      return;
    }
  }

  /**
   * Criteria 1–3 (ext4_mb_complex_scan_group): the group's free extents from its first free block; one as
   * long as the request is taken at once, else the best of those seen (the shortest long enough, or the
   * longest) once ten more have been seen or the group ends.
   */
  private complexScan(ac: Context, group: number): void {
    let free = this.buddy.freeIn(group);
    let offset = 0;
    while (free > 0 && !ac.done && !ac.broke) {
      offset = this.buddy.firstFree(group, offset);
      if (offset === -1) break;
      const length = this.buddy.findExtent(group, offset, ac.gCount);
      this.measure(ac, group, offset, length);
      offset += length;
      free -= length;
    }
    this.checkLimits(ac, group, true);
  }

  /** ext4_mb_measure_extent. */
  private measure(ac: Context, group: number, start: number, length: number): void {
    ac.found++;
    if (ac.first || length === ac.gCount) {
      this.setBest(ac, group, start, length);
      ac.done = true;
      return;
    }
    const best = ac.bestLength;
    if (best === 0) {
      this.setBest(ac, group, start, length);
      return;
    }
    if (best < ac.gCount ? length > best : length > ac.gCount && length < best) {
      this.setBest(ac, group, start, length);
    }
    this.checkLimits(ac, group, false);
  }

  private setBest(ac: Context, group: number, start: number, length: number): void {
    ac.bestGroup = group;
    ac.bestStart = start;
    ac.bestLength = length;
  }

  /** ext4_mb_check_limits. */
  private checkLimits(ac: Context, group: number, finishGroup: boolean): void {
    if (ac.done) return;
    if (ac.found > MAX_TO_SCAN && !ac.first) {
      ac.broke = true;
      return;
    }
    if (ac.bestLength < ac.gCount) return;
    if ((finishGroup || ac.found > MIN_TO_SCAN) && ac.bestGroup === group) {
      if (this.buddy.findExtent(group, ac.bestStart, ac.gCount) >= ac.gCount) ac.done = true;
    }
  }

  /** ext4_mb_try_best_found. */
  private tryBestFound(ac: Context): void {
    const length = this.buddy.findExtent(ac.bestGroup, ac.bestStart, ac.bestLength);
    if (length > 0) {
      ac.bestLength = length;
      ac.done = true;
    }
  }

  /**
   * ext4_mb_use_best_found, then what ext4_mb_new_blocks hands back: the blocks are taken; what was found
   * beyond the request becomes a preallocation, from which the request takes its part.
   */
  private useBest(ac: Context): Extent {
    const length = Math.min(ac.bestLength, ac.gCount);
    const first = this.buddy.groupStart(ac.bestGroup) + ac.bestStart;
    this.changeBlocks(first, length, 'take');
    this.blockUninit[ac.bestGroup] = false;
    if (ac.stream) {
      this.lastGroup = ac.bestGroup;
      this.lastStart = ac.bestStart;
    }
    if (length <= ac.count) return [first, length];
    if (ac.groupAlloc) return this.takeFromGroupPa({ pstart: first, len: length }, ac.count);
    let lstart = ac.gLogical;
    if (length < ac.gCount) {
      // Found less than the window: place it so that it still covers the request (ext4_mb_new_inode_pa).
      let win = Math.min(ac.logical - ac.gLogical, length - ac.count);
      const offs = ac.logical % length;
      if (offs && offs < win) win = offs;
      lstart = ac.logical - win;
    }
    const pa: InodePa = {
      lstart,
      pstart: first,
      len: length,
      free: length,
      taken: new Array<number>(length).fill(0),
    };
    this.pas.addInodePa(ac.ino, pa);
    return this.takeFromInodePa(ac, pa);
  }

  // --- groups: building buddies, prefetch, changes -------------------------------------------------------

  /** ext4_mb_init_group: builds the buddies of every group sharing the group's page of the buddy cache. */
  private initGroup(group: number): void {
    if (this.initialized[group]) return;
    const first = Math.floor(group / this.groupsPerPage) * this.groupsPerPage;
    for (let g = first; g < Math.min(first + this.groupsPerPage, this.buddy.groupCount); g++) {
      if (this.initialized[g]) continue;
      this.initialized[g] = 1;
      this.lists.update(g);
    }
  }

  /** ext4_mb_prefetch: asks for `nr` groups' bitmaps from `group`; returns the group after them. */
  private prefetch(group: number, nr: number, ios: { count: number }): number {
    let g = group;
    for (let i = 0; i < nr; i++) {
      const wasRequested = this.readRequested[g];
      this.readRequested[g] = 1;
      if (!wasRequested && !this.initialized[g] && this.buddy.freeIn(g) > 0 && !this.blockUninit[g])
        ios.count++;
      g = g + 1 >= this.buddy.groupCount ? 0 : g + 1;
    }
    return g;
  }

  /** ext4_mb_prefetch_fini: builds the buddies of the `nr` groups before `group`, last first. */
  private prefetchFini(group: number, nr: number): void {
    let g = group;
    for (let i = 0; i < nr; i++) {
      g = (g === 0 ? this.buddy.groupCount : g) - 1;
      if (!this.initialized[g] && this.buddy.freeIn(g) > 0 && !this.blockUninit[g]) this.initGroup(g);
    }
  }

  /** Changes blocks in the buddy; every group touched has its buddy built first and its lists updated. */
  private changeBlocks(first: number, count: number, how: 'take' | 'release'): void {
    let block = first;
    const end = first + count;
    while (block < end) {
      const group = this.buddy.groupOf(block);
      const length = Math.min(
        end - block,
        this.buddy.groupStart(group) + this.buddy.groupLength(group) - block,
      );
      this.initGroup(group);
      if (how === 'take') this.buddy.take(block, length);
      else this.buddy.release(block, length);
      this.lists.update(group);
      block += length;
    }
  }

  private releaseInodePa(pa: InodePa): void {
    for (let i = 0; i < pa.len;) {
      if (pa.taken[i]) {
        i++;
        continue;
      }
      let end = i;
      while (end < pa.len && !pa.taken[end]) end++;
      this.changeBlocks(pa.pstart + i, end - i, 'release');
      i = end;
    }
  }

  private discardAll(): void {
    const { inode, group } = this.pas.takeAll();
    for (const pa of inode) this.releaseInodePa(pa);
    for (const pa of group) this.changeBlocks(pa.pstart, pa.len, 'release');
  }

  // --- saving ---------------------------------------------------------------------------------------------

  save(): MballocState {
    return {
      blockUninit: this.blockUninit.flatMap((uninit, group) => (uninit ? [group] : [])),
      initialized: [...this.initialized.keys()].filter((g) => this.initialized[g]),
      readRequested: [...this.readRequested.keys()].filter((g) => this.readRequested[g]),
      lists: this.lists.save(),
      linearGroups: this.linearGroups,
      lastGroup: this.lastGroup,
      lastStart: this.lastStart,
      groupPas: this.pas.group.map((list) => list.map((pa) => [pa.pstart, pa.len] as [number, number])),
      inodePas: [...this.pas.inode].map(([ino, list]) => [
        ino,
        list.map((pa) => ({ ...pa, taken: [...pa.taken] })),
      ]),
    };
  }

  /** Puts back a saved allocator; the buddy must already hold the saved free blocks. */
  restore(state: MballocState): void {
    this.blockUninit.fill(false);
    for (const group of state.blockUninit) this.blockUninit[group] = true;
    this.initialized.fill(0);
    for (const group of state.initialized) this.initialized[group] = 1;
    this.readRequested.fill(0);
    for (const group of state.readRequested) this.readRequested[group] = 1;
    this.lists.restore(state.lists);
    this.linearGroups = state.linearGroups;
    this.lastGroup = state.lastGroup;
    this.lastStart = state.lastStart;
    this.pas.takeAll();
    state.groupPas.forEach((list, order) => {
      for (const [pstart, len] of list) this.pas.group[order]!.push({ pstart, len });
    });
    for (const [ino, list] of state.inodePas) {
      this.pas.inode.set(
        ino,
        list.map((pa) => ({ ...pa, taken: [...pa.taken] })),
      );
    }
  }
}

export interface MballocState {
  blockUninit: number[];
  initialized: number[];
  readRequested: number[];
  lists: { largest: number[][]; average: number[][] };
  linearGroups: number;
  lastGroup: number;
  lastStart: number;
  groupPas: [number, number][][];
  inodePas: [number, InodePa[]][];
}
