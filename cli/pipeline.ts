// Runs one task over every file found, on a pool of worker threads, delivering results in input order.
// Memory stays flat however many files there are: the walk is lazy (beyond the paths found first to size the
// pool), at most `window` files are between being found and being delivered, and nothing is kept after delivery.
import { Worker } from 'node:worker_threads';
import { analyse } from './analyse';
import type { Outcome, Task } from './analyse';
import type { ConfigResolver } from './config';
import { discover } from './discover';
import type { Found } from './discover';
import { isPdfFileName } from '../pdf/load';
import { inProcessThreshold } from './runtime';
import type { Severity } from './args';
import type { TableColumn } from './table';

export interface FileResult {
  file: string;
  explicit: boolean;
  outcome: Outcome;
}

export interface PipelineOptions {
  task: Task;
  /** The table's columns (task 'table'). */
  columns?: readonly TableColumn[];
  inputs: readonly string[];
  /** Worker threads; 0 works in the main thread. With `autoJobs`, the most workers to start. */
  jobs: number;
  /** Size the pool by the number of files (poolSize) instead of starting `jobs` workers. */
  autoJobs?: boolean;
  resolver: ConfigResolver;
  /** The script a worker runs: the CLI bundle itself, which turns into a worker when not the main thread. */
  workerScript: string;
  /** Called once per file, in input order; the pipeline waits for it (output back-pressure). */
  deliver: (result: FileResult) => void | Promise<void>;
  /** Called after each group of deliveries, e.g. to flush output or show progress. */
  afterDeliveries?: (delivered: number) => void | Promise<void>;
}

/** With an explicit --jobs: below this many files, starting workers costs more than it saves. */
export const smallRun = 8;

// Each worker pays V8's warm-up once (about a second of optimizing compilation here, and its first letters run
// before their code is optimized), so a worker is worth starting only for enough letters. Measured on the
// 2-core machine with lint --format json (BENCHMARKS.md): 200 letters took 0.66 s in the main thread, 0.73 s
// with one worker and 0.95 s with two; 2,500 letters 1.44–1.70 s with one worker and 1.74–2.05 s with two;
// 5,000 letters about the same either way; 10,000 letters 3.5 s with one and 2.8 s with two.
/** Without --jobs, a run of fewer files works in the main thread (300 on Node 20, 2,000 on Node 24: runtime.ts). */
export const inProcessBelow = inProcessThreshold(process.versions.node);
/** Without --jobs, one worker per this many files (up to the cores). */
export const filesPerWorker = 4000;

/**
 * What a file found costs, in text letters: a PDF (by its name) takes pdf.js 17–35 ms against under 1 ms for a text
 * letter (npm run bench -- pdf), so 600 PDFs are worth two workers as 15,000 text letters are: 7.6 s with two
 * against 10.7 s with one and 11.8 s in the main thread, measured on the 2-core machine.
 */
export const pdfWeight = 25;

export function workOf(found: readonly Found[]): number {
  let work = 0;
  for (const f of found) work += f.kind === 'file' && isPdfFileName(f.file) ? pdfWeight : 1;
  return work;
}

/** The workers for a run without --jobs that has found `files` files so far (all of them when `exhausted`). */
export function poolSize(files: number, exhausted: boolean, maxJobs: number): number {
  if (exhausted && files < inProcessBelow) return 0;
  return Math.max(1, Math.min(maxJobs, Math.ceil(files / filesPerWorker)));
}

const batchSize = 16;
/** Batches queued per worker: one being worked on, one waiting, so a worker never idles on a round trip. */
const batchesPerWorker = 2;

/**
 * A worker's live heap stays near 8 MB, but V8 collects lazily and lets a busy isolate hold tens of MB of
 * garbage; with three isolates a 40,000-letter run peaked at 215 MB of RSS. An 8 MB young generation
 * kept it near 150 MB for the same CPU time (measured; see BENCHMARKS.md).
 */
const workerLimits = { maxYoungGenerationSizeMb: 8 };

export interface WorkerJob {
  seq: number;
  file: string;
  rulesId: number;
}
export type ToWorker = { type: 'rules'; id: number; rules: Record<string, Severity> } | { type: 'batch'; jobs: WorkerJob[] };
export type FromWorker = { type: 'results'; results: { seq: number; outcome: Outcome }[] };

export interface WorkerData {
  role: 'imr-letters-worker';
  task: Task;
  columns?: readonly TableColumn[];
}

export async function runPipeline(options: PipelineOptions): Promise<void> {
  const source = discover(options.inputs);
  // The first files are found before any work starts, enough work to choose the pool (at most 12,001 paths).
  const lookahead = options.autoJobs ? Math.max(inProcessBelow, filesPerWorker * (options.jobs - 1) + 1) : smallRun;
  const head: Found[] = [];
  let work = 0;
  let exhausted = false;
  while ((options.autoJobs ? work : head.length) < lookahead) {
    const next = await source.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    work += workOf([next.value]);
  }
  const all = prepend(head, source);
  const jobs = options.autoJobs ? poolSize(work, exhausted, options.jobs) : exhausted ? 0 : options.jobs;
  if (jobs === 0) await runInProcess(all, options);
  else await runOnWorkers(all, { ...options, jobs });
}

