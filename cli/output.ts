// Buffered writing to stdout that waits when the reader is slow, so output never piles up in memory.
import type { Writable } from 'node:stream';

export class Output {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly stream: Writable) {}

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
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    }
  }

  /** Flush only when enough has gathered for one write to be worth it. */
  async flushIfFull(): Promise<void> {
    if (this.size >= 64 * 1024) await this.flush();
  }
}
