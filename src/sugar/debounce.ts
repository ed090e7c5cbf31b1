// Runs an action once, a delay after the last of a burst of requests (saving after every change, debounced).

export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly action: () => void,
  ) {}

  /** True while a run is waiting for its delay. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** (Re)starts the delay: the action runs once, delayMs after the last call. */
  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.action();
    }, this.delayMs);
  }

  /** Drops the waiting run, if any. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
