// When a crashed language server is restarted: always, unless it crashed too often lately. Pure.

export class RestartPolicy {
  private readonly restarts: number[] = [];

  constructor(
    /** Restarts allowed within the window; one crash more and the user decides. */
    readonly maxRestarts = 5,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now`; true when the server should be restarted. */
  shouldRestart(now: number): boolean {
    while (this.restarts.length > 0 && now - this.restarts[0] > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.maxRestarts) return false;
    this.restarts.push(now);
    return true;
  }

  /** Restarts counted in the current window. */
  get recent(): number {
    return this.restarts.length;
  }
}
