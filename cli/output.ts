// Buffered writing to stdout that waits when the reader is slow, so output never piles up in memory.
import type { Writable } from 'node:stream';

/** Enough gathered text for one write to be worth it. */
const FULL = 64 * 1024;
/** How long a file or pipe may wait for text already gathered. */
const MAX_DELAY_MS = 200;

export class Output {
  private chunks: string[] = [];
  private size = 0;
  private lastFlush: number;

  constructor(
    private readonly stream: Writable & { isTTY?: boolean },
    private readonly now: () => number = () => performance.now(),
    /** Called before each write to the stream (to clear a progress line on the same terminal). */
    private readonly beforeWrite: () => void = () => {},
  ) {
    this.lastFlush = now();
  }

  write(s: string): void {
    this.chunks.push(s);
    this.size += s.length;
  }

  /** Hands what was written to the stream; resolves once the stream can take more. */
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.lastFlush = this.now();
    this.beforeWrite();
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    }
  }

  /** Flush only when enough has gathered for one write to be worth it. */
  async flushIfFull(): Promise<void> {
    if (this.size >= FULL) await this.flush();
  }

  /**
   * After a group of results: a terminal shows them at once; a file or a pipe gets them in writes of 64 kB,
   * or after at most 200 ms (a write per letter cost a lint of 10,000 letters in the main thread 5 %).
   */
  async flushIfDue(): Promise<void> {
    if (this.size === 0) return;
    if (this.stream.isTTY || this.size >= FULL || this.now() - this.lastFlush >= MAX_DELAY_MS) await this.flush();
  }
}
