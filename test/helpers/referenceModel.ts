// A deliberately simple reference of the kernel-lab's published rules (test/fixtures/kernel, README):
// one Map entry per chunk, allocation one chunk at a time. Property tests run the real model against it.

export type Store = 'P' | 'PO' | 'N';

export class ReferenceSnapshot {
  table: [number, number][] = [];
  valid = true;
  overflowed = false;
  /** The valid byte in the header (persistent stores). */
  headerValid = 1;
  private copied = new Map<number, number>();
  private nextFree = 2;

  constructor(
    readonly store: Store,
    readonly chunk: number,
    public cowSectors: number,
  ) {
    this.load();
  }

  get epa(): number {
    return (this.chunk * 512) / 16;
  }

  /** dmsetup create: a persistent store reloads its table; a transient one starts empty. */
  load(): void {
    this.overflowed = false;
    this.copied = new Map();
    if (this.store === 'N') {
      this.table = [];
      this.nextFree = 0;
      this.valid = true;
      return;
    }
    this.valid = this.headerValid !== 0;
    this.nextFree = 2;
    for (const [o, n] of this.table) {
      this.copied.set(o, n);
      this.nextFree = Math.max(this.nextFree, n + 1);
    }
    if (this.nextFree % (this.epa + 1) === 1) this.nextFree++;
  }

  write(first: number, last: number): boolean {
    if (!this.valid || this.overflowed) return false;
    const inFlight: [number, number][] = [];
    for (let c = first; c <= last; c++) {
      if (this.copied.has(c)) continue;
      const fits =
        this.store === 'N'
          ? (this.nextFree + 1) * this.chunk <= this.cowSectors
          : (this.nextFree + 1) * this.chunk <= this.cowSectors;
      if (!fits) {
        if (this.store === 'PO') {
          this.commit(inFlight);
          this.overflowed = true;
        } else {
          this.valid = false;
          if (this.store === 'P') this.headerValid = 0;
        }
        return false;
      }
      inFlight.push([c, this.nextFree]);
      this.nextFree++;
      if (this.store !== 'N' && this.nextFree % (this.epa + 1) === 1) this.nextFree++;
    }
    this.commit(inFlight);
    return true;
  }

  read(): boolean {
    return this.valid;
  }

  status(): string {
    if (!this.valid) return 'Invalid';
    if (this.overflowed) return 'Overflow';
    if (this.store === 'N') return `${this.nextFree * this.chunk}/${this.cowSectors} 0`;
    const e = this.table.length;
    return `${this.nextFree * this.chunk}/${this.cowSectors} ${this.chunk * (2 + Math.floor(e / this.epa))}`;
  }

  private commit(inFlight: [number, number][]): void {
    for (const [o, n] of inFlight) {
      this.copied.set(o, n);
      this.table.push([o, n]);
    }
  }
}
