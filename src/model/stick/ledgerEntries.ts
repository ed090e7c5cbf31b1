// The overlay ledger's table: one entry per COW data chunk in the order the store handed them out (COW
// chunk, origin chunk, owner), in typed arrays so that a 1 GiB overlay (262,144 chunks) costs 2.5 MiB and
// no objects, with a running count per owner for "who spent my overlay".

const FIRST_CAPACITY = 1024;

export class LedgerEntries {
  private cow = new Int32Array(FIRST_CAPACITY);
  private origin = new Int32Array(FIRST_CAPACITY);
  private owner = new Uint16Array(FIRST_CAPACITY);
  private size = 0;
  /** Owner names; an entry keeps the index. Never shrinks, so indices stay stable for the views. */
  private readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private counts: number[] = [];

  get count(): number {
    return this.size;
  }

  get owners(): readonly string[] {
    return this.names;
  }

  ownerId(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
      this.counts.push(0);
    }
    return id;
  }

  append(cowChunk: number, originChunk: number, ownerId: number): void {
    if (this.size === this.cow.length) this.grow();
    this.cow[this.size] = cowChunk;
    this.origin[this.size] = originChunk;
    this.owner[this.size] = ownerId;
    this.counts[ownerId]!++;
    this.size++;
  }

  cowChunkAt(index: number): number {
    return this.cow[index]!;
  }

  originChunkAt(index: number): number {
    return this.origin[index]!;
  }

  ownerIdAt(index: number): number {
    return this.owner[index]!;
  }

  setOwner(index: number, ownerId: number): void {
    this.counts[this.owner[index]!]!--;
    this.owner[index] = ownerId;
    this.counts[ownerId]!++;
  }

  /** Chunks charged to each owner, by owner id. */
  chunksOf(ownerId: number): number {
    return this.counts[ownerId] ?? 0;
  }

  /** The entry of a COW chunk, or -1: COW chunks grow with the index, so a binary search finds it. */
  indexOfCowChunk(cowChunk: number): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.cow[mid]!;
      if (at === cowChunk) return mid;
      if (at < cowChunk) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** The first entry whose COW chunk is `cowChunk` or later (count when there is none). */
  firstIndexFrom(cowChunk: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cow[mid]! < cowChunk) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  clear(): void {
    this.size = 0;
    this.counts = this.counts.map(() => 0);
  }

  private grow(): void {
    const capacity = this.cow.length * 2;
    const cow = new Int32Array(capacity);
    const origin = new Int32Array(capacity);
    const owner = new Uint16Array(capacity);
    cow.set(this.cow);
    origin.set(this.origin);
    owner.set(this.owner);
    this.cow = cow;
    this.origin = origin;
    this.owner = owner;
  }
}