async function* prepend(head: Found[], rest: AsyncGenerator<Found>): AsyncGenerator<Found> {
  yield* head;
  yield* rest;
}

async function runInProcess(source: AsyncIterable<Found>, options: PipelineOptions): Promise<void> {
  let delivered = 0;
  for await (const found of source) {
    if (found.kind === 'problem') {
      await options.deliver({ file: found.file, explicit: true, outcome: { kind: 'bad', reason: found.reason } });
    } else {
      const { rules } = options.resolver.rulesForFile(found.file);
      await options.deliver({ file: found.file, explicit: found.explicit, outcome: await analyse(options.task, found.file, { rules, columns: options.columns }) });
    }
    await options.afterDeliveries?.(++delivered);
  }
}

interface PoolWorker {
  worker: Worker;
  outstanding: number;
  knownRules: Set<number>;
}

async function runOnWorkers(source: AsyncIterable<Found>, options: PipelineOptions): Promise<void> {
  const data: WorkerData = { role: 'imr-letters-worker', task: options.task, columns: options.columns };
  const window = options.jobs * batchSize * batchesPerWorker * 2;
  const waiting: FileResult[] = []; // by seq - nextDeliver; a hole until its result arrives
  const meta = new Map<number, { file: string; explicit: boolean }>();
  const rulesById = new Map<number, Record<string, Severity>>();
  let nextSeq = 0;
  let nextDeliver = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  // Set by every worker event, so that an event arriving while results are being written (output
  // back-pressure) is not missed: `settle` then looks again instead of waiting for an event that came.
  let eventSeen = false;
  const signal = () => {
    eventSeen = true;
    const w = wake;
    wake = undefined;
    w?.();
  };
  const nextEvent = () => new Promise<void>((resolve) => (wake = resolve));

  const pool: PoolWorker[] = [];
  for (let i = 0; i < options.jobs; i++) {
    const worker = new Worker(options.workerScript, { workerData: data, resourceLimits: workerLimits });
    const entry: PoolWorker = { worker, outstanding: 0, knownRules: new Set() };
    entry.worker.on('message', (m: FromWorker) => {
      entry.outstanding--;
      for (const r of m.results) {
        const info = meta.get(r.seq);
        meta.delete(r.seq);
        if (info) waiting[r.seq - nextDeliver] = { ...info, outcome: r.outcome };
      }
      signal();
    });
    entry.worker.on('error', (e) => {
      failure ??= e;
      signal();
    });
    entry.worker.on('exit', (code) => {
      if (entry.outstanding > 0) failure ??= new Error(`a worker thread stopped (exit code ${code}) before finishing its files`);
      signal();
    });
    pool.push(entry);
  }

  let delivered = 0;
  const deliverReady = async () => {
    if (failure) throw failure;
    let any = false;
    while (waiting.length > 0 && waiting[0] !== undefined) {
      const result = waiting.shift() as FileResult;
      nextDeliver++;
      await options.deliver(result);
      delivered++;
      any = true;
    }
    if (any) await options.afterDeliveries?.(delivered);
  };
  const settle = async (done: () => boolean) => {
    for (;;) {
      eventSeen = false;
      await deliverReady();
      if (done()) return;
      if (!eventSeen) await nextEvent();
    }
  };

  let batch: WorkerJob[] = [];
  const dispatch = async () => {
    if (batch.length === 0) return;
    await settle(() => pool.some((p) => p.outstanding < batchesPerWorker));
    const target = pool.reduce((a, b) => (b.outstanding < a.outstanding ? b : a));
    for (const job of batch) {
      if (!target.knownRules.has(job.rulesId)) {
        target.knownRules.add(job.rulesId);
        const msg: ToWorker = { type: 'rules', id: job.rulesId, rules: rulesById.get(job.rulesId) ?? {} };
        target.worker.postMessage(msg);
      }
    }
    const msg: ToWorker = { type: 'batch', jobs: batch };
    target.worker.postMessage(msg);
    target.outstanding++;
    batch = [];
  };

  try {
    for await (const found of source) {
      const seq = nextSeq++;
      if (found.kind === 'problem') {
        waiting[seq - nextDeliver] = { file: found.file, explicit: true, outcome: { kind: 'bad', reason: found.reason } };
      } else {
        const effective = options.resolver.rulesForFile(found.file);
        rulesById.set(effective.id, effective.rules);
        meta.set(seq, { file: found.file, explicit: found.explicit });
        batch.push({ seq, file: found.file, rulesId: effective.id });
        if (batch.length >= batchSize) await dispatch();
      }
      if (nextSeq - nextDeliver >= window) {
        await dispatch();
        await settle(() => nextSeq - nextDeliver < window);
      }
    }
    await dispatch();
    await settle(() => nextDeliver === nextSeq);
  } finally {
    await Promise.all(pool.map((p) => p.worker.terminate()));
  }
}
