// Reads PDFs in a child process of their own: pdf.js on a hostile or broken PDF can take seconds of one page and
// hundreds of MB, and a process that runs out of memory dies whole. Here the child dies, under a heap ceiling,
// or is killed past its time; the language server and the CLI get a reason and go on, and the next PDF starts a
// new child. The child is the PDF bundle itself (dist/pdf.js, pdfText.mts), started once and kept while PDFs come.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { DecodeResult } from '../core/text/decode';
import { defaultPdfLimits, lateReason } from './limits';
import type { PdfLimits } from './limits';

export interface PdfReaderOptions {
  /** The child's JavaScript heap ceiling, MB. A letter takes pdf.js under 40 MB. */
  maxHeapMb?: number;
  /** How long past the time limit the child may take to stop by itself before it is killed. */
  graceMs?: number;
  /** The child ends after this long without work (its ~80 MB are the server's for nothing otherwise). */
  idleMs?: number;
}

export const defaultReaderOptions: Required<PdfReaderOptions> = { maxHeapMb: 256, graceMs: 2000, idleMs: 30_000 };

/** The child's messages; the reader sends `{ id, bytes, limits }`. */
export interface ReaderReply {
  id: number;
  result: DecodeResult;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  limits: PdfLimits;
  resolve(result: DecodeResult): void;
}

export class PdfReader {
  private readonly options: Required<PdfReaderOptions>;
  private child: ChildProcess | undefined;
  private readonly queue: Job[] = [];
  /** The reading under way, and the child it was sent to (a child let go may end after a new one took over). */
  private current: { job: Job; child: ChildProcess; timer: ReturnType<typeof setTimeout>; late: boolean } | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  /** How many children were started: the tests see a child replaced after a failure. */
  started = 0;

  constructor(
    private readonly script: () => string,
    options: PdfReaderOptions = {},
  ) {
    this.options = { ...defaultReaderOptions, ...options };
  }

  /** The text of a PDF's bytes, or why there is none. Never rejects. */
  read(bytes: Uint8Array, limits: PdfLimits = {}): Promise<DecodeResult> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, bytes, limits, resolve });
      this.pump();
    });
  }

  /** How many readings are asked of it and not answered yet. */
  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  /** The child's process id while there is one (the tests read its memory). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Ends the child now (a queued reading then starts a new one). */
  dispose(): void {
    clearTimeout(this.idleTimer);
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    clearTimeout(this.idleTimer);
    const job = this.queue.shift()!;
    let child: ChildProcess;
    try {
      child = this.child ?? this.start();
    } catch (e) {
      job.resolve({ ok: false, reason: `a PDF, and the PDF reader could not be started (${(e as Error)?.message ?? String(e)})` });
      this.pump();
      return;
    }
    const timeoutMs = job.limits.timeoutMs ?? defaultPdfLimits.timeoutMs;
    const timer = setTimeout(() => {
      if (this.current?.job !== job) return;
      this.current.late = true;
      child.kill('SIGKILL');
    }, timeoutMs + this.options.graceMs);
    this.current = { job, child, timer, late: false };
    // Held while it works: a CLI run must not end with a PDF half read, nor wait on an idle child.
    child.ref();
    child.channel?.ref();
    child.send({ id: job.id, bytes: job.bytes, limits: job.limits }, (e) => {
      if (e && this.current?.job === job) this.finish({ ok: false, reason: `the PDF reader could not be sent the PDF (${e.message})` });
    });
  }

  private start(): ChildProcess {
    const child = fork(this.script(), ['--imr-pdf-reader'], {
      // Its own flags, not this process's (an --inspect port would clash): the heap ceiling, nothing else.
      execArgv: [`--max-old-space-size=${this.options.maxHeapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    this.started++;
    this.child = child;
    child.on('message', (m: ReaderReply) => {
      if (this.current?.child === child && m?.id === this.current.job.id) this.finish(m.result);
    });
    child.on('error', (e) => {
      // Not started at all (no process id): 'exit' may never come. Otherwise 'exit' follows, or the send says so.
      if (child.pid !== undefined) return;
      if (this.child === child) this.child = undefined;
      if (this.current?.child === child) this.finish({ ok: false, reason: `a PDF, and the PDF reader could not be started (${e.message})` });
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      const current = this.current;
      if (current?.child !== child) return;
      if (current.late) this.finish({ ok: false, reason: lateReason(current.job.limits.timeoutMs ?? defaultPdfLimits.timeoutMs) });
      // V8 aborts a process whose heap is full.
      else if (signal === 'SIGABRT' || code === 134) this.finish({ ok: false, reason: `needs over ${this.options.maxHeapMb} MB of memory to read (no letter needs a quarter of that); not read` });
      else this.finish({ ok: false, reason: `the PDF reader stopped on it (${signal ?? `exit code ${code}`}); not read` });
    });
    return child;
  }

  private finish(result: DecodeResult): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = undefined;
    current.job.resolve(result);
    if (this.queue.length > 0) {
      this.pump();
      return;
    }
    const child = this.child;
    if (!child) return;
    child.unref();
    child.channel?.unref();
    this.idleTimer = setTimeout(() => this.dispose(), this.options.idleMs);
    this.idleTimer.unref();
  }
}

/**
 * Several readers, each asked in turn by how little it has to do: PDFs read on as many cores. A reader's child is
 * started only when a reading comes to it, so a single PDF starts one.
 */
export class PdfReaders {
  readonly readers: PdfReader[];

  constructor(script: () => string, count: number, options: PdfReaderOptions = {}) {
    this.readers = Array.from({ length: Math.max(1, count) }, () => new PdfReader(script, options));
  }

  read(bytes: Uint8Array, limits: PdfLimits = {}): Promise<DecodeResult> {
    // The least busy; among the idle, one whose child is running (no start-up), else the first.
    let best = this.readers[0];
    for (const r of this.readers) {
      if (r.pending < best.pending || (r.pending === best.pending && r.pid !== undefined && best.pid === undefined)) best = r;
    }
    return best.read(bytes, limits);
  }

  dispose(): void {
    for (const r of this.readers) r.dispose();
  }
}
